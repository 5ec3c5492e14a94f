import { ActionIcon, Badge, Menu, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlugConnectedX, IconUsers } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { rosDurationSeconds } from '@shared/domain/routeros-values';
import { humanDuration } from '../../../app/time-format';
import { useCall } from '../../../app/scope-context';
import { useRpc } from '../../../app/use-rpc';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { useRouterPermissions } from '../hooks';

type Session = OutputOf<'routers.ppp.active'>['items'][number];

/** Active PPP sessions; technicians and admins can kick one (the subscriber's CPE usually redials). */
export function PppActiveSessions({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { canOperate } = useRouterPermissions();
  const query = useTableQuery<'name' | 'address' | 'uptime'>({ sort: { field: 'name', dir: 'asc' } });
  const list = useRpc('routers.ppp.active', { routerId, ...query.input });
  // The session stays set while the dialog closes, so its text does not blank out mid-animation.
  const [kick, setKick] = useState<Session | null>(null);
  const [confirming, setConfirming] = useState(false);

  const columns = useMemo(() => {
    const cols: ColumnDef<Session>[] = [
      { id: 'name', header: t('routers.ppp.col.name'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{row.original.name}</Text> },
      { id: 'service', header: t('routers.ppp.col.service'), cell: ({ row }) => <Text size="sm">{row.original.service}</Text> },
      { id: 'callerId', header: t('routers.ppp.col.callerId'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.callerId || '—'}</Text> },
      {
        id: 'profile',
        header: t('routers.ppp.col.plan'),
        meta: { nowrap: true },
        cell: ({ row: { original: s } }) => (s.profile ? <Badge variant="light" size="sm">{s.profile}</Badge> : <Text size="sm" c="dimmed">{t('routers.ppp.noPlan')}</Text>),
      },
      { id: 'rate', header: t('routers.ppp.col.rate'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.rateLimit || '—'}</Text> },
      { id: 'address', header: t('routers.ppp.col.address'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.address || '—'}</Text> },
      { id: 'uptime', header: t('routers.ppp.col.uptime'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" title={row.original.uptime}>{humanDuration(rosDurationSeconds(row.original.uptime))}</Text> },
    ];
    if (canOperate) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: s } }) => (
          // One quiet menu per row instead of a red button on every line.
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('routers.ppp.actionsFor', { name: s.name })}><IconDots size={16} /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                color="red"
                leftSection={<IconPlugConnectedX size={14} />}
                onClick={() => {
                  setKick(s);
                  setConfirming(true);
                }}
              >
                {t('routers.ppp.kick')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
      });
    }
    return cols;
  }, [t, canOperate]);

  return (
    <>
      <DataTable
        label={t('routers.ppp.activeTitle')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(s) => s.id}
        query={query}
        searchPlaceholder={t('routers.ppp.activeSearch')}
        empty={<EmptyNotice icon={<IconUsers size={26} />} title={t('routers.ppp.activeEmptyTitle')} description={t('routers.ppp.activeEmptyBody')} />}
      />
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('routers.ppp.kickTitle', { name: kick?.name ?? '' })}
        confirmLabel={t('routers.ppp.kickConfirm')}
        color="red"
        onConfirm={async () => {
          if (!kick) return;
          await callIn('routers.ppp.kick', { routerId, sessionId: kick.id });
          notifications.show({ color: 'green', title: t('routers.ppp.kickedTitle'), message: t('routers.ppp.kickedBody', { name: kick.name }) });
          list.reload();
        }}
      >
        <Text size="sm">{t('routers.ppp.kickBody', { name: kick?.name ?? '', address: kick?.address || '—' })}</Text>
      </ConfirmModal>
    </>
  );
}
