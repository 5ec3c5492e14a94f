import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconEye } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { businessSettingsInput, type BusinessSettings } from '@shared/contract/tenancy';
import { fieldMessage } from '../../app/field-messages';
import { showServerError } from '../../app/form-errors';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { FormError } from '../../components/form-error';
import { FormTextInput } from '../../components/form-fields';
import { PageHeader } from '../../components/page-header';
import { LogoField } from './logo-field';
import { useTimeFormat } from '../../app/time-format';

type Values = z.input<typeof businessSettingsInput>;

function valuesOf(b: BusinessSettings): Values {
  const { updatedAt: _u, logoDataUrl: _l, ...rest } = b;
  return rest;
}

/** The tenant's business details used on receipts and invoices; read-only without settings.manage. */
export function SettingsPage() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const principal = usePrincipal();
  const callIn = useCall();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('settings.manage');
  const settings = useRpc('settings.get', {});
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(businessSettingsInput, undefined, { raw: true }) });
  const { reset } = form;
  useEffect(() => {
    if (settings.data) reset(valuesOf(settings.data.business));
  }, [settings.data, reset]);

  const submit = form.handleSubmit(async (v) => {
    try {
      const saved = await callIn('settings.update', v);
      reset(valuesOf(saved));
      settings.reload();
      notifications.show({ color: 'green', title: t('settings.savedTitle'), message: t('settings.savedBody') });
    } catch (e) {
      showServerError(e, form);
    }
  });

  if (!settings.data) {
    return (
      <>
        <PageHeader title={t('settings.title')} description={t('settings.intro')} />
        {settings.error ? <ErrorAlert error={settings.error} onRetry={settings.reload} /> : <Stack><Skeleton h={200} radius="md" /><Skeleton h={160} radius="md" /></Stack>}
      </>
    );
  }

  const { tenant, business } = settings.data;
  const readOnly = !canManage;
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <FormProvider {...form}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="lg" maw={960}>
            {readOnly && <Alert color="gray" variant="light" icon={<IconEye size={18} />}>{t('settings.readOnly')}</Alert>}
            <Card withBorder radius="md" padding="lg">
              <Title order={4} mb="md">{t('settings.businessTitle')}</Title>
              <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
                <Stack gap="md">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <FormTextInput name="legalName" label={t('settings.legalName')} />
                    <FormTextInput name="taxId" label={t('settings.taxId')} />
                  </SimpleGrid>
                  <Controller
                    control={form.control}
                    name="address"
                    render={({ field, fieldState }) => (
                      <Textarea label={t('settings.address')} autosize minRows={2} {...field} error={fieldMessage(fieldState.error?.message)} />
                    )}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <FormTextInput name="phone" label={t('settings.phone')} placeholder={t('examples.phone')} />
                    <FormTextInput name="email" label={t('settings.email')} type="email" />
                    <Controller
                      control={form.control}
                      name="vatRateBasisPoints"
                      render={({ field, fieldState }) => (
                        <NumberInput
                          label={t('settings.vatRate')}
                          suffix=" %"
                          min={0}
                          max={100}
                          decimalScale={2}
                          step={0.5}
                          // Stored as basis points (1600 = 16 %), edited as a percentage.
                          value={typeof field.value === 'number' ? field.value / 100 : ''}
                          onChange={(v) => field.onChange(typeof v === 'number' ? Math.round(v * 100) : Number.NaN)}
                          onBlur={field.onBlur}
                          error={fieldMessage(fieldState.error?.message)}
                        />
                      )}
                    />
                  </SimpleGrid>
                  <LogoField logo={business.logoDataUrl} readOnly={readOnly} onSaved={() => settings.reload()} />
                  <Controller
                    control={form.control}
                    name="receiptFooter"
                    render={({ field, fieldState }) => (
                      <Textarea label={t('settings.receiptFooter')} description={t('settings.receiptFooterHint')} autosize minRows={2} {...field} error={fieldMessage(fieldState.error?.message)} />
                    )}
                  />
                </Stack>
              </fieldset>
              {!readOnly && (
                <Stack mt="lg" gap="sm">
                  <FormError form={form} />
                  <Group justify="space-between">
                    <Text size="xs" c="dimmed">
                      {business.updatedAt ? t('settings.lastSaved', { at: tf.dateTime(business.updatedAt) }) : t('settings.neverSaved')}
                    </Text>
                    <Group gap="sm">
                      <Button variant="default" disabled={!form.formState.isDirty || form.formState.isSubmitting} onClick={() => reset(valuesOf(business))}>
                        {t('common.discard')}
                      </Button>
                      <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>{t('common.save')}</Button>
                    </Group>
                  </Group>
                </Stack>
              )}
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Title order={4} mb={4}>{t('settings.profileTitle')}</Title>
              <Text size="sm" c="dimmed" mb="sm">{t('settings.profileHint')}</Text>
              <Table variant="vertical" withRowBorders={false} highlightOnHover={false} verticalSpacing={4}>
                <Table.Tbody>
                  {([
                    [t('tenantForm.name'), tenant.name],
                    [t('tenantForm.ownerName'), `${tenant.ownerName} · ${tenant.ownerEmail} · ${tenant.ownerPhone}`],
                    [t('tenantForm.country'), tenant.country],
                    [t('tenantForm.currency'), tenant.currency],
                    [t('tenantForm.timezone'), tenant.timezone],
                  ] as const).map(([k, v]) => (
                    <Table.Tr key={k}><Table.Th w={180} fw={500} c="dimmed">{k}</Table.Th><Table.Td>{v}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Stack>
        </form>
      </FormProvider>
    </>
  );
}
