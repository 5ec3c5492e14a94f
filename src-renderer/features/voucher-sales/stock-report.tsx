import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '@shared/contract/voucher-sales';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { CsvDownloadButton } from '../../components/csv-export-button';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { useMoney } from '../payments/use-money';

/** "" → null (no alert); a whole number 0–100,000 → itself; anything else → undefined (invalid). */
export function thresholdFromText(text: string): number | null | undefined {
  const v = text.trim();
  if (v === '') return null;
  if (!/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 100_000 ? n : undefined;
}

/** Stock per plan: left to sell, sold, used, revoked, the low-stock threshold (set by admins) and the alert. */
export function StockReport({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const callIn = useCall();
  const principal = usePrincipal();
  const mayManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const query = useTableQuery<'planName' | 'available'>({});
  const list = useRpc('vouchers.stock', query.input);
  const [editing, setEditing] = useState<StockRow | null>(null);
  const [text, setText] = useState('');
  const threshold = thresholdFromText(text);
  const columns = useMemo<ColumnDef<StockRow>[]>(() => [
    { id: 'planName', header: t('voucherSales.reports.col.plan'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={500}>{row.original.planName}</Text> },
    { id: 'price', header: t('voucherSales.reports.col.price'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm">{money(row.original.priceMinor)}</Text> },
    {
      id: 'available', header: t('voucherSales.reports.col.available'), meta: { align: 'right', sortable: true },
      cell: ({ row: { original: r } }) => <Group gap={6} justify="flex-end">{r.low && <Badge color="orange" size="sm">{t('voucherSales.reports.low')}</Badge>}<Text size="sm">{r.available}</Text></Group>,
    },
    { id: 'sold', header: t('voucherSales.reports.col.sold'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.sold}</Text> },
    { id: 'used', header: t('voucherSales.reports.col.used'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.used}</Text> },
    { id: 'revoked', header: t('voucherSales.reports.col.revoked'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.revoked}</Text> },
    {
      id: 'lowStock', header: t('voucherSales.reports.col.lowStock'), meta: { align: 'right' },
      cell: ({ row: { original: r } }) => mayManage
        ? <Button size="compact-sm" variant="subtle" onClick={() => {
          setText(r.lowStock === null ? '' : String(r.lowStock));
          setEditing(r);
        }}>{r.lowStock ?? t('voucherSales.reports.noAlert')}</Button>
        : <Text size="sm">{r.lowStock ?? t('voucherSales.reports.noAlert')}</Text>,
    },
  ], [t, money, mayManage]);

  return (
    <>
      <DataTable
        label={t('voucherSales.reports.stockTitle')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(r) => r.planId}
        query={query}
        filters={<CsvDownloadButton load={() => callIn('vouchers.export.csv', { report: 'stock' })} label={t('voucherSales.reports.csv')} failedTitle={t('voucherSales.reports.csvFailed')} />}
        empty={<EmptyNotice title={t('voucherSales.reports.stockEmpty')} />}
      />
      <ConfirmModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('voucherSales.reports.thresholdTitle', { plan: editing?.planName ?? '' })}
        confirmLabel={t('voucherSales.reports.thresholdSave')}
        confirmDisabled={threshold === undefined}
        onConfirm={async () => {
          if (!editing || threshold === undefined) return;
          await callIn('vouchers.stock.threshold', { planId: editing.planId, lowStock: threshold });
          list.reload();
          onChanged();
        }}
      >
        <Text size="sm">{t('voucherSales.reports.thresholdBody')}</Text>
        <TextInput label={t('voucherSales.reports.setThreshold')} value={text} onChange={(e) => setText(e.currentTarget.value)} inputMode="numeric"
          error={threshold === undefined ? t('voucherSales.reports.thresholdInvalid') : null} data-autofocus />
      </ConfirmModal>
    </>
  );
}
