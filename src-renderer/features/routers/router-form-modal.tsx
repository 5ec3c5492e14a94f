import { Badge, Button, Divider, Grid, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { routerCreateInput, type RouterEncoding, type RouterSummary } from '@shared/contract/routers';
import { RouterEncodingField } from './router-encoding-field';
import { fieldMessage } from '../../app/field-messages';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { ErrorAlert } from '../../components/error-alert';
import { FormError } from '../../components/form-error';
import { FormPasswordInput, FormTextInput } from '../../components/form-fields';
import { ContactingRouter, DiagnosisCard } from './diagnosis-card';
import { TrustCertificateModal } from './trust-certificate-modal';
import { useConnectionTest } from './use-connection-test';

export const API_PORT = 8728;
export const API_SSL_PORT = 8729;

export interface RouterFormValues {
  name: string;
  host: string;
  /** '' while the field is empty (the schema says "Must be a number"). */
  port: number | '';
  useTls: boolean;
  username: string;
  /** On edit, empty keeps the stored password. */
  password: string;
  site: string;
  notes: string;
  isCore: boolean;
  encoding: RouterEncoding;
  /** Accepted with "Trust this certificate" after a test (trust on first use). */
  tlsFingerprint: string | null;
}

/** Credentials handed over from the bootstrap script dialog. */
export type RouterFormPrefill = Pick<RouterFormValues, 'username' | 'password' | 'useTls' | 'port'>;

// The contract's create input; an empty port box must say "Must be a number", not fall back to 8728.
const schema = routerCreateInput.extend({
  port: z.preprocess((v) => (v === '' ? undefined : v), routerCreateInput.shape.port.unwrap()),
});
const resolver = zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<RouterFormValues>;

const CONNECTION_FIELDS = ['host', 'port', 'useTls', 'username', 'password'] as const;

function initialValues(router: RouterSummary | null, prefill: RouterFormPrefill | null): RouterFormValues {
  if (router) {
    return {
      name: router.name, host: router.host, port: router.port, useTls: router.useTls, username: router.username, password: '',
      site: router.site, notes: router.notes, isCore: router.isCore, encoding: router.encoding, tlsFingerprint: router.tlsFingerprint,
    };
  }
  return {
    name: '', host: '', port: API_PORT, useTls: false, username: '', password: '', site: '', notes: '', isCore: false, encoding: 'utf8-lossless', tlsFingerprint: null,
    ...prefill,
  };
}

interface RouterFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The router being edited; null adds a new one. */
  router: RouterSummary | null;
  prefill?: RouterFormPrefill | null;
  onSaved: (router: RouterSummary) => void;
}

