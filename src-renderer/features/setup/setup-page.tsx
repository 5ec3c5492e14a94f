import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconCheck, IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { call, isApiError } from '../../app/api-client';
import { showServerError } from '../../app/form-errors';
import { navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { useSessionStore } from '../../app/session-store';
import { PublicLayout } from '../../app/shell/public-layout';
import { AccountFields } from '../auth/account-fields';
import { TenantProfileFields } from '../tenancy/tenant-profile-fields';
import { copiedAdmin, setupDefaults, setupResolver, STEP_FIELDS, stepOfPath, toSetupInput, type SetupFormValues } from './setup-form';
import { SetupReview } from './setup-review';

const SAME_ADMIN_RENAMES = {
  'tenant.admin.fullName': 'platformAdmin.fullName',
  'tenant.admin.email': 'platformAdmin.email',
  'tenant.admin.password': 'platformAdmin.password',
} as const;

/** First run: the platform administrator, the first ISP profile with its administrator, review, done. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<SetupFormValues, unknown, SetupFormValues>({
    resolver: setupResolver,
    defaultValues: setupDefaults,
    mode: 'onTouched',
  });
  const [active, setActive] = useState(0);
  const sameAdmin = form.watch('sameAdmin');
  const demo = form.watch('mode') === 'demo';

  const next = async () => {
    if (active === 0 && (await form.trigger([...STEP_FIELDS.admin]))) setActive(1);
    if (active === 1) {
      if (form.getValues('mode') === 'demo') {
        setActive(2);
        return;
      }
      if (form.getValues('sameAdmin')) form.setValue('tenant.admin', copiedAdmin(form.getValues()));
      if (await form.trigger([...STEP_FIELDS.tenant])) setActive(2);
    }
  };

  const onInvalid = (errors: FieldErrors<SetupFormValues>) => setActive(errors.platformAdmin ? 0 : 1);

  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await call('setup.complete', toSetupInput(values));
      const scope = useSessionStore.getState().signedIn(result.session);
      onDone();
      const name = values.mode === 'demo' ? t('setup.demoName') : values.tenant.name;
      notifications.show({ color: 'green', title: t('setup.doneTitle'), message: t('setup.doneBody', { name }) });
      navigate(paths.home(scope), { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'CONFLICT' && !e.fields) {
        // Someone finished the wizard meanwhile (another window): there is nothing left to set up.
        onDone();
        useSessionStore.setState({ notice: { scope: '', message: e.message } });
        navigate(paths.signIn(), { replace: true });
        return;
      }
      const error = showServerError(e, form, values.sameAdmin ? SAME_ADMIN_RENAMES : {});
      const firstPath = Object.keys(error.fields ?? {})[0];
      if (firstPath !== undefined) setActive(stepOfPath(firstPath));
    }
  }, onInvalid);

  const submitting = form.formState.isSubmitting;
  return (
    <PublicLayout width={760}>
      <Paper p={{ base: 'md', sm: 'xl' }} radius="lg" shadow="sm">
        <Stack gap={4} mb="lg">
          <Title order={2}>{t('setup.title')}</Title>
          <Text c="dimmed">{t('setup.intro')}</Text>
        </Stack>
        <FormProvider {...form}>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stepper active={active} onStepClick={(i) => i < active && setActive(i)} allowNextStepsSelect={false} size="sm">
              <Stepper.Step label={t('setup.step1')} description={t('setup.step1Hint')}>
                <Stack gap="md" mt="md">
                  <Text size="sm" c="dimmed">{t('setup.step1Body')}</Text>
                  <AccountFields prefix="platformAdmin." labels="account" />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('setup.step2')} description={t('setup.step2Hint')}>
                <Stack gap="md" mt="md">
                  <Text size="sm" c="dimmed">{t('setup.step2Body')}</Text>
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
                  {demo ? (
                    <Alert color="orange" variant="light" icon={<IconFlask size={20} />} title={t('setup.demoTitle')}>
                      <Text size="sm">{t('setup.demoBody')}</Text>
                    </Alert>
                  ) : (
                    <>
                      <TenantProfileFields prefix="tenant." />
                      <Title order={4} mt="sm">{t('setup.adminTitle')}</Title>
                      <Checkbox
                        label={t('setup.sameAdmin')}
                        description={t('setup.sameAdminHint')}
                        {...form.register('sameAdmin')}
                      />
                      {!sameAdmin && <AccountFields prefix="tenant.admin." labels="adminAccount" withPhone />}
                    </>
                  )}
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('setup.step3')} description={t('setup.step3Hint')}>
                <Stack gap="md" mt="md">
                  <SetupReview values={form.getValues()} />
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Stack mt="lg" gap="md">
              <FormError form={form} />
              <Group justify="space-between">
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setActive((a) => a - 1)} disabled={active === 0 || submitting}>
                  {t('common.back')}
                </Button>
                {active < 2 ? (
                  // Distinct keys: React must not turn the clicked Next button into the submit button mid-click.
                  <Button key="next" rightSection={<IconArrowRight size={16} />} onClick={() => void next()}>{t('common.next')}</Button>
                ) : (
                  <Button key="submit" type="submit" loading={submitting} leftSection={<IconCheck size={16} />}>{t('setup.submit')}</Button>
                )}
              </Group>
            </Stack>
          </form>
        </FormProvider>
      </Paper>
    </PublicLayout>
  );
}
