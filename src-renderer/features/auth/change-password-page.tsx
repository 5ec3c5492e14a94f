import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconShieldLock } from '@tabler/icons-react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type z } from 'zod';
import { contract } from '@shared/contract';
import { showServerError } from '../../app/form-errors';
import { confirmPasswordField } from '../../app/form-schemas';
import { i18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { useCall, usePrincipal, useScope } from '../../app/scope-context';
import { useSessionStore } from '../../app/session-store';
import { PublicLayout } from '../../app/shell/public-layout';
import { FormError } from '../../components/form-error';
import { FormPasswordInput } from '../../components/form-fields';
import { PasswordStrength } from '../../components/password-strength';
import { PageHeader } from '../../components/page-header';
import { signOut } from './sign-out';

const schema = contract['auth.change-password'].input
  .extend({ confirmPassword: confirmPasswordField })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: () => i18n.t('forms.passwordsDiffer') });
type Values = z.input<typeof schema>;

/** Change your own password; forced (without the shell) when the account still has an initial password. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const submit = form.handleSubmit(async (v) => {
    try {
      await callIn('auth.change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      if (scope) {
        useSessionStore.getState().setPrincipal(scope, { ...principal, mustChangePassword: false });
        notifications.show({ color: 'green', title: t('password.changedTitle'), message: t('password.changedBody') });
        navigate(paths.home(scope), { replace: true });
      }
    } catch (e) {
      showServerError(e, form);
    }
  });

  const fields = (
    <FormProvider {...form}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FormPasswordInput name="currentPassword" label={t(forced ? 'password.temporary' : 'password.current')} autoComplete="current-password" />
          <FormPasswordInput name="newPassword" label={t('password.new')} description={t('account.passwordHint')} autoComplete="new-password" />
          <PasswordStrength name="newPassword" owner={{ email: principal.email, name: principal.fullName }} />
          <FormPasswordInput name="confirmPassword" label={t('password.confirm')} autoComplete="new-password" />
          <FormError form={form} />
          <Group justify="space-between">
            {forced && scope ? (
              <Button variant="subtle" color="gray" onClick={() => void signOut(scope)}>{t('shell.signOut')}</Button>
            ) : <span />}
            <Button type="submit" loading={form.formState.isSubmitting}>{t('password.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );

  if (!forced) {
    return (
      <Stack maw={520}>
        <PageHeader title={t('password.title')} description={t('password.intro')} />
        <Paper p="lg" radius="md">{fields}</Paper>
      </Stack>
    );
  }
  return (
    <PublicLayout>
      <Paper p="xl" radius="lg" shadow="sm">
        <Stack gap="md">
          <Title order={2}>{t('password.forcedTitle')}</Title>
          <Alert color="brand" variant="light" icon={<IconShieldLock size={20} />}>
            <Text size="sm">{t('password.forcedBody', { name: principal.fullName })}</Text>
          </Alert>
          {fields}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
