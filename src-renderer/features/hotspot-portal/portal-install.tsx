import { Alert, Button, Card, Group, List, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalInstallResult } from '@shared/contract/hotspot-portal';
import { ErrorAlert } from '../../components/error-alert';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';

/** Install the portal on one router: runs the steps in main and lists each with the router's own words on failure. */
export function PortalInstall({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const routers = useRpc('routers.hotspot.routers', {});
  const [routerId, setRouterId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PortalInstallResult | null>(null);
  const [error, setError] = useState<{ message: string } | null>(null);

  const run = async () => {
    if (!routerId) return;
    setRunning(true);
    setResult(null);
    setError(null);
    try {
      setResult(await callIn('portal.install', { routerId }));
    } catch (e) {
      setError(e instanceof Error ? e : { message: String(e) });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" maw={880}>
      <Title order={4}>{t('portal.install.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">{t('portal.install.intro')}</Text>
      {!configured && <Alert color="orange" mb="md">{t('portal.install.notConfigured')}</Alert>}
      <Group align="flex-end">
        <Select
          label={t('portal.install.router')} placeholder={t('portal.install.routerPlaceholder')} value={routerId} onChange={setRouterId}
          data={(routers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} w={280}
        />
        <Button onClick={() => void run()} loading={running} disabled={!routerId || !configured}>{t('portal.install.run')}</Button>
      </Group>
      {running && <Text size="sm" mt="sm">{t('portal.install.running')}</Text>}
      {error && <Stack mt="md"><ErrorAlert error={error} title={null} /></Stack>}
      {result && (
        <Stack mt="md" gap="xs">
          <Alert color={result.ok ? 'green' : 'orange'}>{result.ok ? t('portal.install.ok') : t('portal.install.failed')}</Alert>
          <List spacing={4} size="sm" center>
            {result.steps.map((s) => (
              <List.Item
                key={`${s.step}-${s.target}`}
                icon={<ThemeIcon size={18} radius="xl" color={s.ok ? 'green' : 'red'}>{s.ok ? <IconCheck size={12} /> : <IconX size={12} />}</ThemeIcon>}
              >
                {t(`portal.install.step.${s.step}`, { target: s.target })}
                {s.error && <Text span size="sm" c="red"> — {s.error}</Text>}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
