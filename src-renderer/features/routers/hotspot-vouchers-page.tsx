import { Select, Skeleton, Stack } from '@mantine/core';
import { IconRouter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../app/use-rpc';
import { EmptyNotice } from '../../components/empty-notice';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { HotspotTab } from './dashboard/hotspot-tab';

/**
 * Hotspot vouchers for the roles that sell them. A cashier reads no routers, so the router is picked
 * from names only (core router first); the hotspot views are the router dashboard's own.
 */
export function HotspotVouchersPage() {
  const { t } = useTranslation();
  const routers = useRpc('routers.hotspot.routers', {});
  const [picked, setPicked] = useState<string | null>(null);
  const items = routers.data?.items ?? [];
  const routerId = picked && items.some((r) => r.id === picked) ? picked : items[0]?.id;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('routerTabs.hotspotArea.title')}
        description={t('routerTabs.hotspotArea.intro')}
        actions={items.length > 1 && (
          <Select
            aria-label={t('routerTabs.hotspotArea.router')}
            leftSection={<IconRouter size={16} />}
            data={items.map((r) => ({ value: r.id, label: r.name }))}
            value={routerId ?? null}
            onChange={setPicked}
            allowDeselect={false}
            w={240}
          />
        )}
      />
      {routers.error && <ErrorAlert error={routers.error} onRetry={routers.reload} />}
      {!routers.data && !routers.error && <Skeleton h={160} radius="md" />}
      {routers.data && !routerId && (
        <EmptyNotice icon={<IconRouter size={26} />} title={t('routerTabs.hotspotArea.noRouters')} description={t('routerTabs.hotspotArea.noRoutersBody')} />
      )}
      {routerId && <HotspotTab key={routerId} router={{ id: routerId }} />}
    </Stack>
  );
}
