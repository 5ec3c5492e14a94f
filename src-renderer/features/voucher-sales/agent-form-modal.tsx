import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AgentSummary } from '@shared/contract/voucher-sales';
import { MAX_DISCOUNT_BP } from '@shared/domain/agent-float';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormTextInput } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';

interface Values { name: string; phone: string; discount: string }

/** "12.5" → 1250 basis points; null when not a percentage from 0 to 90 with at most two decimals. */
export function discountToBp(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= MAX_DISCOUNT_BP ? bp : null;
}

/** Add an agent or edit one: name, phone, wholesale discount. */
export function AgentFormModal({ opened, agent, onClose, onDone }: { opened: boolean; agent: AgentSummary | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ defaultValues: { name: '', phone: '', discount: '0' } });
  useEffect(() => {
    if (opened) form.reset({ name: agent?.name ?? '', phone: agent?.phone ?? '', discount: agent ? String(agent.discountBp / 100) : '0' });
  }, [opened, agent, form]);

  const submit = form.handleSubmit(async (v) => {
    const discountBp = discountToBp(v.discount);
    if (discountBp === null) {
      form.setError('discount', { type: 'client', message: t('voucherSales.agents.form.discountInvalid') });
      return;
    }
    try {
      const fields = { name: v.name, phone: v.phone, discountBp };
      if (agent) await callIn('agents.update', { agentId: agent.id, ...fields });
      else await callIn('agents.create', fields);
      notifications.show({ color: 'green', title: t(agent ? 'voucherSales.agents.form.savedTitle' : 'voucherSales.agents.form.createdTitle'), message: v.name });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, { discountBp: 'discount' });
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} form={form} onSubmit={submit} size="md"
      title={agent ? t('voucherSales.agents.form.editTitle', { name: agent.name }) : t('voucherSales.agents.form.createTitle')}
      submitLabel={t('voucherSales.agents.form.save')}>
      <FormTextInput name="name" label={t('voucherSales.agents.form.name')} required data-autofocus />
      <FormTextInput name="phone" label={t('voucherSales.agents.form.phone')} />
      <FormTextInput name="discount" label={t('voucherSales.agents.form.discount')} description={t('voucherSales.agents.form.discountHint')} inputMode="decimal" />
    </FormModal>
  );
}
