import { Alert, Divider, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type z } from 'zod';
import { tenantAdminInput, tenantCreateInput } from '@shared/contract/tenancy';
import { showServerError } from '../../app/form-errors';
import { confirmPasswordField, passwordsMatch, samePassword } from '../../app/form-schemas';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { AccountFields } from '../auth/account-fields';
import { TenantProfileFields } from './tenant-profile-fields';

const schema = tenantCreateInput.extend({
  admin: tenantAdminInput.extend({ confirmPassword: confirmPasswordField }).refine(samePassword, passwordsMatch()),
});
type Values = z.input<typeof schema>;

const defaults: Values = {
  name: '', ownerName: '', ownerEmail: '', ownerPhone: '', country: 'KE', currency: 'KES', timezone: 'Africa/Nairobi', status: 'active',
  admin: { fullName: '', email: '', phone: '', password: '', confirmPassword: '' },
};

/** A new tenant profile together with its first ADMIN (who must change the initial password). */
export function TenantCreateModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: defaults });
  useEffect(() => {
    if (opened) form.reset(defaults);
  }, [opened, form]);

  const submit = form.handleSubmit(async (v) => {
    const { confirmPassword: _c, ...admin } = v.admin;
    try {
      const created = await callIn('tenants.create', { ...v, admin });
      notifications.show({ color: 'green', title: t('tenants.createdTitle'), message: t('tenants.createdBody', { name: created.name }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('tenants.createTitle')} form={form} onSubmit={submit} submitLabel={t('tenants.createSubmit')} size="xl">
      <TenantProfileFields />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('tenants.initialStatus')}</Text>
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <SegmentedControl
              value={field.value ?? 'active'}
              onChange={field.onChange}
              data={[{ value: 'active', label: t('tenantStatus.active') }, { value: 'trial', label: t('tenantStatus.trial') }]}
              w="fit-content"
            />
          )}
        />
      </Stack>
      <Divider label={t('tenants.firstAdmin')} labelPosition="left" mt="xs" />
      <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />}>{t('tenants.firstAdminHint')}</Alert>
      <AccountFields prefix="admin." labels="adminAccount" withPhone initialPassword />
    </FormModal>
  );
}
