import {
  ActionIcon, Alert, Autocomplete, Button, Code, CopyButton, Group, Loader, Modal, PasswordInput, ScrollArea, SimpleGrid, Stack, Switch, Text,
  TextInput, Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDeviceFloppy, IconInfoCircle, IconRefresh, IconArrowRight } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OutputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { toApiError, useRpc } from '../../app/use-rpc';
import type { ApiError } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { generatePassword } from './password';
import { downloadText } from '../../app/files';
import { API_PORT, API_SSL_PORT, type RouterFormPrefill } from './router-form-modal';
import { BootstrapPlainApi } from './bootstrap-plain-api';

const inputSchema = contract['routers.bootstrap-script'].input;


interface BootstrapModalProps {
  opened: boolean;
  onClose: () => void;
  /** "Use these credentials in the form": opens the add-router form prefilled. */
  onUse: (prefill: RouterFormPrefill) => void;
}

interface Options {
  apiUser: string;
  apiPassword: string;
  allowAddress: string;
  enableTls: boolean;
  readOnly: boolean;
  keepPlainApiFrom: string[];
}

/** The .rsc that prepares a router for ISP Desk: its own API user and group, API-SSL, access from this computer only. */
export function BootstrapModal({ opened, onClose, onUse }: BootstrapModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const local = useRpc('routers.local-addresses', {}, { enabled: opened });
  const [options, setOptions] = useState<Options>(() => ({ apiUser: 'isp-desk', apiPassword: generatePassword(), allowAddress: '', enableTls: true, readOnly: false, keepPlainApiFrom: [] }));
  const [result, setResult] = useState<OutputOf<'routers.bootstrap-script'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [debounced] = useDebouncedValue(options, 250);

  useEffect(() => {
    if (opened) setOptions((o) => ({ ...o, apiPassword: generatePassword() }));
  }, [opened]);

  // Preselect this computer's first address once it is known.
  const firstAddress = local.data?.addresses[0]?.address;
  useEffect(() => {
    if (firstAddress) setOptions((o) => (o.allowAddress ? o : { ...o, allowAddress: firstAddress }));
  }, [firstAddress]);

  const parsed = useMemo(() => inputSchema.safeParse(debounced), [debounced]);
  const fieldErrors = useMemo(() => {
    const errs: Partial<Record<keyof Options, string>> = {};
    const now = inputSchema.safeParse(options);
    if (!now.success) for (const issue of now.error.issues) errs[issue.path[0] as keyof Options] ??= issue.message;
    return errs;
  }, [options]);

  useEffect(() => {
    if (!opened || !parsed.success) return;
    let cancelled = false;
    setLoading(true);
    callIn('routers.bootstrap-script', parsed.data).then(
      (r) => {
        if (cancelled) return;
        setResult(r);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [opened, parsed, callIn]);

  const set = <K extends keyof Options>(key: K, value: Options[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const ready = parsed.success && !!result && !loading && Object.keys(fieldErrors).length === 0;
  const addresses = local.data?.addresses ?? [];

  return (
    <Modal opened={opened} onClose={onClose} title={t('routers.bootstrap.title')} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('routers.bootstrap.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('routers.bootstrap.apiUser')}
            value={options.apiUser}
            onChange={(e) => set('apiUser', e.currentTarget.value)}
            error={fieldErrors.apiUser}
            autoComplete="off"
          />
          <PasswordInput
            label={t('routers.bootstrap.apiPassword')}
            value={options.apiPassword}
            onChange={(e) => set('apiPassword', e.currentTarget.value)}
            error={fieldErrors.apiPassword}
            autoComplete="off"
            rightSectionWidth={96}
            rightSection={
              <Group gap={2} wrap="nowrap">
                <CopyButton value={options.apiPassword}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('routers.bootstrap.copied') : t('routers.bootstrap.copyPassword')}>
                      <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label={t('routers.bootstrap.copyPassword')}>
                        {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
                <Tooltip label={t('routers.bootstrap.regenerate')}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => set('apiPassword', generatePassword())} aria-label={t('routers.bootstrap.regenerate')}>
                    <IconRefresh size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            }
          />
        </SimpleGrid>
        <Autocomplete
          label={t('routers.bootstrap.allowAddress')}
          description={t('routers.bootstrap.allowAddressHint')}
          placeholder={t('examples.bootstrapAddress')}
          value={options.allowAddress}
          onChange={(v) => set('allowAddress', v)}
          data={addresses.map((a) => a.address)}
          renderOption={({ option }) => {
            const a = addresses.find((x) => x.address === option.value);
            return (
              <Group gap="xs" justify="space-between" w="100%" wrap="nowrap">
                <Text size="sm">{option.value}</Text>
                {a && <Text size="xs" c="dimmed">{a.interface} · {a.cidr}</Text>}
              </Group>
            );
          }}
          rightSection={local.loading ? <Loader size="xs" /> : null}
          error={fieldErrors.allowAddress}
        />
        {local.data && addresses.length === 0 && <Text size="xs" c="dimmed">{t('routers.bootstrap.noAddresses')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Switch
            label={t('routers.bootstrap.enableTls')}
            description={t('routers.bootstrap.enableTlsHint')}
            checked={options.enableTls}
            onChange={(e) => set('enableTls', e.currentTarget.checked)}
          />
          <Switch
            label={t('routers.bootstrap.readOnly')}
            description={t('routers.bootstrap.readOnlyHint')}
            checked={options.readOnly}
            onChange={(e) => set('readOnly', e.currentTarget.checked)}
          />
        </SimpleGrid>
        <BootstrapPlainApi
          warnings={result?.warnings ?? []}
          keep={options.keepPlainApiFrom}
          onKeep={(hosts) => set('keepPlainApiFrom', hosts)}
          error={fieldErrors.keepPlainApiFrom}
        />

        <ErrorAlert error={error} />
        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={600}>{result?.fileName ?? 'isp-desk-bootstrap.rsc'}</Text>
            <Group gap="xs">
              <CopyButton value={result?.script ?? ''}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} disabled={!ready} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
                    {copied ? t('routers.bootstrap.copied') : t('routers.bootstrap.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="xs"
                variant="default"
                disabled={!ready}
                leftSection={<IconDeviceFloppy size={14} />}
                onClick={() => result && downloadText(result.fileName, result.script)}
              >
                {t('routers.bootstrap.save')}
              </Button>
            </Group>
          </Group>
          <ScrollArea.Autosize mah={230} type="auto" offsetScrollbars>
            <Code block fz="xs" aria-label={t('routers.bootstrap.scriptLabel')} style={{ opacity: ready ? 1 : 0.5, whiteSpace: 'pre' }}>
              {result?.script ?? t('routers.bootstrap.fillIn')}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
        <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />}>{t('routers.bootstrap.howTo')}</Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.close')}</Button>
          <Button
            rightSection={<IconArrowRight size={16} />}
            disabled={!ready}
            onClick={() => onUse({
              username: options.apiUser.trim(),
              password: options.apiPassword,
              useTls: options.enableTls,
              port: options.enableTls ? API_SSL_PORT : API_PORT,
            })}
          >
            {t('routers.bootstrap.use')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
