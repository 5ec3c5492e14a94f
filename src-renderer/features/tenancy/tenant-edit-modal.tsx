import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { tenantCreateInput } from '@shared/contract/tenancy';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { TenantProfileFields } from './tenant-profile-fields';
import type { TenantRow } from './tenants-page';

const schema = tenantCreateInput.pick({ name: true, ownerName: true, ownerEmail: true, ownerPhone: true, country: true, currency: true, timezone: true });
type Values = z.input<typeof schema>;

function valuesOf(t: TenantRow): Values {
  return { name: t.name, ownerName: t.ownerName, ownerEmail: t.ownerEmail, ownerPhone: t.ownerPhone, country: t.country, currency: t.currency, timezone: t.timezone };
}

export function TenantEditModal({ opened, tenant, onClose, onDone }: { opened: boolean; tenant: TenantRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: valuesOf(tenant) });
  useEffect(() => {
    if (opened) form.reset(valuesOf(tenant));
  }, [opened, tenant, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      await callIn('tenants.update', { tenantId: tenant.id, ...v });
      notifications.show({ color: 'green', title: t('tenants.updatedTitle'), message: t('tenants.updatedBody', { name: v.name }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('tenants.editTitle', { name: tenant.name })} form={form} onSubmit={submit} submitLabel={t('common.save')} size="xl">
      <TenantProfileFields />
    </FormModal>
  );
}
