import { SimpleGrid, Stack } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckbox, FormNumberInput, FormSegmented, FormSelect, FormTextInput } from '../../components/form-fields';
import { SPAN_UNITS, type PlanFormValues } from './plan-form';

interface PlanFieldsProps {
  routers: { value: string; label: string }[];
  currency: string;
  /** The router of a saved plan cannot change (its vouchers live there). */
  editing: boolean;
}

export function PlanFields({ routers, currency, editing }: PlanFieldsProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<PlanFormValues>();
  const limitKind = useWatch({ control, name: 'limitKind' });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="name" label={t('hotspot.field.name')} placeholder={t('examples.hotspotPlanName')} />
        <FormSelect name="routerId" label={t('hotspot.field.router')} data={routers} disabled={editing} allowDeselect={false} />
        <FormTextInput name="profileName" label={t('hotspot.field.profileName')} placeholder={t('examples.hotspotProfile')} />
        <FormTextInput name="server" label={t('hotspot.field.server')} description={t('hotspot.field.serverHint')} />
      </SimpleGrid>
      <FormTextInput name="addressPool" label={t('hotspot.field.addressPool')} description={t('hotspot.field.addressPoolHint')} placeholder={t('examples.hotspotPool')} />
      <FormTextInput name="dnsName" label={t('hotspot.field.dnsName')} description={t('hotspot.field.dnsNameHint')} placeholder={t('examples.hotspotDnsName')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FormNumberInput name="rxMbps" label={t('hotspot.field.upload')} min={0} decimalScale={3} />
        <FormNumberInput name="txMbps" label={t('hotspot.field.download')} min={0} decimalScale={3} />
        <FormNumberInput name="sharedUsers" label={t('hotspot.field.sharedUsers')} min={1} allowDecimal={false} />
      </SimpleGrid>
      <FormSegmented
        name="limitKind"
        label={t('hotspot.field.limitKind')}
        data={(['uptime', 'validity', 'none'] as const).map((k) => ({ value: k, label: t(`hotspot.field.limitKindName.${k}`) }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {limitKind !== 'none' && <FormNumberInput name="limitAmount" label={t('hotspot.field.limitAmount')} min={1} allowDecimal={false} />}
        {limitKind !== 'none' && (
          <FormSelect name="limitUnit" label={t('hotspot.field.limitUnit')} allowDeselect={false}
            data={Object.keys(SPAN_UNITS).map((u) => ({ value: u, label: t(`hotspot.field.unitName.${u}`) }))} />
        )}
        <FormNumberInput name="dataMb" label={t('hotspot.field.dataMb')} min={1} allowDecimal={false} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FormNumberInput name="sessionMin" label={t('hotspot.field.sessionMin')} min={1} allowDecimal={false} />
        <FormNumberInput name="idleMin" label={t('hotspot.field.idleMin')} min={1} allowDecimal={false} />
        <FormTextInput name="price" label={t('hotspot.field.price', { currency })} placeholder={t('examples.voucherPrice')} />
      </SimpleGrid>
      <FormCheckbox name="macLock" label={t('hotspot.field.macLock')} description={t('hotspot.field.macLockHint')} />
      <FormSegmented name="status" label={t('hotspot.field.status')}
        data={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`hotspot.plans.status.${s}`) }))} />
    </Stack>
  );
}
