import { Badge, Stack, Text } from '@mantine/core';
import { IconDeviceDesktopOff } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { leaseRow } from '@shared/contract/routers';
import { humanRosDuration } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { FULL_BADGE, TabHeader } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { StateDot } from '../router-badges';
import { leaseStatusColor } from './values';

type Lease = z.infer<typeof leaseRow>;

/** DHCP leases: which device holds which address. */
export function DhcpTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const query = useTableQuery<'address' | 'hostName' | 'status'>({ sort: { field: 'address', dir: 'asc' } });
  const list = useRpc('routers.dhcp.leases', { routerId: router.id, ...query.input });

  const columns = useMemo<ColumnDef<Lease>[]>(() => [
    { id: 'address', header: t('routerTabs.dhcp.col.address'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace" fw={500}>{row.original.address}</Text> },
    { id: 'mac', header: t('routerTabs.dhcp.col.mac'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace" c="dimmed">{row.original.macAddress}</Text> },
    { id: 'hostName', header: t('routerTabs.dhcp.col.hostName'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm">{row.original.hostName || '—'}</Text> },
    {
      id: 'status',
      header: t('routerTabs.dhcp.col.status'),
      meta: { sortable: true, nowrap: true },
      cell: ({ row: { original: l } }) => l.disabled
        ? <StateDot color="gray" label={t('routerTabs.common.disabled')} weight={400} />
        : <StateDot color={leaseStatusColor(l.status)} label={l.status || t('routerTabs.dhcp.unknownStatus')} weight={400} />,
    },
    { id: 'server', header: t('routerTabs.dhcp.col.server'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.server}</Text> },
    {
      id: 'type',
      header: t('routerTabs.dhcp.col.type'),
      meta: { nowrap: true },
      cell: ({ row }) => row.original.dynamic
        ? <Badge styles={FULL_BADGE} size="sm" variant="outline" color="violet">{t('routerTabs.common.dynamic')}</Badge>
        : <Badge styles={FULL_BADGE} size="sm" variant="outline" color="gray">{t('routerTabs.common.static')}</Badge>,
    },
    { id: 'expires', header: t('routerTabs.dhcp.col.expiresAfter'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" c={row.original.expiresAfter ? undefined : 'dimmed'}>{row.original.expiresAfter ? humanRosDuration(row.original.expiresAfter) : t('routerTabs.dhcp.never')}</Text> },
    { id: 'comment', header: t('routerTabs.dhcp.col.comment'), cell: ({ row }) => <Text size="sm" c="dimmed">{row.original.comment}</Text> },
  ], [t]);

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.dhcp.intro')} />
      <DataTable
        label={t('routerTabs.dhcp.table')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(l) => l.id}
        query={query}
        searchPlaceholder={t('routerTabs.dhcp.search')}
        empty={<EmptyNotice icon={<IconDeviceDesktopOff size={26} />} title={t('routerTabs.dhcp.empty')} description={t('routerTabs.dhcp.emptyBody')} />}
      />
    </Stack>
  );
}