/** Add or edit a router, with "Test connection" that works before saving. */
export function RouterFormModal({ opened, onClose, router, prefill = null, onSaved }: RouterFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<RouterFormValues>({ resolver, defaultValues: initialValues(router, prefill) });
  const test = useConnectionTest();
  const { reset: resetTest } = test;
  const portTyped = useRef(false);
  const [trustNew, setTrustNew] = useState(false);

  // Fresh values each time the dialog opens; a re-read of the same router (live status) must not wipe the edits.
  const latest = useRef({ router, prefill });
  useEffect(() => {
    latest.current = { router, prefill };
  });
  const routerId = router?.id;
  useEffect(() => {
    if (!opened) return;
    form.reset(initialValues(latest.current.router, latest.current.prefill));
    portTyped.current = false;
    resetTest();
  }, [opened, routerId, prefill, form, resetTest]);

  // A changed address or login makes the last diagnosis (and a certificate accepted for it) stale.
  useEffect(() => {
    const sub = form.watch((_values, { name }) => {
      if (!name || !(CONNECTION_FIELDS as readonly string[]).includes(name)) return;
      resetTest();
      if ((name === 'host' || name === 'port' || name === 'useTls') && form.getValues('tlsFingerprint') !== null) {
        form.setValue('tlsFingerprint', null);
      }
    });
    return () => sub.unsubscribe();
  }, [form, resetTest]);

  const busy = form.formState.isSubmitting;
  // Mirrors core: a new host or port without a re-entered password clears the stored one.
  const [watchedHost, watchedPort, watchedPassword] = form.watch(['host', 'port', 'password']);
  const passwordWillClear = !!router?.hasPassword && watchedPassword === ''
    && (watchedHost.trim().toLowerCase() !== router.host || watchedPort !== router.port);

  const connectionUnchanged = (): boolean => {
    if (!router) return false;
    const v = form.getValues();
    return v.password === '' && v.host.trim().toLowerCase() === router.host && v.port === router.port
      && v.useTls === router.useTls && v.username.trim() === router.username;
  };

  const runTest = async () => {
    form.clearErrors('root.server');
    if (connectionUnchanged() && router) {
      await test.run({ routerId: router.id });
      return;
    }
    if (!(await form.trigger(['host', 'port', 'username', 'password']))) return;
    const v = form.getValues();
    if (router && v.password === '') {
      form.setError('password', { type: 'manual', message: t('routers.form.passwordForTest') }, { shouldFocus: true });
      return;
    }
    const pinned = v.useTls
      ? v.tlsFingerprint ?? (router && v.host.trim().toLowerCase() === router.host && v.port === router.port ? router.tlsFingerprint : null)
      : null;
    const result = await test.run({ host: v.host, port: Number(v.port), useTls: v.useTls, username: v.username, password: v.password, tlsFingerprint: pinned });
    if ('error' in result && result.error.fields) showServerError(result.error, form);
  };

  const submit = form.handleSubmit(async (v) => {
    if (test.running) return;
    try {
      const common = {
        name: v.name, host: v.host, port: Number(v.port), useTls: v.useTls, username: v.username, site: v.site, notes: v.notes, isCore: v.isCore,
        encoding: v.encoding,
      };
      const saved = router
        ? await callIn('routers.update', { routerId: router.id, ...common, ...(v.password !== '' ? { password: v.password } : {}) })
        : await callIn('routers.create', { ...common, password: v.password, tlsFingerprint: v.useTls ? v.tlsFingerprint : null });
      notifications.show({
        color: 'green',
        title: t(router ? 'routers.form.updatedTitle' : 'routers.form.createdTitle'),
        message: t(router ? 'routers.form.updatedBody' : 'routers.form.createdBody', { name: saved.name }),
      });
      onSaved(saved);
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  const d = test.diagnosis;
  const trustedFingerprint = form.watch('tlsFingerprint');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={router ? t('routers.form.editTitle', { name: router.name }) : t('routers.form.createTitle')}
      size="xl"
      closeOnClickOutside={!busy && !test.running}
    >
      <FormProvider {...form}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormTextInput name="name" label={t('routers.form.name')} placeholder={t('routers.form.namePlaceholder')} data-autofocus />
              <FormTextInput name="site" label={t('routers.form.site')} placeholder={t('routers.form.sitePlaceholder')} />
            </SimpleGrid>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <FormTextInput name="host" label={t('routers.form.host')} description={t('routers.form.hostHint')} placeholder={t('examples.routerAddress')} autoComplete="off" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Controller
                  control={form.control}
                  name="port"
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label={t('routers.form.port')}
                      description={t('routers.form.portHint')}
                      ref={field.ref}
                      value={field.value}
                      onChange={(v) => {
                        portTyped.current = true;
                        field.onChange(v === '' ? '' : Number(v));
                      }}
                      onBlur={field.onBlur}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="none"
                      hideControls
                      error={fieldMessage(fieldState.error?.message)}
                    />
                  )}
                />
              </Grid.Col>
            </Grid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={form.control}
                name="useTls"
                render={({ field }) => (
                  <Switch
                    label={t('routers.form.useTls')}
                    description={t('routers.form.useTlsHint')}
                    checked={field.value}
                    ref={field.ref}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      field.onChange(on);
                      const port = form.getValues('port');
                      if (!portTyped.current && (port === '' || port === (on ? API_PORT : API_SSL_PORT))) {
                        form.setValue('port', on ? API_SSL_PORT : API_PORT, { shouldValidate: form.formState.isSubmitted });
                      }
                    }}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="isCore"
                render={({ field }) => (
                  <Switch
                    label={t('routers.form.isCore')}
                    description={t('routers.form.isCoreHint')}
                    checked={field.value}
                    ref={field.ref}
                    onChange={(e) => field.onChange(e.currentTarget.checked)}
                  />
                )}
              />
            </SimpleGrid>
            <RouterEncodingField control={form.control} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormTextInput name="username" label={t('routers.form.username')} placeholder={t('examples.routerUser')} autoComplete="off" />
              <FormPasswordInput
                name="password"
                label={
                  <Group gap={6} component="span" wrap="nowrap">
                    <span>{t('routers.form.password')}</span>
                    {router?.hasPassword && <Badge size="xs" variant="light" color="green" component="span">{t('routers.form.passwordSet')}</Badge>}
                  </Group>
                }
                description={router ? t(passwordWillClear ? 'routers.form.passwordClearedOnMove' : 'routers.form.passwordKeep') : undefined}
                autoComplete="new-password"
              />
            </SimpleGrid>
            <Controller
              control={form.control}
              name="notes"
              render={({ field, fieldState }) => (
                <Textarea label={t('routers.form.notes')} autosize minRows={1} maxRows={5} {...field} error={fieldMessage(fieldState.error?.message)} />
              )}
            />
            <Divider label={t('routers.form.testSection')} labelPosition="left" />
            {test.running ? (
              <ContactingRouter />
            ) : d ? (
              <DiagnosisCard
                diagnosis={d}
                trustedFingerprint={trustedFingerprint}
                onTrust={!router && form.getValues('useTls') ? (fp) => form.setValue('tlsFingerprint', fp) : undefined}
                onTrustNew={router && d.kind === 'tls-pin-mismatch' && connectionUnchanged() ? () => setTrustNew(true) : undefined}
              />
            ) : test.error ? (
              <ErrorAlert error={test.error} title={t('routers.diagnosis.failed')} />
            ) : (
              <Text size="sm" c="dimmed">{t('routers.form.testHint')}</Text>
            )}

            <FormError form={form} />
            {/* Sticky: a long diagnosis must not push the primary button out of sight. */}
            <Group justify="space-between" gap="sm" py="sm" style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Button
                variant="light"
                leftSection={<IconPlugConnected size={16} />}
                onClick={() => void runTest()}
                loading={test.running}
                disabled={busy}
              >
                {t('routers.testConnection')}
              </Button>
              <Group gap="sm">
                <Button variant="default" onClick={onClose} disabled={busy}>{t('common.cancel')}</Button>
                <Button type="submit" loading={busy} disabled={test.running}>
                  {router ? t('common.save') : t('routers.form.createSubmit')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </FormProvider>
      {router && d?.kind === 'tls-pin-mismatch' && d.details.tlsFingerprint && (
        <TrustCertificateModal
          opened={trustNew}
          onClose={() => setTrustNew(false)}
          router={router}
          expected={d.details.expectedFingerprint}
          actual={d.details.tlsFingerprint}
          onDone={(updated) => {
            form.setValue('tlsFingerprint', updated.tlsFingerprint);
            onSaved(updated);
            void test.run({ routerId: router.id });
          }}
        />
      )}
    </Modal>
  );
}
