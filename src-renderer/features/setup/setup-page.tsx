import { Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { FormProvider, useForm, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { call, isApiError } from '../../app/api-client';
import { showServerError } from '../../app/form-errors';
import { navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { useSessionStore } from '../../app/session-store';
import { PublicLayout } from '../../app/shell/public-layout';
import { copiedAdmin, setupDefaults, setupResolver, STEP_FIELDS, stepOfPath, toSetupInput, type SetupFormValues } from './setup-form';
import { SetupReview } from './setup-review';
import { SetupAccountStep, SetupTenantStep } from './setup-steps';

/** The owner is usually the person at the keyboard: their name and email prefill the ISP's owner fields. */
function carryOwner(form: UseFormReturn<SetupFormValues, unknown, SetupFormValues>): void {
  const admin = form.getValues('platformAdmin');
  if (!form.getValues('tenant.ownerName')) form.setValue('tenant.ownerName', admin.fullName);
  if (!form.getValues('tenant.ownerEmail')) form.setValue('tenant.ownerEmail', admin.email);
}

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
    // Errors appear when leaving a step, all at once: validating on blur made the first click on Next
    // show one field's error and move the button away from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [active, setActive] = useState(0);

  const next = async () => {
    if (active === 0) {
      if (!(await form.trigger([...STEP_FIELDS.admin], { shouldFocus: true }))) return;
      // The demo needs nothing more; otherwise the owner's name and email carry over as the ISP's owner.
      if (form.getValues('mode') === 'demo') return setActive(2);
      carryOwner(form);
      return setActive(1);
    }
    if (form.getValues('sameAdmin')) form.setValue('tenant.admin', copiedAdmin(form.getValues()));
    // Every field of the step is checked at once, and the first wrong one gets the focus.
    if (await form.trigger([...STEP_FIELDS.tenant], { shouldFocus: true })) setActive(2);
  };

  const onInvalid = (errors: FieldErrors<SetupFormValues>) => setActive(errors.platformAdmin ? 0 : 1);

  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await call('setup.complete', toSetupInput(values));
      const store = useSessionStore.getState();
      const platform = store.signedIn(result.session);
      // With their own details the owner starts inside the ISP; platform administration stays signed in too.
      const scope = result.tenantSession ? store.signedIn(result.tenantSession) : platform;
      onDone();
      const name = values.mode === 'demo' ? t('setup.demoName') : values.tenant.name;
      const message = t(result.tenantSession ? 'setup.doneInsideBody' : 'setup.doneBody', { name });
      notifications.show({ color: 'green', title: t('setup.doneTitle'), message });
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
                <SetupAccountStep />
              </Stepper.Step>
              <Stepper.Step label={t('setup.step2')} description={t('setup.step2Hint')}>
                <SetupTenantStep />
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
