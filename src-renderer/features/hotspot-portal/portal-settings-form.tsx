import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { FormError } from '../../components/form-error';
import { FormMultiSelect, FormNumberInput, FormTextInput } from '../../components/form-fields';

interface Values {
  enabled: boolean;
  lanAddress: string;
  lanPort: number;
  offeredPlanIds: string[];
  title: string;
  colour: string;
  supportPhone: string;
}

type Settings = OutputOf<'portal.settings.get'>;

const valuesOf = (s: Settings): Values => ({
  enabled: s.enabled, lanAddress: s.lanAddress ?? '', lanPort: s.lanPort, offeredPlanIds: s.offeredPlanIds, title: s.title, colour: s.colour, supportPhone: s.supportPhone,
});

/** Portal settings: plans sold with M-Pesa, the LAN address the router reaches this computer on, the page look. */
export function PortalSettingsForm({ canManage, onSaved }: { canManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const settings = useRpc('portal.settings.get', {});
  const plans = useRpc('hotspot.plans.list', { page: 1, pageSize: 200, status: 'active' });
  const form = useForm<Values>();
  const { reset } = form;
  useEffect(() => {
    if (settings.data) reset(valuesOf(settings.data));
  }, [settings.data, reset]);

  const submit = form.handleSubmit(async (v) => {
    try {
      const saved = await callIn('portal.settings.update', { ...v, lanAddress: v.lanAddress.trim() === '' ? null : v.lanAddress.trim() });
      reset(valuesOf(saved));
      settings.reload();
      onSaved();
      notifications.show({ color: 'green', title: t('portal.settings.savedTitle'), message: t('portal.settings.savedBody') });
    } catch (e) {
      showServerError(e, form);
    }
  });

  const s = settings.data;
  if (!s) return settings.error ? <ErrorAlert error={settings.error} onRetry={settings.reload} /> : <Skeleton h={320} radius="md" />;
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Card withBorder radius="md" padding="lg" maw={880}>
          <Title order={4} mb="md">{t('portal.settings.title')}</Title>
          {!canManage && <Alert color="gray" variant="light" icon={<IconEye size={18} />} mb="md">{t('portal.settings.readOnly')}</Alert>}
          <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <Controller control={form.control} name="enabled" render={({ field }) => (
                <Switch label={t('portal.settings.enabled')} description={t('portal.settings.enabledHint')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
              )} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <FormTextInput name="lanAddress" label={t('portal.settings.lanAddress')} description={t('portal.settings.lanAddressHint')} inputMode="decimal" />
                <FormNumberInput name="lanPort" label={t('portal.settings.lanPort')} min={1024} max={65535} allowDecimal={false} />
              </SimpleGrid>
              {s.baseUrl && <Text size="sm" c="dimmed">{t('portal.settings.baseUrl', { url: s.baseUrl })}</Text>}
              <FormMultiSelect
                name="offeredPlanIds" label={t('portal.settings.plans')} description={t('portal.settings.plansHint')}
                data={planOptions} nothingFoundMessage={t('portal.settings.plansEmpty')} searchable
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <FormTextInput name="title" label={t('portal.settings.pageTitle')} />
                <FormTextInput name="colour" label={t('portal.settings.colour')} />
                <FormTextInput name="supportPhone" label={t('portal.settings.supportPhone')} inputMode="tel" />
              </SimpleGrid>
            </Stack>
          </fieldset>
          {canManage && (
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
