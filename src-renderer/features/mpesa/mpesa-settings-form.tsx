import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Controller, FormProvider, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerError } from '../../app/form-errors';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { FormError } from '../../components/form-error';
import { FormPasswordInput, FormSegmented, FormTextInput } from '../../components/form-fields';
import { toSettingsInput, valuesOf, type SettingsValues } from './settings-values';

function SavedBadge({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  return <Badge size="xs" variant="light" color={saved ? 'green' : 'gray'}>{saved ? t('mpesa.settings.saved') : t('mpesa.settings.notSaved')}</Badge>;
}

/** Daraja settings (admin): account, environment, addresses; secrets are write-only with a "saved" badge. */
export function MpesaSettingsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const principal = usePrincipal();
  const readOnly = !(principal.kind === 'staff' && principal.permissions.includes('settings.manage'));
  const settings = useRpc('mpesa.settings.get', {});
  const form = useForm<SettingsValues>();
  const { reset } = form;
  useEffect(() => {
    if (settings.data) reset(valuesOf(settings.data));
  }, [settings.data, reset]);

  const submit = form.handleSubmit(async (v) => {
    const { input, fields } = toSettingsInput(v);
    if (!input) {
      for (const [path, message] of Object.entries(fields)) form.setError(path as Path<SettingsValues>, { type: 'client', message });
      return;
    }
    try {
      const saved = await callIn('mpesa.settings.update', input);
      reset(valuesOf(saved));
      settings.reload();
      onSaved();
      notifications.show({ color: 'green', title: t('mpesa.settings.savedTitle'), message: t('mpesa.settings.savedBody') });
    } catch (e) {
      showServerError(e, form);
    }
  });

  const s = settings.data;
  if (!s) return settings.error ? <ErrorAlert error={settings.error} onRetry={settings.reload} /> : <Skeleton h={320} radius="md" />;
  const isBuyGoods = form.watch('accountType') === 'buygoods';
  const secretField = (name: 'consumerKey' | 'consumerSecret' | 'passkey', saved: boolean) => (
    <FormPasswordInput
      name={name}
      label={<Group gap={6} component="span">{t(`mpesa.settings.${name}`)}<SavedBadge saved={saved} /></Group>}
      placeholder={saved ? t('mpesa.settings.keepSaved') : undefined}
      autoComplete="new-password"
    />
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Card withBorder radius="md" padding="lg" maw={880}>
          <Group justify="space-between" mb="md">
            <Title order={4}>{t('mpesa.settings.title')}</Title>
            <Badge color={s.configured ? 'green' : 'orange'} variant="light">{s.configured ? t('mpesa.settings.configured') : t('mpesa.settings.incomplete')}</Badge>
          </Group>
          {readOnly && <Alert color="gray" variant="light" icon={<IconEye size={18} />} mb="md">{t('mpesa.settings.readOnly')}</Alert>}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <FormSegmented name="accountType" label={t('mpesa.settings.accountType')} data={[{ value: 'paybill', label: t('mpesa.settings.paybill') }, { value: 'buygoods', label: t('mpesa.settings.buygoods') }]} />
                <FormSegmented name="environment" label={t('mpesa.settings.environment')} data={[{ value: 'sandbox', label: t('mpesa.settings.sandbox') }, { value: 'production', label: t('mpesa.settings.production') }]} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <FormTextInput name="shortcode" label={t('mpesa.settings.shortcode')} description={t('mpesa.settings.shortcodeHint')} inputMode="numeric" />
                {isBuyGoods && <FormTextInput name="till" label={t('mpesa.settings.till')} inputMode="numeric" />}
              </SimpleGrid>
              <FormTextInput name="baseUrl" label={t('mpesa.settings.baseUrl')} description={t('mpesa.settings.baseUrlHint')} />
              <FormTextInput name="callbackUrl" label={t('mpesa.settings.callbackUrl')} description={t('mpesa.settings.callbackUrlHint')} />
              <Controller control={form.control} name="c2bRejectUnknown" render={({ field }) => (
                <Switch label={t('mpesa.settings.rejectUnknown')} description={t('mpesa.settings.rejectUnknownHint')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
              )} />
              <Title order={5} mt="sm">{t('mpesa.settings.secretsTitle')}</Title>
              <Text size="sm" c="dimmed" mt={-8}>{t('mpesa.settings.secretsHint')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {secretField('consumerKey', s.hasConsumerKey)}
                {secretField('consumerSecret', s.hasConsumerSecret)}
                {secretField('passkey', s.hasPasskey)}
              </SimpleGrid>
            </Stack>
          </fieldset>
          {!readOnly && (
            <Stack mt="lg" gap="sm">
              <FormError form={form} />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" disabled={!form.formState.isDirty || form.formState.isSubmitting} onClick={() => reset(valuesOf(s))}>{t('common.discard')}</Button>
                <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>{t('common.save')}</Button>
              </Group>
            </Stack>
          )}
        </Card>
      </form>
    </FormProvider>
  );
}
