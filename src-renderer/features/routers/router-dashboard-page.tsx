import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFlask, IconPencil, IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosisText } from '../../app/messages';
import { href, navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { usePrincipal, useScope } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { DemoBadge } from '../tenancy/tenant-status-badge';
import { ROUTER_TABS } from './dashboard/tabs';
import { useNow, useRouterPermissions } from './hooks';
import { CoreBadge, RouterStatusCell, TlsBadge } from './router-badges';
import { RouterFormModal } from './router-form-modal';
import { TestConnectionModal } from './test-connection-modal';

/** One router: who it is and how it is doing, with the dashboard tabs (URL-synced). */
export function RouterDashboardPage({ routerId, tab }: { routerId: string; tab: string | undefined }) {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const { canManage } = useRouterPermissions();
  const now = useNow();
  const router = useRpc('routers.get', { routerId });
  const [dialog, setDialog] = useState<'test' | 'edit' | null>(null);
  useEvent('routers.status-changed', (p) => {
    if (p.routerId === routerId) router.reload();
  });

  const permissions = principal.kind === 'staff' ? principal.permissions : [];
  const tabs = ROUTER_TABS.filter((x) => !x.requires || permissions.includes(x.requires));
  const active = tabs.find((x) => x.id === tab) ?? tabs[0];
  // An unknown or missing tab shows the first one, and the address says so.
  useEffect(() => {
    if (scope && active && tab !== active.id) navigate(paths.router(scope, routerId, active.id), { replace: true });
  }, [scope, routerId, tab, active]);

  const back = scope ? (
    <Anchor href={href(paths.area(scope, 'routers'))} size="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} />{t('routers.dashboard.back')}</Group>
    </Anchor>
  ) : null;

  const r = router.data;
  if (!r) {
    return (
      <Stack gap="md">
        {back}
        {router.error ? <ErrorAlert error={router.error} onRetry={router.reload} /> : <Skeleton height={120} radius="md" />}
      </Stack>
    );
  }
  const facts = [
    r.identity && { label: t('routers.dashboard.identity'), value: r.identity },
    { label: t('routers.dashboard.address'), value: `${r.host}:${r.port}` },
    r.routerOsVersion && { label: t('routers.dashboard.version'), value: r.routerOsVersion },
    r.boardName && { label: t('routers.dashboard.board'), value: r.boardName },
    r.site && { label: t('routers.dashboard.site'), value: r.site },
  ].filter((f): f is { label: string; value: string } => !!f);

  return (
    <Stack gap="sm">
      {back}
      {/* A compact header: at 1024×700 the tab's table rows must start above the fold. */}
      <Paper px="md" py="sm" radius="md">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Group gap="md" wrap="wrap" align="center" style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={3}>{r.name}</Title>
              {r.isDemo && <DemoBadge size="sm" />}
              {r.isCore && <CoreBadge size="xs" />}
              {r.useTls && <TlsBadge size="xs" />}
            </Group>
            {facts.map((f) => (
              <Text key={f.label} size="sm" title={f.label}>
                <Text span size="xs" c="dimmed">{f.label} </Text>{f.value}
              </Text>
            ))}
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            <RouterStatusCell status={r.status} since={r.statusSince} now={now} />
            {canManage && (
              <>
                <Button variant="default" size="xs" leftSection={<IconPlugConnected size={14} />} onClick={() => setDialog('test')}>
                  {t('routers.testConnection')}
                </Button>
                <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setDialog('edit')}>{t('routers.edit')}</Button>
              </>
            )}
          </Group>
        </Group>
        {r.status === 'offline' && r.lastError && (
          <Text size="sm" c="red" mt={4}>{diagnosisText(r.lastError).message}</Text>
        )}
      </Paper>
      {r.isDemo && (
        // One slim line; the light orange Alert keeps its contrast in the dark theme.
        <Alert color="orange" variant="light" py={6} px="sm" icon={<IconFlask size={16} />} styles={{ icon: { marginTop: 2 } }}>
          <Text size="xs">{t('routers.dashboard.demoNote')}</Text>
        </Alert>
      )}

      {active && (
        <Tabs value={active.id} onChange={(v) => scope && v && navigate(paths.router(scope, routerId, v))} keepMounted={false}>
          {/* The tab bar scrolls sideways on a narrow window instead of wrapping onto a second line. */}
          <Tabs.List mb="sm" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}>
            {tabs.map((x) => <Tabs.Tab key={x.id} value={x.id} style={{ flexShrink: 0 }}>{t(x.labelKey)}</Tabs.Tab>)}
          </Tabs.List>
          <Tabs.Panel value={active.id}>
            {/* Going offline or coming back re-mounts the tab, so it re-reads (and shows the router's error) at once. */}
            <active.component key={r.status === 'offline' ? 'offline' : 'reachable'} router={r} />
          </Tabs.Panel>
        </Tabs>
      )}

      <TestConnectionModal opened={dialog === 'test'} onClose={() => setDialog(null)} router={r} onDone={router.reload} />
      <RouterFormModal opened={dialog === 'edit'} onClose={() => setDialog(null)} router={r} onSaved={router.reload} />
    </Stack>
  );
}
