import '@mantine/dates/styles.css';
import { Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVENUE_GROUPS } from '@shared/contract/voucher-sales';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { CsvDownloadButton } from '../../components/csv-export-button';
import { ErrorAlert } from '../../components/error-alert';
import { todayIn } from '../payments/payment-format';
import { useMoney } from '../payments/use-money';

type Group = (typeof REVENUE_GROUPS)[number];

/** Voucher revenue between two days of the ISP's calendar, per day, batch or agent: list price and what was paid. */
export function RevenueReport() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const callIn = useCall();
  const today = todayIn(tf.timeZone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<Group>('day');
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const out = useRpc('vouchers.revenue', { from, to, by });
  const label = (key: string, text: string) => (by === 'day' ? tf.calendarDay(key) : by === 'agent' && key === '' ? t('voucherSales.reports.walkIn') : text);

  return (
    <Paper p="md" radius="md">
      <Stack gap="md">
        <Title order={4}>{t('voucherSales.reports.revenueTitle')}</Title>
        <Group align="flex-end" gap="sm">
          <DatePickerInput label={t('voucherSales.reports.from')} value={from} onChange={(v) => v && setFrom(v)} valueFormatter={dayLabel} w={170} />
          <DatePickerInput label={t('voucherSales.reports.to')} value={to} onChange={(v) => v && setTo(v)} valueFormatter={dayLabel} w={170} />
          <SegmentedControl aria-label={t('voucherSales.reports.by')} value={by} onChange={(v) => setBy(v as Group)}
            data={REVENUE_GROUPS.map((g) => ({ value: g, label: t(`voucherSales.reports.group.${g}`) }))} />
          <CsvDownloadButton load={() => callIn('vouchers.export.csv', { report: 'revenue', from, to, by })} label={t('voucherSales.reports.csv')} failedTitle={t('voucherSales.reports.csvFailed')} />
        </Group>
        <ErrorAlert error={out.error ?? null} onRetry={out.reload} />
        {!out.data ? (!out.error && <Skeleton height={80} />) : out.data.rows.length === 0 ? <Text size="sm" c="dimmed">{t('voucherSales.reports.revenueEmpty')}</Text> : (
          <Table aria-label={t('voucherSales.reports.revenueTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`voucherSales.reports.group.${by}`)}</Table.Th>
                <Table.Th ta="right">{t('voucherSales.reports.vouchers')}</Table.Th>
                <Table.Th ta="right">{t('voucherSales.reports.listAmount')}</Table.Th>
                <Table.Th ta="right">{t('voucherSales.reports.paidAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {out.data.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{label(r.key, r.label)}</Table.Td>
                  <Table.Td ta="right">{r.count}</Table.Td>
                  <Table.Td ta="right">{money(r.listTotalMinor)}</Table.Td>
                  <Table.Td ta="right">{money(r.totalMinor)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('voucherSales.reports.total')}</Table.Td>
                <Table.Td ta="right">{out.data.count}</Table.Td>
                <Table.Td ta="right">{money(out.data.listTotalMinor)}</Table.Td>
                <Table.Td ta="right">{money(out.data.totalMinor)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
