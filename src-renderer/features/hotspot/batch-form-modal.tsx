import { SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '@shared/domain/ids';
import { parseAmount } from '@shared/domain/money';
import { VOUCHER_CHARSET_NAMES, VOUCHER_MODES, type VoucherCharset, type VoucherMode } from '@shared/domain/voucher-code';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormNumberInput, FormSegmented, FormSelect, FormTextInput } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import type { Option } from './use-hotspot-options';

interface BatchFormValues {
  planId: string;
  count: number | string;
  price: string;
  note: string;
  length: number | string;
  prefix: string;
  charset: VoucherCharset;
  mode: VoucherMode;
  pinLength: number | string;
}

const EMPTY: BatchFormValues = { planId: '', count: 100, price: '', note: '', length: 6, prefix: '', charset: 'alnumLower', mode: 'same', pinLength: 4 };
const RENAMES: Record<string, Path<BatchFormValues>> = {
  priceMinor: 'price', 'code.length': 'length', 'code.prefix': 'prefix', 'code.charset': 'charset', 'code.mode': 'mode', 'code.pinLength': 'pinLength',
};
const toNum = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

interface BatchFormModalProps {
  opened: boolean;
  plans: Option[];
  currency: string;
  onClose: () => void;
  onDone: () => void;
}

/** Generate a batch (1–10,000 vouchers); one request key per opening, so a retried click makes one batch. */
export function BatchFormModal({ opened, plans, currency, onClose, onDone }: BatchFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [requestKey, setRequestKey] = useState(uuidv7);
  const form = useForm<BatchFormValues, unknown, BatchFormValues>({ defaultValues: EMPTY });
  const mode = useWatch({ control: form.control, name: 'mode' });
  useEffect(() => {
    if (!opened) return;
    form.reset({ ...EMPTY, planId: plans[0]?.value ?? '' });
    setRequestKey(uuidv7());
  }, [opened, plans, form]);

  const submit = form.handleSubmit(async (v) => {
    const priceMinor = v.price.trim() === '' ? undefined : parseAmount(v.price, currency);
    if (priceMinor === null) {
      form.setError('price', { type: 'client', message: t('hotspot.field.priceInvalid') });
      return;
    }
    try {
      const b = await callIn('hotspot.batches.create', {
        planId: v.planId, count: toNum(v.count), note: v.note, requestKey, ...(priceMinor === undefined ? {} : { priceMinor }),
        code: { length: toNum(v.length), prefix: v.prefix, charset: v.charset, mode: v.mode, pinLength: toNum(v.pinLength) },
      });
      notifications.show({ color: 'green', title: t('hotspot.batches.createdTitle'), message: t('hotspot.batches.createdBody', { count: b.count, comment: b.comment }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, RENAMES);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} form={form} onSubmit={submit} size="lg" title={t('hotspot.batches.createTitle')} submitLabel={t('hotspot.batchField.submit')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormSelect name="planId" label={t('hotspot.batchField.plan')} data={plans} allowDeselect={false} />
          <FormNumberInput name="count" label={t('hotspot.batchField.count')} min={1} max={10_000} allowDecimal={false} />
          <FormTextInput name="price" label={t('hotspot.batchField.price', { currency })} description={t('hotspot.batchField.priceHint')} />
          <FormTextInput name="note" label={t('hotspot.batchField.note')} placeholder={t('examples.batchNote')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormNumberInput name="length" label={t('hotspot.batchField.length')} min={4} max={16} allowDecimal={false} />
          <FormTextInput name="prefix" label={t('hotspot.batchField.prefix')} />
          <FormSelect name="charset" label={t('hotspot.batchField.charset')} allowDeselect={false}
            data={VOUCHER_CHARSET_NAMES.map((c) => ({ value: c, label: t(`hotspot.batchField.charsetName.${c}`) }))} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>{t('hotspot.batchField.charsetHint')}</Text>
        <FormSegmented name="mode" label={t('hotspot.batchField.mode')} data={VOUCHER_MODES.map((m) => ({ value: m, label: t(`hotspot.batchField.modeName.${m}`) }))} />
        {mode === 'pin' && <FormNumberInput name="pinLength" label={t('hotspot.batchField.pinLength')} min={4} max={8} allowDecimal={false} w={160} />}
      </Stack>
    </FormModal>
  );
}
