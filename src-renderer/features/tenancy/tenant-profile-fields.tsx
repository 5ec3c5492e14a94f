import { SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_CURRENCIES } from '@shared/domain/money';
import { FormSelect, FormTextInput } from '../../components/form-fields';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Africa/Nairobi', 'Africa/Kampala', 'Africa/Dar_es_Salaam', 'Africa/Kigali', 'Africa/Lagos', 'UTC'];
  }
}

/** Name, owner contact, country, currency and time zone of a tenant; `prefix` is the form path ('' or 'tenant.'). */
export function TenantProfileFields({ prefix = '' }: { prefix?: string }) {
  const { t } = useTranslation();
  const zones = useMemo(timeZones, []);
  return (
    <>
      <FormTextInput name={`${prefix}name`} label={t('tenantForm.name')} description={t('tenantForm.nameHint')} autoComplete="organization" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name={`${prefix}ownerName`} label={t('tenantForm.ownerName')} autoComplete="off" />
        <FormTextInput name={`${prefix}ownerPhone`} label={t('tenantForm.ownerPhone')} placeholder={t('examples.phone')} autoComplete="off" />
      </SimpleGrid>
      <FormTextInput name={`${prefix}ownerEmail`} label={t('tenantForm.ownerEmail')} type="email" autoComplete="off" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FormTextInput name={`${prefix}country`} label={t('tenantForm.country')} description={t('tenantForm.countryHint')} maxLength={2} />
        <FormSelect name={`${prefix}currency`} label={t('tenantForm.currency')} data={SUPPORTED_CURRENCIES} searchable allowDeselect={false} />
        <FormSelect name={`${prefix}timezone`} label={t('tenantForm.timezone')} data={zones} searchable allowDeselect={false} limit={50} />
      </SimpleGrid>
    </>
  );
}
