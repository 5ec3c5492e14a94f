import '@mantine/dates/styles.css';
import { Select } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, type PaymentItem } from '@shared/contract/payments';
import { startOfLocalDay } from '@shared/domain/time';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { CsvExportButton } from './csv-export-button';
import { paymentColumns } from './payment-columns';
import { ReceiptModal } from './receipt-modal';
import { useMoney } from './use-money';

interface PaymentFilters {
  status: PaymentItem['status'] | undefined;
  provider: PaymentItem['provider'] | undefined;
  fromDate: string | undefined;
  toDate: string | undefined;
}

const DAY_MS = 86_400_000;

/** Every payment, newest first, filtered by status, method and the days (in the ISP's zone) it was received. */
export function AllPaymentsTab() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const query = useTableQuery<never, PaymentFilters>({
    filters: { status: undefined, provider: undefined, fromDate: undefined, toDate: undefined },
  });
  const { fromDate, toDate, ...rest } = query.input;
  const principal = usePrincipal();
  const canPrint = principal.kind === 'staff' && principal.permissions.includes('receipts.print');
  const [receiptOf, setReceiptOf] = useState<PaymentItem | null>(null);
  const range = {
    ...(fromDate ? { from: startOfLocalDay(fromDate, tf.timeZone).toISOString() } : {}),
    ...(toDate ? { to: new Date(startOfLocalDay(toDate, tf.timeZone).getTime() + DAY_MS).toISOString() } : {}),
  };
  const list = useRpc('payments.list', { ...rest, ...range });
  const { page: _page, pageSize: _pageSize, ...filtersOnly } = rest;
  const columns = useMemo(() => paymentColumns({ t, tf, money, onReceipt: canPrint ? setReceiptOf : undefined }), [t, tf, money, canPrint]);
  const f = query.filters;

  return (
    <>
    <DataTable
      label={t('payments.tab.all')}
      columns={columns}
      {...pagedRows(list)}
      getRowId={(p) => p.id}
      query={query}
      searchable={false}
      filters={
        <>
          <Select
            aria-label={t('payments.filter.status')}
            placeholder={t('payments.filter.allStatuses')}
            data={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`payments.status.${s}`) }))}
            value={f.status ?? null}
            onChange={(v) => query.setFilter('status', (v ?? undefined) as PaymentItem['status'] | undefined)}
            clearable
            w={160}
          />
          <Select
            aria-label={t('payments.filter.method')}
            placeholder={t('payments.filter.allMethods')}
            data={PAYMENT_PROVIDERS.map((p) => ({ value: p, label: t(`payments.provider.${p}`) }))}
            value={f.provider ?? null}
            onChange={(v) => query.setFilter('provider', (v ?? undefined) as PaymentItem['provider'] | undefined)}
            clearable
            w={160}
          />
          <DatePickerInput aria-label={t('payments.filter.from')} placeholder={t('payments.filter.from')} value={f.fromDate ?? null}
            onChange={(v) => query.setFilter('fromDate', v ?? undefined)} valueFormatter={dayLabel} clearable w={160} />
          <DatePickerInput aria-label={t('payments.filter.to')} placeholder={t('payments.filter.to')} value={f.toDate ?? null}
            onChange={(v) => query.setFilter('toDate', v ?? undefined)} valueFormatter={dayLabel} clearable w={160} />
          <CsvExportButton input={{ list: 'payments', ...filtersOnly, ...range }} />
        </>
      }
      empty={<EmptyNotice title={t('payments.emptyTitle')} description={t('payments.emptyBody')} />}
    />
    <ReceiptModal payment={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
