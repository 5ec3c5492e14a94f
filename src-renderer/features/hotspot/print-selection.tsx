import '@mantine/dates/styles.css';
import { Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { VoucherPrintSelection } from '@shared/contract/documents';
import { startOfLocalDay } from '@shared/domain/time';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';

export interface PrintChoice {
  by: 'batch' | 'dates' | 'codes';
  batchId: string | null;
  fromDate: string | null;
  toDate: string | null;
  codesText: string;
}

const DAY_MS = 86_400_000;

/** The channel's selection from the dialog's choice (days in the ISP's zone, "to" inclusive), or null when incomplete. */
export function selectionOf(c: PrintChoice, timeZone: string): VoucherPrintSelection | null {
  if (c.by === 'batch') return c.batchId ? { by: 'batch', batchId: c.batchId } : null;
  if (c.by === 'dates') {
    if (!c.fromDate || !c.toDate) return null;
    const from = startOfLocalDay(c.fromDate, timeZone).toISOString();
    return { by: 'dates', from, to: new Date(startOfLocalDay(c.toDate, timeZone).getTime() + DAY_MS).toISOString() };
  }
  const codes = c.codesText.split(/[\s,;]+/).filter((x) => x !== '');
  return codes.length > 0 ? { by: 'codes', codes } : null;
}

/** Which vouchers to print: a batch (the newest 100 to pick from), the days they were generated, or codes. */
export function PrintSelection({ choice, onChange }: { choice: PrintChoice; onChange: (c: PrintChoice) => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const batches = useRpc('hotspot.batches.list', { page: 1, pageSize: 100, sort: { field: 'serial', dir: 'desc' } });
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const set = (patch: Partial<PrintChoice>) => onChange({ ...choice, ...patch });
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('hotspot.print.what')}</Text>
        <SegmentedControl value={choice.by} onChange={(v) => set({ by: v as PrintChoice['by'] })} aria-label={t('hotspot.print.what')}
          data={(['batch', 'dates', 'codes'] as const).map((b) => ({ value: b, label: t(`hotspot.print.by.${b}`) }))} />
      </Stack>
      {choice.by === 'batch' && (
        <Select label={t('hotspot.print.batch')} searchable value={choice.batchId} onChange={(v) => set({ batchId: v })}
          data={(batches.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.comment} (${b.count})` }))} />
      )}
      {choice.by === 'dates' && (
        <Group grow>
          <DatePickerInput label={t('hotspot.print.from')} value={choice.fromDate} onChange={(v) => set({ fromDate: v })} valueFormatter={dayLabel} />
          <DatePickerInput label={t('hotspot.print.to')} value={choice.toDate} onChange={(v) => set({ toDate: v })} valueFormatter={dayLabel} />
        </Group>
      )}
      {choice.by === 'codes' && (
        <Textarea label={t('hotspot.print.codes')} autosize minRows={3} maxRows={8} value={choice.codesText} onChange={(e) => set({ codesText: e.currentTarget.value })} />
      )}
    </Stack>
  );
}
