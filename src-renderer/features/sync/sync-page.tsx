import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { EmptyNotice } from '../../components/empty-notice';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { DriftList } from './drift-list';
import { EnforcementSettingsCard } from './enforcement-settings-card';
import { RouterSyncCard } from './router-sync-card';

/** Sync state of every router, and the drift of the one chosen. */
export function SyncPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canOperate = principal.kind === 'staff' && principal.permissions.includes('routers.operate');
  const canManage = principal.kind === 'staff' && principal.permissions.includes('routers.manage');
  const canAdopt = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const status = useRpc('sync.status', {});
  const [routerId, setRouterId] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const routers = status.data?.routers ?? [];
  const chosen = routers.find((r) => r.routerId === routerId);
  const changed = () => { status.reload(); setNonce((n) => n + 1); };

  return (
    <Stack gap="lg">
      <PageHeader title={t('sync.title')} description={t('sync.intro')} />
      <ErrorAlert error={status.error} onRetry={status.reload} />
      {!status.data && status.loading && <Skeleton height={160} />}
      {status.data && routers.length === 0 && <EmptyNotice title={t('sync.emptyTitle')} description={t('sync.emptyBody')} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {routers.map((r) => (
          <RouterSyncCard key={r.routerId} state={r} canOperate={canOperate} canManage={canManage} canAdopt={canAdopt} selected={r.routerId === routerId} onShowDrift={() => { setRouterId(r.routerId); setNonce((n) => n + 1); }} onChanged={changed} />
        ))}
      </SimpleGrid>
      {chosen && <DriftList key={`${chosen.routerId}-${nonce}`} routerId={chosen.routerId} routerName={chosen.routerName} canOperate={canOperate} onChanged={status.reload} />}
      {status.data && routers.length > 0 && <EnforcementSettingsCard canManage={canManage} />}
    </Stack>
  );
}
