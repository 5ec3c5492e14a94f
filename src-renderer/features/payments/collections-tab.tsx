import '@mantine/dates/styles.css';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { byTotalDesc, todayIn } from './payment-format';
import { CsvExportButton } from './csv-export-button';
import { useMoney } from './use-money';

interface Row { key: string; label: string; count: number; totalMinor: number }

function TotalsTable({ title, first, rows, money }: { title: string; first: string; rows: Row[]; money: (m: number) => string }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" radius="md">
      <Title order={4} mb="sm">{title}</Title>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{first}</Table.Th>
            <Table.Th ta="right">{t('payments.collections.payments')}</Table.Th>
            <Table.Th ta="right">{t('payments.collections.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
              <Table.Td ta="right">{money(r.totalMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** One day's collections in the ISP's time zone: total, by method, by who recorded them, and what is unapplied. */
export function CollectionsTab() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const [day, setDay] = useState(() => todayIn(tf.timeZone));
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const out = useRpc('payments.collections', { day });
  const data = out.data;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <DatePickerInput label={t('payments.collections.day')} value={day} onChange={(v) => v && setDay(v)} valueFormatter={dayLabel} w={200} />
        <CsvExportButton input={{ list: 'collections', day }} />
      </Group>
      <ErrorAlert error={out.error ?? null} onRetry={out.reload} />
      {!data ? <Skeleton height={120} /> : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper p="md" radius="md">
              <Text size="sm" c="dimmed">{t('payments.collections.total')}</Text>
              <Text size="xl" fw={700}>{money(data.totalMinor)}</Text>
              <Text size="sm" c="dimmed">{t('payments.collections.count', { count: data.count })}</Text>
            </Paper>
            <Paper p="md" radius="md">
              <Text size="sm" c="dimmed">{t('payments.collections.unapplied')}</Text>
              <Text size="xl" fw={700}>{money(data.unappliedMinor)}</Text>
              <Text size="sm" c="dimmed">{t('payments.collections.unappliedHint')}</Text>
            </Paper>
          </SimpleGrid>
          {data.count === 0 ? <Text c="dimmed">{t('payments.collections.none')}</Text> : (
            <Group grow align="flex-start" wrap="wrap">
              <TotalsTable title={t('payments.collections.byMethod')} first={t('payments.collections.method')} money={money}
                rows={byTotalDesc(data.byMethod).map((m) => ({ key: m.method, label: t(`payments.provider.${m.method}`), count: m.count, totalMinor: m.totalMinor }))} />
              <TotalsTable title={t('payments.collections.byStaff')} first={t('payments.collections.who')} money={money}
                rows={byTotalDesc(data.byStaff).map((s) => ({ key: `${s.kind}:${s.id ?? ''}`, label: s.name, count: s.count, totalMinor: s.totalMinor }))} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
