import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockShield, IconDownload, IconListSearch, IconRefresh, IconZoomCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { navigate } from '../../app/router';
import { useCall, useScope } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { toApiError } from '../../app/use-rpc';
import { adoptionPath } from '../adoption/adoption-route';
import { EnforcementModal } from './enforcement-modal';

export type RouterSyncState = OutputOf<'sync.status'>['routers'][number];

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} c={value > 0 ? color : undefined}>{value}</Text>
    </Stack>
  );
}

/** One router's sync panel: counts, the router's last refusal in its own words, Retry and Reconcile now. */
export function RouterSyncCard({ state: s, canOperate, canManage, canAdopt, selected, onShowDrift, onChanged }: {
  state: RouterSyncState;
  canOperate: boolean;
  /** May install or remove expiry enforcement (routers.manage). */
  canManage: boolean;
  /** May import the router's existing secrets as subscribers (subscribers.manage). */
  canAdopt: boolean;
  selected: boolean;
  onShowDrift: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const callIn = useCall();
  const scope = useScope();
  const tf = useTimeFormat();
  const [busy, setBusy] = useState<'retry' | 'reconcile' | null>(null);
  const [enforcing, setEnforcing] = useState(false);

  const run = async (what: 'retry' | 'reconcile') => {
    setBusy(what);
    try {
      if (what === 'retry') {
        const out = await callIn('sync.retry', { routerId: s.routerId });
        notifications.show({ color: 'green', title: t('sync.retriedTitle'), message: t('sync.retriedBody', { count: out.requeued }) });
      } else {
        const out = await callIn('sync.reconcile', { routerId: s.routerId });
        notifications.show({ color: 'green', title: t('sync.reconciledTitle'), message: t('sync.reconciledBody', out) });
        onShowDrift();
      }
      onChanged();
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toApiError(e).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper p="md" radius="md" withBorder style={selected ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined} aria-label={s.routerName}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{s.routerName}</Title>
          <Text size="xs" c="dimmed">{t('sync.lastReconcile', { when: tf.dateTime(s.lastReconcileAt) })}</Text>
        </Group>
        <SimpleGrid cols={4}>
          <Count label={t('sync.pending')} value={s.pending} color="yellow" />
          <Count label={t('sync.synced')} value={s.synced} />
          <Count label={t('sync.error')} value={s.error} color="red" />
          <Count label={t('sync.openDrift')} value={s.openDrift} color="orange" />
        </SimpleGrid>
        {s.lastError && <Alert color="red" variant="light" title={t('sync.lastError')}><Text size="sm" ff="monospace">{s.lastError}</Text></Alert>}
        <Group gap="xs">
          {canOperate && (
            <>
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={busy === 'retry'} disabled={s.error === 0} onClick={() => void run('retry')}>{t('sync.retry')}</Button>
              <Button size="xs" variant="light" leftSection={<IconZoomCheck size={14} />} loading={busy === 'reconcile'} onClick={() => void run('reconcile')}>{t('sync.reconcile')}</Button>
            </>
          )}
          <Button size="xs" variant="subtle" leftSection={<IconListSearch size={14} />} onClick={onShowDrift}>{t('sync.showDrift')}</Button>
          {canAdopt && scope && <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => navigate(adoptionPath(scope, s.routerId))}>{t('sync.adopt')}</Button>}
          {canManage && <Button size="xs" variant="subtle" leftSection={<IconClockShield size={14} />} onClick={() => setEnforcing(true)}>{t('sync.enforcement.open')}</Button>}
        </Group>
      </Stack>
      {enforcing && <EnforcementModal routerId={s.routerId} routerName={s.routerName} onClose={() => { setEnforcing(false); onChanged(); }} />}
    </Paper>
  );
}
