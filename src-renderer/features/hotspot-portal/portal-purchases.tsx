import { Badge, SegmentedControl, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTAL_PURCHASE_STATUSES, type PortalPurchaseSummary } from '@shared/contract/hotspot-portal';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { useMoney } from '../payments/use-money';

type Status = (typeof PORTAL_PURCHASE_STATUSES)[number];
const COLORS: Record<Status, string> = { paying: 'blue', paid: 'green', failed: 'gray' };

/** Vouchers bought from the portal with M-Pesa, newest first; search by phone, code or MAC. */
export function PortalPurchases() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const query = useTableQuery<never>({});
  const [status, setStatus] = useState<Status | 'all'>('all');
  const list = useRpc('portal.purchases.list', {
    page: query.page, pageSize: query.pageSize, ...(query.q ? { q: query.q } : {}), ...(status === 'all' ? {} : { status }),
  });
  const columns = useMemo<ColumnDef<PortalPurchaseSummary>[]>(() => [
    { id: 'createdAt', header: t('portal.purchases.col.createdAt'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.createdAt)}</Text> },
    { id: 'plan', header: t('portal.purchases.col.plan'), cell: ({ row }) => <Text size="sm">{row.original.planName}</Text> },
    { id: 'phone', header: t('portal.purchases.col.phone'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.phone}</Text> },
    { id: 'amount', header: t('portal.purchases.col.amount'), meta: { nowrap: true, align: 'right' }, cell: ({ row }) => <Text size="sm" fw={600}>{money(row.original.amountMinor)}</Text> },
    {
      id: 'status', header: t('portal.purchases.col.status'), meta: { nowrap: true },
      cell: ({ row: { original: p } }) => <Badge variant="light" color={COLORS[p.status]} title={p.failure ?? undefined}>{t(`portal.purchases.status.${p.status}`)}</Badge>,
    },
    {
      id: 'code', header: t('portal.purchases.col.code'), meta: { nowrap: true },
      cell: ({ row: { original: p } }) => (p.status === 'paid' && !p.code
        ? <Text size="sm" c="orange" title={p.failure ?? undefined}>{t('portal.purchases.notIssued')}</Text>
        : <Text size="sm" ff="monospace">{p.code ?? ''}</Text>),
    },
    { id: 'device', header: t('portal.purchases.col.device'), meta: { nowrap: true }, cell: ({ row }) => <Text size="xs" c="dimmed">{`${row.original.mac} · ${row.original.ip}`}</Text> },
    {
      id: 'login', header: t('portal.purchases.col.login'),
      cell: ({ row: { original: p } }) => <Text size="sm" title={p.loginError ?? undefined}>{t(`portal.purchases.login.${p.login}`)}</Text>,
    },
  ], [t, tf, money]);

  return (
    <DataTable
      label={t('portal.tab.purchases')}
      columns={columns}
      {...pagedRows(list)}
      getRowId={(p) => p.id}
      query={query}
      filters={(
        <SegmentedControl
          size="xs" value={status} onChange={(v) => setStatus(v as Status | 'all')}
          data={[{ value: 'all', label: t('portal.purchases.filterAll') }, ...PORTAL_PURCHASE_STATUSES.map((s) => ({ value: s, label: t(`portal.purchases.status.${s}`) }))]}
        />
      )}
      empty={<EmptyNotice title={t('portal.purchases.emptyTitle')} description={t('portal.purchases.emptyBody')} />}
    />
  );
}
