import { Badge, Select, Stack, Text } from '@mantine/core';
import { IconTicketOff } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { hotspotUser } from '@shared/contract/routers';
import { humanRosDuration } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { FULL_BADGE, TabHeader } from './tab-kit';
import type { HotspotRouterProps } from './tabs';
import { StateDot } from '../router-badges';
import { formatByteSize } from '../units';
import { isUnusedVoucher } from './values';
import { AdoptHotspotButton } from '../../hotspot/adopt-hotspot-button';

type HotspotUser = z.infer<typeof hotspotUser>;

/** Hotspot users (vouchers): limits, how much was used, and which were never used. */
export function HotspotUsers({ router }: HotspotRouterProps) {
  const { t } = useTranslation();
  const query = useTableQuery<'name' | 'profile' | 'uptime', { profile: string | undefined }>({
    sort: { field: 'name', dir: 'asc' }, filters: { profile: undefined },
  });
  const list = useRpc('routers.hotspot.users', { routerId: router.id, ...query.input });
  const profiles = useRpc('routers.hotspot.profiles', { routerId: router.id });
  const profileOptions = useMemo(() => (profiles.data?.items ?? []).map((p) => p.name), [profiles.data]);

  const columns = useMemo<ColumnDef<HotspotUser>[]>(() => [
    {
      id: 'name',
      header: t('routerTabs.hotspot.col.name'),
      meta: { sortable: true },
      cell: ({ row: { original: u } }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} ff="monospace">{u.name}</Text>
          {u.comment && <Text size="xs" c="dimmed">{u.comment}</Text>}
        </Stack>
      ),
    },
    { id: 'profile', header: t('routerTabs.hotspot.col.profile'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.profile}</Text> },
    { id: 'limitUptime', header: t('routerTabs.hotspot.col.limitUptime'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.limitUptime ? humanRosDuration(row.original.limitUptime) : t('routerTabs.common.none')}</Text> },
    {
      id: 'uptime',
      header: t('routerTabs.hotspot.col.used'),
      meta: { sortable: true, nowrap: true },
      cell: ({ row: { original: u } }) =>
        isUnusedVoucher(u.uptime)
          ? <Badge styles={FULL_BADGE} variant="light" color="blue" size="sm">{t('routerTabs.hotspot.unused')}</Badge>
          : <Text size="sm" title={u.uptime}>{humanRosDuration(u.uptime)}</Text>,
    },
    { id: 'download', header: t('routerTabs.hotspot.col.download'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm">{formatByteSize(row.original.bytesOut)}</Text> },
    { id: 'upload', header: t('routerTabs.hotspot.col.upload'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm">{formatByteSize(row.original.bytesIn)}</Text> },
    {
      id: 'status',
      header: t('routerTabs.common.status'),
      meta: { nowrap: true },
      cell: ({ row }) => row.original.disabled
        ? <StateDot color="gray" label={t('routerTabs.common.disabled')} weight={400} />
        : <StateDot color="green" label={t('routerTabs.common.enabled')} weight={400} />,
    },
  ], [t]);

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.hotspot.usersIntro')} actions={<AdoptHotspotButton routerId={router.id} onDone={list.reload} />} />
      <DataTable
        label={t('routerTabs.hotspot.usersTable')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(u) => u.id}
        query={query}
        searchPlaceholder={t('routerTabs.hotspot.searchUsers')}
        filters={
          <Select
            aria-label={t('routerTabs.hotspot.profileFilter')}
            placeholder={t('routerTabs.hotspot.allProfiles')}
            data={profileOptions}
            value={query.filters.profile ?? null}
            onChange={(v) => query.setFilter('profile', v ?? undefined)}
            clearable
            searchable
            w={200}
          />
        }
        empty={<EmptyNotice icon={<IconTicketOff size={26} />} title={t('routerTabs.hotspot.noUsers')} description={t('routerTabs.hotspot.noUsersBody')} />}
      />
    </Stack>
  );
}
