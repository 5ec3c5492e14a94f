import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconInfoCircle, IconLogin } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { InputOf } from '@shared/contract';
import { email } from '@shared/contract/common';
import { call } from '../../app/api-client';
import { showServerError } from '../../app/form-errors';
import { i18n } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { PLATFORM, sessionOf, useSessionStore } from '../../app/session-store';
import { PublicLayout } from '../../app/shell/public-layout';
import { ErrorAlert } from '../../components/error-alert';
import { FormError } from '../../components/form-error';
import { FormPasswordInput, FormSelect, FormTextInput } from '../../components/form-fields';
import { TenantStatusBadge } from '../tenancy/tenant-status-badge';
import { useDirectory } from '../tenancy/use-directory';

const signInSchema = z.object({
  profile: z.string().min(1, { error: () => i18n.t('signIn.chooseProfile') }),
  email,
  password: z.string().min(1, { error: () => i18n.t('forms.required') }),
});
type SignInValues = z.input<typeof signInSchema>;

function toSignInInput(v: SignInValues): InputOf<'auth.sign-in'> {
  return v.profile === PLATFORM
    ? { scope: 'platform', email: v.email, password: v.password }
    : { scope: 'tenant', tenantId: v.profile, email: v.email, password: v.password };
}

/** Sign in to one ISP profile or to platform administration. */
export function SignInPage({ preselect }: { preselect: string | null }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const notice = useSessionStore((s) => s.notice);
  const sessions = useSessionStore((s) => s.sessions);
  const form = useForm<SignInValues, unknown, SignInValues>({
    resolver: zodResolver(signInSchema, undefined, { raw: true }),
    // Someone signed in elsewhere in this window (e.g. the ISP, opening platform administration) is likely the same person.
    defaultValues: { profile: preselect ?? '', email: sessionOf(useSessionStore.getState().activeScope)?.principal.email ?? '', password: '' },
  });
  useEffect(() => {
    if (preselect) form.setValue('profile', preselect);
  }, [preselect, form]);
  const profile = form.watch('profile');
  // Most installations hold one ISP: choose it for the user.
  const only = directory.items?.length === 1 ? directory.items[0] : undefined;
  useEffect(() => {
    if (!preselect && only && !form.getValues('profile')) form.setValue('profile', only.id);
  }, [preselect, only, form]);

  const byId = useMemo(() => new Map((directory.items ?? []).map((d) => [d.id, d])), [directory.items]);
  const data = useMemo(() => [
    { group: t('signIn.profilesGroup'), items: (directory.items ?? []).map((d) => ({ value: d.id, label: d.name })) },
    { group: t('signIn.platformGroup'), items: [{ value: PLATFORM, label: t('switcher.platform') }] },
  ], [directory.items, t]);

  const submit = form.handleSubmit(async (values) => {
    try {
      const info = await call('auth.sign-in', toSignInInput(values));
      const scope = useSessionStore.getState().signedIn(info);
      navigate(info.principal.mustChangePassword ? paths.changePassword(scope) : paths.home(scope), { replace: true });
    } catch (e) {
      form.resetField('password', { keepError: true });
      showServerError(e, form, { tenantId: 'profile' });
    }
  });

  const selected = byId.get(profile);
  const alreadyIn = profile && sessions[profile];
  return (
    <PublicLayout>
      <Paper p="xl" radius="lg" shadow="sm">
        <FormProvider {...form}>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2}>{t('signIn.title')}</Title>
                <Text c="dimmed" size="sm">{t('signIn.intro')}</Text>
              </Stack>
              {notice && (!profile || notice.scope === profile) && (
                <Alert color="yellow" variant="light" icon={<IconInfoCircle size={20} />} title={t('signIn.noticeTitle')} role="status">
                  {notice.message}
                </Alert>
              )}
              <ErrorAlert error={directory.error} onRetry={directory.reload} />
              <FormSelect
                name="profile"
                label={t('signIn.profile')}
                placeholder={t('signIn.profilePlaceholder')}
                data={data}
                allowDeselect={false}
                renderOption={({ option }) => {
                  const d = byId.get(option.value);
                  return (
                    <Group justify="space-between" w="100%" wrap="nowrap">
                      <Text size="sm">{option.label}</Text>
                      {d && d.status !== 'active' && <TenantStatusBadge status={d.status} size="xs" />}
                      {d?.isDemo && <Badge size="xs" color="orange">{t('app.demo')}</Badge>}
                    </Group>
                  );
                }}
              />
              {selected?.status === 'suspended' && (
                <Text size="xs" c="red">{t('signIn.suspendedHint')}</Text>
              )}
              <FormTextInput name="email" label={t('signIn.email')} type="email" autoComplete="username" />
              <FormPasswordInput name="password" label={t('signIn.password')} autoComplete="current-password" />
              <FormError form={form} />
              <Button type="submit" loading={form.formState.isSubmitting} leftSection={<IconLogin size={18} />} fullWidth>
                {t('signIn.submit')}
              </Button>
              <Text size="sm" c="dimmed" data-testid="forgot-password">
                <Text span fw={600} inherit>{t('signIn.forgotTitle')}</Text> {t('signIn.forgotBody')}
              </Text>
              {alreadyIn && (
                <Text size="sm" ta="center">
                  {t('signIn.alreadyIn')} <Anchor href={href(paths.home(profile))}>{t('signIn.continue')}</Anchor>
                </Text>
              )}
            </Stack>
          </form>
        </FormProvider>
      </Paper>
    </PublicLayout>
  );
}
