import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { StaffMember } from '@shared/contract/auth';
import { showServerError } from '../../app/form-errors';
import { confirmPasswordField } from '../../app/form-schemas';
import { i18n } from '../../app/i18n';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { FormPasswordInput } from '../../components/form-fields';
import { PasswordStrength } from '../../components/password-strength';

const schema = contract['staff.reset-password'].input
  .omit({ staffId: true })
  .extend({ confirmPassword: confirmPasswordField })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: () => i18n.t('forms.passwordsDiffer') });
type Values = z.input<typeof schema>;

/** ADMIN sets a temporary password; the member is signed out and must change it at next sign-in. */
export function StaffResetPasswordModal({ opened, member, onClose, onDone }: { opened: boolean; member: StaffMember; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: { newPassword: '', confirmPassword: '' } });
  useEffect(() => {
    if (opened) form.reset({ newPassword: '', confirmPassword: '' });
  }, [opened, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      await callIn('staff.reset-password', { staffId: member.id, newPassword: v.newPassword });
      notifications.show({ color: 'green', title: t('staff.resetDoneTitle'), message: t('staff.resetDoneBody', { name: member.fullName }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('staff.resetTitle', { name: member.fullName })} form={form} onSubmit={submit} submitLabel={t('staff.resetSubmit')}>
      <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />}>{t('staff.resetHint')}</Alert>
      <FormPasswordInput name="newPassword" label={t('staff.temporaryPassword')} description={t('account.passwordHint')} autoComplete="new-password" />
      <PasswordStrength name="newPassword" owner={{ email: member.email, name: member.fullName }} />
      <FormPasswordInput name="confirmPassword" label={t('staff.confirmTemporaryPassword')} autoComplete="new-password" />
    </FormModal>
  );
}
