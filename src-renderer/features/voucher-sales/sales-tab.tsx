import { Select, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherSaleSummary } from '@shared/contract/voucher-sales';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { useMoney } from '../payments/use-money';

type Buyer = VoucherSaleSummary['buyerKind'];

/** Every sale, newest first: what was sold, to whom, for how much, paid how, by whom. */
export function SalesTab() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const query = useTableQuery<'createdAt' | 'totalMinor', { buyerKind: Buyer | undefined }>({ filters: { buyerKind: undefined } });
  const list = useRpc('vouchers.sales.list', query.input);
  const columns = useMemo<ColumnDef<VoucherSaleSummary>[]>(() => [
    { id: 'createdAt', header: t('voucherSales.sales.col.createdAt'), meta: { nowrap: true, sortable: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.createdAt)}</Text> },
    { id: 'plan', header: t('voucherSales.sales.col.plan'), cell: ({ row }) => <Text size="sm">{row.original.planName}</Text> },
    { id: 'count', header: t('voucherSales.sales.col.count'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.count}</Text> },
    { id: 'totalMinor', header: t('voucherSales.sales.col.totalMinor'), meta: { nowrap: true, align: 'right', sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{money(row.original.totalMinor)}</Text> },
    { id: 'buyer', header: t('voucherSales.sales.col.buyer'), cell: ({ row }) => <Text size="sm">{row.original.agentName ?? t('voucherSales.sales.walkIn')}</Text> },
    {
      id: 'method', header: t('voucherSales.sales.col.method'), meta: { nowrap: true },
      cell: ({ row }) => <Text size="sm">{row.original.method ? t(`payments.provider.${row.original.method}`) : t('voucherSales.sales.float')}</Text>,
    },
    { id: 'reference', header: t('voucherSales.sales.col.reference'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.reference ?? ''}</Text> },
    { id: 'soldBy', header: t('voucherSales.sales.col.soldBy'), cell: ({ row }) => <Text size="sm">{row.original.soldBy.name}</Text> },
  ], [t, tf, money]);

  return (
    <DataTable
      label={t('voucherSales.sales.label')}
      columns={columns}
      {...pagedRows(list)}
      getRowId={(s) => s.id}
      query={query}
      filters={
        <Select
          aria-label={t('voucherSales.sales.filterBuyer')}
          placeholder={t('voucherSales.sales.allBuyers')}
          data={[{ value: 'walk-in', label: t('voucherSales.sales.walkIn') }, { value: 'agent', label: t('voucherSales.sell.agent') }]}
          value={query.filters.buyerKind ?? null}
          onChange={(v) => query.setFilter('buyerKind', (v ?? undefined) as Buyer | undefined)}
          clearable
          w={180}
        />
      }
      empty={<EmptyNotice title={t('voucherSales.sales.emptyTitle')} description={t('voucherSales.sales.emptyBody')} />}
    />
  );
}
