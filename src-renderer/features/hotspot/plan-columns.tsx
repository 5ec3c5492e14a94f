import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { HotspotPlanSummary, VoucherLimit } from '@shared/contract/hotspot';
import { formatMoney } from '@shared/domain/money';
import { StateDot } from '../routers/router-badges';
import { rosRate } from '../packages/package-form';
import { spanOf } from './plan-form';

/** A plan's limit in words: "2 hours of use", "7 days from first login". */
export function limitText(t: TFunction, limit: VoucherLimit): string {
  if (limit.kind === 'none') return t('hotspot.limit.none');
  const { amount, unit } = spanOf(limit.seconds);
  return t(`hotspot.limit.${limit.kind}`, { span: t(`hotspot.limit.${unit}`, { count: amount }) });
}

interface Options {
  t: TFunction;
  currency: string;
  locale: string;
  routerNames: Map<string, string>;
  canManage: boolean;
  onEdit: (plan: HotspotPlanSummary) => void;
}

export function planColumns({ t, currency, locale, routerNames, canManage, onEdit }: Options): ColumnDef<HotspotPlanSummary>[] {
  const cols: ColumnDef<HotspotPlanSummary>[] = [
    {
      id: 'name', header: t('hotspot.plans.col.name'), meta: { sortable: true },
      cell: ({ row: { original: p } }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>{p.name}</Text>
          {p.dnsName === null && (
            <Tooltip label={t('hotspot.plans.noDnsName')}><IconAlertTriangle size={16} color="var(--mantine-color-yellow-7)" aria-label={t('hotspot.plans.noDnsName')} /></Tooltip>
          )}
        </Group>
      ),
    },
    { id: 'router', header: t('hotspot.plans.col.router'), cell: ({ row }) => <Text size="sm">{routerNames.get(row.original.routerId) ?? '—'}</Text> },
    { id: 'limit', header: t('hotspot.plans.col.limit'), cell: ({ row }) => <Text size="sm">{limitText(t, row.original.limit)}</Text> },
    {
      id: 'rate', header: t('hotspot.plans.col.rate'), meta: { nowrap: true },
      cell: ({ row }) => <Text size="sm" ff="monospace">{`${rosRate(row.original.rateLimit.rxKbps)}/${rosRate(row.original.rateLimit.txKbps)}`}</Text>,
    },
    {
      id: 'priceMinor', header: t('hotspot.plans.col.price'), meta: { sortable: true, nowrap: true, align: 'right' },
      cell: ({ row }) => <Text size="sm">{formatMoney(row.original.priceMinor, currency, locale)}</Text>,
    },
    { id: 'vouchers', header: t('hotspot.plans.col.vouchers'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.voucherCount}</Text> },
    {
      id: 'status', header: t('hotspot.plans.col.status'), meta: { sortable: true, nowrap: true },
      cell: ({ row }) => <StateDot color={row.original.status === 'active' ? 'green' : 'gray'} label={t(`hotspot.plans.status.${row.original.status}`)} />,
    },
  ];
  if (canManage) {
    cols.push({
      id: 'actions', header: '', meta: { align: 'right', width: 56 },
      cell: ({ row: { original: p } }) => (
        <ActionIcon variant="subtle" color="gray" aria-label={t('hotspot.plans.actionsFor', { name: p.name })} onClick={() => onEdit(p)}>
          <IconPencil size={18} />
        </ActionIcon>
      ),
    });
  }
  return cols;
}
