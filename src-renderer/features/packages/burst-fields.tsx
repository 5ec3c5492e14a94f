import { SimpleGrid, Switch } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormNumberInput } from '../../components/form-fields';
import type { PackageFormValues } from './package-form';

/** The optional burst of a package's rate limit: a switch, then burst rates, thresholds and time. */
export function BurstFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<PackageFormValues>();
  const burstOn = useWatch({ control, name: 'burstOn' });
  return (
    <>
      <Controller
        control={control}
        name="burstOn"
        render={({ field }) => (
          <Switch label={t('packages.field.burst')} description={t('packages.field.burstHint')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
        )}
      />
      {burstOn && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormNumberInput name="burstRxMbps" label={t('packages.field.burstUpload')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
          <FormNumberInput name="burstTxMbps" label={t('packages.field.burstDownload')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
          <FormNumberInput name="burstTimeSec" label={t('packages.field.burstTime')} min={1} max={3600} allowDecimal={false} />
          <FormNumberInput name="thresholdRxMbps" label={t('packages.field.thresholdUpload')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
          <FormNumberInput name="thresholdTxMbps" label={t('packages.field.thresholdDownload')} placeholder={t('examples.mbps')} min={0} decimalScale={3} />
        </SimpleGrid>
      )}
    </>
  );
}
