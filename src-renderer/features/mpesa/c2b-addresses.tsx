import { ActionIcon, Button, Card, Code, CopyButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { ErrorAlert } from '../../components/error-alert';

type Paths = { validationPath: string; confirmationPath: string };

function PathLine({ label, path }: { label: string; path: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" w={110} fw={500}>{label}</Text>
      <Code style={{ overflowWrap: 'anywhere' }}>{path}</Code>
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('mpesa.c2b.copied') : t('mpesa.c2b.copy', { label })}>
            <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label={t('mpesa.c2b.copy', { label })}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * The C2B addresses an admin registers with Safaricom (behind their public proxy to `npm run serve`). Shown on
 * request: the secret part of the path is made the first time, and it is as good as a password.
 */
export function C2bAddresses() {
  const { t } = useTranslation();
  const callIn = useCall();
  const [paths, setPaths] = useState<Paths | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setPaths(await callIn('payments.callback-urls', {}));
    } catch (e) {
      setError(e as { message: string });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="md" maw={720}>
      <Stack gap="sm">
        <Title order={4}>{t('mpesa.c2b.title')}</Title>
        <Text size="sm" c="dimmed">{t('mpesa.c2b.intro')}</Text>
        <ErrorAlert error={error} />
        {paths ? (
          <>
            <PathLine label={t('mpesa.c2b.validation')} path={paths.validationPath} />
            <PathLine label={t('mpesa.c2b.confirmation')} path={paths.confirmationPath} />
            <Text size="xs" c="dimmed">{t('mpesa.c2b.secretNote')}</Text>
          </>
        ) : (
          <Group><Button variant="default" loading={busy} onClick={() => void show()}>{t('mpesa.c2b.show')}</Button></Group>
        )}
      </Stack>
    </Card>
  );
}
