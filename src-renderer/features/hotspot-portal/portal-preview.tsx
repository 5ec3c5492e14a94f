import { Card, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalFile } from '@shared/contract/hotspot-portal';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';

/**
 * The pages as main makes them, in an iframe with an empty `sandbox` (no scripts, no forms, no same-origin
 * access): main escapes everything people typed, and the sandbox is the second lock.
 */
export function PortalPreview({ version }: { version: number }) {
  const { t } = useTranslation();
  const preview = useRpc('portal.preview', {});
  const [file, setFile] = useState<PortalFile>('login.html');
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    preview.reload();
  }
  if (preview.error) return <ErrorAlert error={preview.error} onRetry={preview.reload} />;
  const files = preview.data?.files;
  const html = files?.find((f) => f.name === file)?.html;
  return (
    <Card withBorder radius="md" padding="lg" maw={880}>
      <Stack gap="sm">
        <Title order={4}>{t('portal.preview.title')}</Title>
        <Text size="sm" c="dimmed">{t('portal.preview.intro')}</Text>
        <SegmentedControl value={file} onChange={(v) => setFile(v as PortalFile)} data={(files ?? []).map((f) => f.name)} />
        {html === undefined
          ? <Skeleton h={520} radius="md" />
          : <iframe title={t('portal.preview.frameTitle', { file })} sandbox="" srcDoc={html} style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, background: '#fff' }} />}
      </Stack>
    </Card>
  );
}
