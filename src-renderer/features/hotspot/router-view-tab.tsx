import { Select, Skeleton, Stack } from '@mantine/core';
import { IconRouter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../app/use-rpc';
import { EmptyNotice } from '../../components/empty-notice';
import { ErrorAlert } from '../../components/error-alert';
import { HotspotTab } from '../routers/dashboard/hotspot-tab';

/**
 * What a router holds right now (active sessions, hotspot users, profiles): the router dashboard's
 * hotspot views, for roles that read no routers; the router is picked from names only.
 */
export function RouterViewTab() {
  const { t } = useTranslation();
  const routers = useRpc('routers.hotspot.routers', {});
  const [picked, setPicked] = useState<string | null>(null);
  const items = routers.data?.items ?? [];
  const routerId = picked && items.some((r) => r.id === picked) ? picked : items[0]?.id;
  return (
    <Stack gap="md">
      {items.length > 1 && (
        <Select aria-label={t('routerTabs.hotspotArea.router')} leftSection={<IconRouter size={16} />} w={240} allowDeselect={false}
          data={items.map((r) => ({ value: r.id, label: r.name }))} value={routerId ?? null} onChange={setPicked} />
      )}
      {routers.error && <ErrorAlert error={routers.error} onRetry={routers.reload} />}
      {!routers.data && !routers.error && <Skeleton h={160} radius="md" />}
      {routers.data && !routerId && (
        <EmptyNotice icon={<IconRouter size={26} />} title={t('routerTabs.hotspotArea.noRouters')} description={t('routerTabs.hotspotArea.noRoutersBody')} />
      )}
      {routerId && <HotspotTab key={routerId} router={{ id: routerId }} />}
    </Stack>
  );
}
