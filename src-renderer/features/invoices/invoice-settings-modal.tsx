import { Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { ErrorAlert } from '../../components/error-alert';
import { FormModal } from '../../components/form-modal';
import { nextNumberPreview, settingsFormValues, toSettingsInput, type InvoiceSettingsValues } from './invoice-settings';

interface InvoiceSettingsModalProps {
  opened: boolean;
  /** settings.manage: may change them; everyone else reads them. */
  canManage: boolean;
  settings: OutputOf<'invoices.settings.get'> | null;
  error: { message: string } | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Invoice numbering prefix, VAT mode and payment terms; the VAT rate is the business settings' (shown, changed there). */
export function InvoiceSettingsModal({ opened, canManage, settings, error, onClose, onSaved }: InvoiceSettingsModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<InvoiceSettingsValues, unknown, InvoiceSettingsValues>({ defaultValues: { prefix: 'INV-', vatMode: 'exclusive', paymentTermsDays: '14' } });
  useEffect(() => {
    if (opened && settings) form.reset(settingsFormValues(settings));
  }, [opened, settings, form]);
  const prefix = useWatch({ control: form.control, name: 'prefix' }) ?? '';
  const rate = `${(settings?.vatRateBasisPoints ?? 0) / 100} %`;

  if (!canManage || !settings) {
    return (
      <Modal opened={opened} onClose={onClose} title={t('invoices.settings.title')}>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          {settings && (
            <Table withRowBorders={false} aria-label={t('invoices.settings.title')}>
              <Table.Tbody>
                <Table.Tr><Table.Th>{t('invoices.settings.prefix')}</Table.Th><Table.Td>{settings.prefix || '—'}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('invoices.settings.nextNumber')}</Table.Th><Table.Td>{nextNumberPreview(settings.prefix, settings.nextNumber)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('invoices.settings.vatMode')}</Table.Th><Table.Td>{t(`invoices.settings.mode.${settings.vatMode}`)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('invoices.settings.vatRate')}</Table.Th><Table.Td>{rate}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('invoices.settings.terms')}</Table.Th><Table.Td>{t('invoices.settings.termsDays', { count: settings.paymentTermsDays })}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          )}
          {settings && <Text size="xs" c="dimmed">{t('invoices.settings.readOnly')}</Text>}
        </Stack>
      </Modal>
    );
  }

  const submit = form.handleSubmit(async (values) => {
    const converted = toSettingsInput(values);
    if ('problems' in converted) {
      for (const p of converted.problems) form.setError(p.path, { type: 'client', message: t(`invoices.settings.${p.key}`) });
      return;
    }
    try {
      await callIn('invoices.settings.update', converted.input);
      notifications.show({ color: 'green', title: t('invoices.settings.savedTitle'), message: t('invoices.settings.savedBody') });
      onSaved();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('invoices.settings.title')} form={form} onSubmit={submit} submitLabel={t('invoices.settings.save')} size="md">
      <TextInput label={t('invoices.settings.prefix')} description={t('invoices.settings.prefixHint', { next: nextNumberPreview(prefix, settings.nextNumber) })}
        {...form.register('prefix')} error={form.formState.errors.prefix?.message} data-autofocus />
      <Controller
        control={form.control}
        name="vatMode"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('invoices.settings.vatMode')}</Text>
            <SegmentedControl value={field.value} onChange={(v) => field.onChange(v)} aria-label={t('invoices.settings.vatMode')}
              data={[{ value: 'exclusive', label: t('invoices.settings.mode.exclusive') }, { value: 'inclusive', label: t('invoices.settings.mode.inclusive') }]} />
            <Text size="xs" c="dimmed">{t('invoices.settings.vatRateHint', { rate })}</Text>
          </Stack>
        )}
      />
      <TextInput label={t('invoices.settings.terms')} description={t('invoices.settings.termsHint')} inputMode="numeric" w={200}
        {...form.register('paymentTermsDays')} error={form.formState.errors.paymentTermsDays?.message} />
    </FormModal>
  );
}
