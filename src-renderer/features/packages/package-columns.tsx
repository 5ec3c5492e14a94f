import { ActionIcon, Menu, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDotsVertical, IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { PackageSummary } from '@shared/contract/packages';
import { formatMoney } from '@shared/domain/money';
import { StateDot } from '../routers/router-badges';
import { rosRate } from './package-form';

export type PackageAction = 'edit' | 'status' | 'delete';

interface ColumnOptions {
  t: TFunction;
  currency: string;
  locale: string;
  routerNames: Map<string, string>;
  canManage: boolean;
  onAction: (action: PackageAction, pkg: PackageSummary) => void;
}

/** Columns of the packages table; ids that the list channel sorts by are marked sortable. */
export function packageColumns({ t, currency, locale, routerNames, canManage, onAction }: ColumnOptions): ColumnDef<PackageSummary>[] {
  const cols: ColumnDef<PackageSummary>[] = [
    { id: 'name', header: t('packages.col.name'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{row.original.name}</Text> },
    { id: 'serviceType', header: t('packages.col.type'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{t(`packages.type.${row.original.serviceType}`)}</Text> },
    {
      id: 'routers',
      header: t('packages.col.routers'),
      cell: ({ row }) => {
        const names = row.original.routerIds.map((id) => routerNames.get(id)).filter((n): n is string => !!n);
        const text = names.length > 0 ? names.join(', ') : t('packages.routerCount', { count: row.original.routerIds.length });
        return <Tooltip label={text} disabled={text.length < 40}><Text size="sm" lineClamp={1}>{text}</Text></Tooltip>;
      },
    },
    {
      id: 'rate',
      header: t('packages.col.rate'),
      meta: { nowrap: true },
      cell: ({ row }) => <Text size="sm" ff="monospace">{`${rosRate(row.original.rateLimit.rxKbps)}/${rosRate(row.original.rateLimit.txKbps)}`}</Text>,
    },
    {
      id: 'priceMinor',
      header: t('packages.col.price'),
      meta: { sortable: true, nowrap: true, align: 'right' },
      cell: ({ row }) => <Text size="sm">{formatMoney(row.original.priceMinor, currency, locale)}</Text>,
    },
    {
      id: 'period',
      header: t('packages.col.period'),
      meta: { nowrap: true },
      cell: ({ row }) => <Text size="sm">{t(`packages.unit.${row.original.period.unit}`, { count: row.original.period.count })}</Text>,
    },
    { id: 'subscribers', header: t('packages.col.subscribers'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.subscriberCount}</Text> },
    {
      id: 'status',
      header: t('packages.col.status'),
      meta: { sortable: true, nowrap: true },
      cell: ({ row }) => <StateDot color={row.original.status === 'active' ? 'green' : 'gray'} label={t(`packages.status.${row.original.status}`)} />,
    },
  ];
  if (!canManage) return cols;
  cols.push({
    id: 'actions',
    header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
    meta: { align: 'right', width: 56 },
    cell: ({ row: { original: p } }) => (
      <Menu position="bottom-end" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('packages.actionsFor', { name: p.name })}>
            <IconDotsVertical size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', p)}>{t('packages.edit')}</Menu.Item>
          <Menu.Item leftSection={p.status === 'active' ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />} onClick={() => onAction('status', p)}>
            {t(p.status === 'active' ? 'packages.disable' : 'packages.enable')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onAction('delete', p)}>{t('packages.delete')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ),
  });
  return cols;
}
