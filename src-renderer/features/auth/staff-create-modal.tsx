import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { staffCreateInput } from '@shared/contract/auth';
import { showServerError } from '../../app/form-errors';
import { confirmPasswordField, passwordsMatch, samePassword } from '../../app/form-schemas';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { AccountFields } from './account-fields';
import { RoleCheckboxes } from './role-checkboxes';

const schema = staffCreateInput.extend({ confirmPassword: confirmPasswordField }).refine(samePassword, passwordsMatch());
type Values = z.input<typeof schema>;
const defaults: Values = { fullName: '', email: '', phone: '', roles: [], password: '', confirmPassword: '' };

export function StaffCreateModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: defaults });
  useEffect(() => {
    if (opened) form.reset(defaults);
  }, [opened, form]);

  const submit = form.handleSubmit(async ({ confirmPassword: _c, ...input }) => {
    try {
      const created = await callIn('staff.create', input);
      notifications.show({ color: 'green', title: t('staff.createdTitle'), message: t('staff.createdBody', { name: created.fullName }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('staff.createTitle')} form={form} onSubmit={submit} submitLabel={t('staff.createSubmit')} size="xl">
      <AccountFields prefix="" labels="staffAccount" withPhone initialPassword />
      <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />}>{t('staff.initialPasswordHint')}</Alert>
      <RoleCheckboxes />
    </FormModal>
  );
}
