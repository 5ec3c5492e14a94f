import { Alert, Checkbox, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AccountFields } from '../auth/account-fields';
import { TenantProfileFields } from '../tenancy/tenant-profile-fields';
import type { SetupFormValues } from './setup-form';

/** Step 1: how to start (own ISP or the demo, offered up front) and the owner's own account. */
export function SetupAccountStep() {
  const { t } = useTranslation();
  const form = useFormContext<SetupFormValues>();
  const demo = form.watch('mode') === 'demo';
  return (
    <Stack gap="md" mt="md">
      <Controller
        control={form.control}
        name="mode"
        render={({ field }) => (
          <SegmentedControl
            aria-label={t('setup.modeLabel')}
            value={field.value}
            onChange={field.onChange}
            data={[{ value: 'own', label: t('setup.modeOwn') }, { value: 'demo', label: t('setup.modeDemo') }]}
            fullWidth
          />
        )}
      />
      {demo && (
        <Alert color="orange" variant="light" icon={<IconFlask size={20} />} title={t('setup.demoTitle')}>
          <Text size="sm">{t('setup.demoBody')}</Text>
        </Alert>
      )}
      <Text size="sm" c="dimmed">{t('setup.step1Body')}</Text>
      <AccountFields prefix="platformAdmin." labels="account" />
    </Stack>
  );
}

/** Step 2: the ISP profile and who administers it ("use my details" or another person). */
export function SetupTenantStep() {
  const { t } = useTranslation();
  const form = useFormContext<SetupFormValues>();
  const sameAdmin = form.watch('sameAdmin');
  if (form.watch('mode') === 'demo') {
    return (
      <Alert mt="md" color="orange" variant="light" icon={<IconFlask size={20} />} title={t('setup.demoTitle')}>
        <Text size="sm">{t('setup.demoBody')}</Text>
      </Alert>
    );
  }
  return (
    <Stack gap="md" mt="md">
      <Text size="sm" c="dimmed">{t('setup.step2Body')}</Text>
      <TenantProfileFields prefix="tenant." />
      <Title order={4} mt="sm">{t('setup.adminTitle')}</Title>
      <Checkbox label={t('setup.sameAdmin')} description={t('setup.sameAdminHint')} {...form.register('sameAdmin')} />
      {!sameAdmin && <AccountFields prefix="tenant.admin." labels="adminAccount" withPhone />}
    </Stack>
  );
}
