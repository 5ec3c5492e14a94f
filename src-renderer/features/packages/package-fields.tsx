import { Alert, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PERIOD_UNITS } from '@shared/domain/billing-period';
import { SERVICE_TYPES } from '@shared/contract/packages';
import { FormMultiSelect, FormNumberInput, FormSegmented, FormSelect, FormTextInput } from '../../components/form-fields';
import { BurstFields } from './burst-fields';
import type { PackageFormValues } from './package-form';
import type { RouterOption } from './use-router-options';

/** The fields of the package form; PPPoE shows the profile, static shows one address pool per router. */
export function PackageFields({ routers, currency }: { routers: RouterOption[]; currency: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PackageFormValues>();
  const [serviceType, routerIds] = useWatch({ control, name: ['serviceType', 'routerIds'] });
  const names = new Map(routers.map((r) => [r.value, r.label]));

  return (
    <Stack gap="md">
      {routers.length === 0 && <Alert color="yellow" variant="light">{t('packages.noRouters')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="name" label={t('packages.field.name')} placeholder={t('examples.packageName')} />
        <FormSegmented
          name="serviceType"
          label={t('packages.field.serviceType')}
          data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`packages.type.${s}`) }))}
        />
      </SimpleGrid>
      <FormMultiSelect name="routerIds" label={t('packages.field.routers')} description={t('packages.field.routersHint')} data={routers} searchable />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormNumberInput name="rxMbps" label={t('packages.field.upload')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
        <FormNumberInput name="txMbps" label={t('packages.field.download')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>{t('packages.field.rateHint')}</Text>
      <BurstFields />
      {serviceType === 'pppoe' ? (
        <>
          <Controller
            control={control}
            name="profileMode"
            render={({ field }) => (
              <Radio.Group label={t('packages.field.profileMode')} value={field.value} onChange={field.onChange}>
                <Stack gap={6} mt={6}>
                  <Radio value="managed" label={t('packages.field.profileManaged')} />
                  <Radio value="existing" label={t('packages.field.profileExisting')} />
                </Stack>
              </Radio.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormTextInput name="profileName" label={t('packages.field.profileName')} placeholder={t('examples.profileName')} />
            <FormTextInput name="remotePool" label={t('packages.field.remotePool')} placeholder={t('examples.poolName')} />
          </SimpleGrid>
        </>
      ) : (
        routerIds.map((id) => (
          <FormTextInput key={id} name={`pools.${id}`} label={t('packages.field.pool', { router: names.get(id) ?? id })} placeholder={t('examples.cidr')} />
        ))
      )}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <FormTextInput name="price" label={t('packages.field.price', { currency })} placeholder={t('examples.price')} />
        <FormNumberInput name="periodCount" label={t('packages.field.periodCount')} min={1} allowDecimal={false} />
        <FormSelect
          name="periodUnit"
          label={t('packages.field.periodUnit')}
          data={PERIOD_UNITS.map((u) => ({ value: u, label: t(`packages.unitName.${u}`) }))}
          allowDeselect={false}
        />
        <FormNumberInput name="graceHours" label={t('packages.field.graceHours')} min={0} allowDecimal={false} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>{t('packages.field.graceHint')}</Text>
    </Stack>
  );
}
