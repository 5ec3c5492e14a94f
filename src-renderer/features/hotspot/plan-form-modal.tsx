import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HotspotPlanSummary } from '@shared/contract/hotspot';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { emptyPlanForm, PLAN_FIELD_RENAMES, planFormFrom, toPlanInput, type PlanFormValues } from './plan-form';
import { PlanFields } from './plan-fields';

interface PlanFormModalProps {
  opened: boolean;
  plan: HotspotPlanSummary | undefined;
  routers: { value: string; label: string }[];
  currency: string;
  onClose: () => void;
  onDone: () => void;
}

/** Create or edit a hotspot plan; main checks every field and its errors land next to them. */
export function PlanFormModal({ opened, plan, routers, currency, onClose, onDone }: PlanFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<PlanFormValues, unknown, PlanFormValues>({ defaultValues: emptyPlanForm });
  useEffect(() => {
    if (opened) form.reset(plan ? planFormFrom(plan, currency) : { ...emptyPlanForm, routerId: routers[0]?.value ?? '' });
  }, [opened, plan, currency, routers, form]);

  const submit = form.handleSubmit(async (values) => {
    const converted = toPlanInput(values, currency);
    if ('field' in converted) {
      form.setError('price', { type: 'client', message: t('hotspot.field.priceInvalid') });
      return;
    }
    try {
      const { routerId, ...patch } = converted.input;
      const saved = plan ? await callIn('hotspot.plans.update', { planId: plan.id, ...patch }) : await callIn('hotspot.plans.create', { routerId, ...patch });
      notifications.show({
        color: 'green',
        title: t(plan ? 'hotspot.plans.updatedTitle' : 'hotspot.plans.createdTitle'),
        message: t(plan ? 'hotspot.plans.updatedBody' : 'hotspot.plans.createdBody', { name: saved.name }),
      });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, PLAN_FIELD_RENAMES as Record<string, Path<PlanFormValues>>);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} form={form} onSubmit={submit} size="xl"
      title={plan ? t('hotspot.plans.editTitle', { name: plan.name }) : t('hotspot.plans.createTitle')}
      submitLabel={plan ? t('common.save') : t('hotspot.plans.create')}>
      <PlanFields routers={routers} currency={currency} editing={plan !== undefined} />
    </FormModal>
  );
}
