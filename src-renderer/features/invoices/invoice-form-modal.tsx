import '@mantine/dates/styles.css';
import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { FormModal } from '../../components/form-modal';
import { emptyInvoiceForm, emptyLine, previewTotals, toInvoiceInput, type InvoiceFormValues } from './invoice-form';

interface InvoiceFormModalProps {
  opened: boolean;
  currency: string;
  money: (amountMinor: number) => string;
  onClose: () => void;
  onDone: () => void;
}

/** A new draft: subscriber, lines (description, quantity, unit price), due date and notes; totals previewed with the ISP's VAT. */
export function InvoiceFormModal({ opened, currency, money, onClose, onDone }: InvoiceFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const form = useForm<InvoiceFormValues, unknown, InvoiceFormValues>({ defaultValues: emptyInvoiceForm });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  useEffect(() => {
    if (opened) form.reset({ ...emptyInvoiceForm, lines: [{ ...emptyLine }] });
  }, [opened, form]);

  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useRpc('subscribers.list', { page: 1, pageSize: 20, ...(q ? { q } : {}) }, { enabled: opened });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = useMemo(() => {
    const rows = (found.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.fullName} (${s.accountNumber})` }));
    return picked && !rows.some((r) => r.value === picked.value) ? [picked, ...rows] : rows;
  }, [found.data, picked]);

  const settings = useRpc('invoices.settings.get', {}, { enabled: opened });
  const watched = useWatch({ control: form.control, name: 'lines' }) ?? [];
  const vat = settings.data ? { mode: settings.data.vatMode, rateBasisPoints: settings.data.vatRateBasisPoints } : { mode: 'exclusive' as const, rateBasisPoints: 0 };
  const totals = previewTotals(watched, currency, vat);
  const rate = vat.rateBasisPoints / 100;
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');

  const submit = form.handleSubmit(async (values) => {
    const converted = toInvoiceInput(values, currency);
    if ('problems' in converted) {
      for (const p of converted.problems) form.setError(p.path as Path<InvoiceFormValues>, { type: 'client', message: t(`invoices.form.${p.key}`) });
      return;
    }
    try {
      const d = await callIn('invoices.create', converted.input);
      notifications.show({ color: 'green', title: t('invoices.createdTitle'), message: t('invoices.createdBody', { name: d.subscriberName, total: money(d.totalMinor) }) });
      onDone();
      onClose();
    } catch (e) {
      // Main's unit price errors are on lines.N.unitPriceMinor; the form field is lines.N.price.
      const rename = Object.fromEntries(values.lines.map((_l, i) => [`lines.${i}.unitPriceMinor`, `lines.${i}.price`])) as Record<string, Path<InvoiceFormValues>>;
      showServerError(e, form, rename);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('invoices.form.title')} form={form} onSubmit={submit} submitLabel={t('invoices.form.submit')} size="xl">
      <Controller
        control={form.control}
        name="subscriberId"
        render={({ field, fieldState }) => (
          <Select
            label={t('invoices.form.subscriber')}
            placeholder={t('invoices.form.subscriberSearch')}
            data={options}
            value={field.value}
            onChange={(v) => {
              field.onChange(v);
              const o = options.find((x) => x.value === v);
              if (o) setPicked(o);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            error={fieldState.error?.message}
            nothingFoundMessage={found.loading ? undefined : t('table.noMatches')}
            data-autofocus
          />
        )}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>{t('invoices.form.lines')}</Text>
        {lines.fields.map((f, i) => (
          <Group key={f.id} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput style={{ flex: 1 }} aria-label={`${t('invoices.form.description')} ${i + 1}`} placeholder={t('invoices.form.description')}
              {...form.register(`lines.${i}.description`)} error={form.formState.errors.lines?.[i]?.description?.message} />
            <TextInput w={90} aria-label={`${t('invoices.form.quantity')} ${i + 1}`} placeholder={t('invoices.form.quantity')} inputMode="numeric"
              {...form.register(`lines.${i}.quantity`)} error={form.formState.errors.lines?.[i]?.quantity?.message} />
            <TextInput w={180} aria-label={`${t('invoices.form.price', { currency })} ${i + 1}`} placeholder={t('invoices.form.price', { currency })} inputMode="decimal"
              {...form.register(`lines.${i}.price`)} error={form.formState.errors.lines?.[i]?.price?.message} />
            <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('invoices.form.removeLine', { n: i + 1 })} disabled={lines.fields.length === 1} onClick={() => lines.remove(i)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => lines.append({ ...emptyLine })}>{t('invoices.form.addLine')}</Button>
        </Group>
      </Stack>
      <Stack gap={2} align="flex-end">
        <Text size="sm">{t('invoices.form.subtotal')}: {money(totals.subtotalMinor)}</Text>
        {vat.rateBasisPoints > 0 && (
          <Text size="sm">{t(vat.mode === 'exclusive' ? 'invoices.form.vatExclusive' : 'invoices.form.vatInclusive', { rate })}: {money(totals.vatMinor)}</Text>
        )}
        <Text size="sm" fw={700}>{t('invoices.form.total')}: {money(totals.totalMinor)}</Text>
      </Stack>
      <Controller
        control={form.control}
        name="dueDate"
        render={({ field }) => (
          <DatePickerInput label={t('invoices.form.dueDate')} description={t('invoices.form.dueDateHint')} value={field.value || null}
            onChange={(v) => field.onChange(v ?? '')} valueFormatter={dayLabel} clearable w={220} />
        )}
      />
      <Textarea label={t('invoices.form.notes')} autosize minRows={2} {...form.register('notes')} error={form.formState.errors.notes?.message} />
    </FormModal>
  );
}
