import { Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout, IconWifiOff } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { hotspotActive } from '@shared/contract/routers';
import { useCall } from '../../../app/scope-context';
import { humanRosDuration } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { RowMenu } from './row-menu';
import { TabHeader, useRouterAccess } from './tab-kit';
import type { HotspotRouterProps } from './tabs';
import { formatByteSize } from '../units';

type Session = z.infer<typeof hotspotActive>;

/** Active hotspot sessions; people who may operate the router can log one out. */
export function HotspotActive({ router }: HotspotRouterProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { canOperate } = useRouterAccess();
  const query = useTableQuery<'user' | 'address' | 'uptime'>({ sort: { field: 'user', dir: 'asc' } });
  const list = useRpc('routers.hotspot.active', { routerId: router.id, ...query.input });
  const [kick, setKick] = useState<Session | null>(null);

  const columns = useMemo(() => {
    const cols: ColumnDef<Session>[] = [
      { id: 'user', header: t('routerTabs.hotspot.col.user'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{row.original.user}</Text> },
      { id: 'address', header: t('routerTabs.hotspot.col.address'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.address}</Text> },
      { id: 'mac', header: t('routerTabs.hotspot.col.mac'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace" c="dimmed">{row.original.macAddress}</Text> },
      { id: 'server', header: t('routerTabs.hotspot.col.server'), cell: ({ row }) => <Text size="sm">{row.original.server}</Text> },
      { id: 'uptime', header: t('routerTabs.hotspot.col.uptime'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" title={row.original.uptime}>{humanRosDuration(row.original.uptime)}</Text> },
      { id: 'download', header: t('routerTabs.hotspot.col.download'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm">{formatByteSize(row.original.bytesOut)}</Text> },
      { id: 'upload', header: t('routerTabs.hotspot.col.upload'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm">{formatByteSize(row.original.bytesIn)}</Text> },
    ];
    if (canOperate) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: s } }) => (
          <RowMenu label={t('routerTabs.hotspot.actionsFor', { user: s.user })}>
            <Menu.Item color="red" leftSection={<IconLogout size={14} />} onClick={() => setKick(s)}>{t('routerTabs.hotspot.kick')}</Menu.Item>
          </RowMenu>
        ),
      });
    }
    return cols;
  }, [t, canOperate]);

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.hotspot.activeIntro')} />
      <DataTable
        label={t('routerTabs.hotspot.activeTable')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(s) => s.id}
        query={query}
        searchPlaceholder={t('routerTabs.hotspot.searchActive')}
        empty={<EmptyNotice icon={<IconWifiOff size={26} />} title={t('routerTabs.hotspot.noActive')} description={t('routerTabs.hotspot.noActiveBody')} />}
      />
      {kick && (
        <ConfirmModal
          opened
          onClose={() => setKick(null)}
          title={t('routerTabs.hotspot.kickTitle', { user: kick.user })}
          confirmLabel={t('routerTabs.hotspot.kick')}
          color="red"
          onConfirm={async () => {
            await callIn('routers.hotspot.kick', { routerId: router.id, sessionId: kick.id });
            notifications.show({ color: 'green', message: t('routerTabs.hotspot.kicked', { user: kick.user }) });
            list.reload();
          }}
        >
          <Text size="sm">{t('routerTabs.hotspot.kickBody', { user: kick.user, address: kick.address })}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
