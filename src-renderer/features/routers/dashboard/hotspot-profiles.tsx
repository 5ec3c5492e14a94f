import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { hotspotProfile } from '@shared/contract/routers';
import { humanRosDuration } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { EmptyNotice } from '../../../components/empty-notice';
import { SimpleTable, TabHeader, type SimpleColumn } from './tab-kit';
import type { HotspotRouterProps } from './tabs';
import { formatRatePair } from './values';

type Profile = z.infer<typeof hotspotProfile>;

/** Hotspot user profiles: the speed and sharing rules vouchers are sold with. */
export function HotspotProfiles({ router }: HotspotRouterProps) {
  const { t } = useTranslation();
  const list = useRpc('routers.hotspot.profiles', { routerId: router.id });
  const columns = useMemo<SimpleColumn<Profile>[]>(() => [
    { id: 'name', header: t('routerTabs.hotspot.col.name'), cell: (p) => <Text size="sm" fw={600}>{p.name}</Text> },
    {
      id: 'rate',
      header: t('routerTabs.hotspot.col.rateLimit'),
      nowrap: true,
      cell: (p) => (
        <Stack gap={0}>
          <Text size="sm">{p.rateLimit ? formatRatePair(p.rateLimit.split(' ')[0] ?? '', t('routerTabs.common.unlimited')) : t('routerTabs.common.unlimited')}</Text>
          {p.rateLimit && <Text size="xs" c="dimmed" ff="monospace">{p.rateLimit}</Text>}
        </Stack>
      ),
    },
    { id: 'shared', header: t('routerTabs.hotspot.col.sharedUsers'), cell: (p) => <Text size="sm">{p.sharedUsers || '1'}</Text> },
    { id: 'timeout', header: t('routerTabs.hotspot.col.sessionTimeout'), cell: (p) => <Text size="sm">{p.sessionTimeout ? humanRosDuration(p.sessionTimeout) : t('routerTabs.common.none')}</Text> },
  ], [t]);

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.hotspot.profilesIntro')} />
      <SimpleTable
        label={t('routerTabs.hotspot.profilesTable')}
        columns={columns}
        rows={list.data?.items}
        getRowId={(p) => p.id}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={<EmptyNotice title={t('routerTabs.hotspot.noProfiles')} />}
      />
    </Stack>
  );
}
