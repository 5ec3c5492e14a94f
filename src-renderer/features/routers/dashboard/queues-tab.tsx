import { ActionIcon, Badge, Button, Group, Menu, SegmentedControl, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDotsVertical, IconGauge, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { queueRow } from '@shared/contract/routers';
import { useCall } from '../../../app/scope-context';
import { useRpc } from '../../../app/use-rpc';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { QueueFormModal } from './queue-form-modal';
import { FULL_BADGE, TabHeader, useRouterAccess } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { formatRatePair, isRateSet } from './values';

export type Queue = z.infer<typeof queueRow>;
type Dialog = { kind: 'add' } | { kind: 'edit' | 'remove'; queue: Queue } | null;

/**
 * Simple queues (per-customer speed limits). Dynamic queues belong to PPP and hotspot sessions: the
 * router creates and removes them, so they are shown read-only.
 */
export function QueuesTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { canOperate } = useRouterAccess();
  // Static queues first: a busy router has hundreds of dynamic ones (one per PPP/hotspot session).
  const query = useTableQuery<'name' | 'target' | 'maxLimit', { dynamic: boolean | undefined }>({
    sort: { field: 'name', dir: 'asc' }, filters: { dynamic: false },
  });
  const list = useRpc('routers.queues.list', { routerId: router.id, ...query.input });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const unlimited = t('routerTabs.common.unlimited');

  const columns = useMemo(() => {
    const cols: ColumnDef<Queue>[] = [
      {
        id: 'name',
        header: t('routerTabs.queues.col.name'),
        meta: { sortable: true },
        cell: ({ row: { original: q } }) => (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
              <Text size="sm" fw={600}>{q.name}</Text>
              {q.dynamic && (
                <Tooltip label={t('routerTabs.queues.dynamicHint')} multiline w={260}>
                  <Badge styles={FULL_BADGE} size="xs" variant="light" color="violet">{t('routerTabs.common.dynamic')}</Badge>
                </Tooltip>
              )}
              {q.disabled && <Badge styles={FULL_BADGE} size="xs" variant="light" color="gray">{t('routerTabs.common.disabled')}</Badge>}
            </Group>
            {q.comment && <Text size="xs" c="dimmed">{q.comment}</Text>}
          </Stack>
        ),
      },
      { id: 'target', header: t('routerTabs.queues.col.target'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.target}</Text> },
      {
        id: 'maxLimit',
        header: t('routerTabs.queues.col.maxLimit'),
        meta: { sortable: true, nowrap: true },
        cell: ({ row }) => <Text size="sm" fw={500}>{formatRatePair(row.original.maxLimit, unlimited)}</Text>,
      },
      {
        id: 'burst',
        header: t('routerTabs.queues.col.burst'),
        meta: { nowrap: true },
        cell: ({ row }) => isRateSet(row.original.burstLimit)
          ? <Text size="sm">{formatRatePair(row.original.burstLimit, unlimited)}</Text>
          : <Text size="sm" c="dimmed">—</Text>,
      },
      { id: 'priority', header: t('routerTabs.queues.col.priority'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.priority}</Text> },
      {
        id: 'rate',
        header: t('routerTabs.queues.col.rate'),
        meta: { nowrap: true },
        cell: ({ row }) => isRateSet(row.original.rate)
          ? <Text size="sm">{formatRatePair(row.original.rate, '0 bps')}</Text>
          : <Text size="sm" c="dimmed">{t('routerTabs.queues.idle')}</Text>,
      },
    ];
    if (canOperate) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: q } }) => q.dynamic ? null : (
          <Menu position="bottom-end" width={200}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('routerTabs.queues.actionsFor', { name: q.name })}>
                <IconDotsVertical size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog({ kind: 'edit', queue: q })}>{t('routerTabs.queues.edit')}</Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog({ kind: 'remove', queue: q })}>{t('routerTabs.queues.remove')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
      });
    }
    return cols;
  }, [t, canOperate, unlimited]);

  const addButton = canOperate && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>{t('routerTabs.queues.add')}</Button>
  );

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.queues.intro')} actions={addButton} />
      <DataTable
        label={t('routerTabs.queues.table')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(q) => q.id}
        query={query}
        searchPlaceholder={t('routerTabs.queues.search')}
        filters={
          <SegmentedControl
            aria-label={t('routerTabs.queues.kind')}
            value={query.filters.dynamic === undefined ? 'all' : query.filters.dynamic ? 'dynamic' : 'static'}
            onChange={(v) => query.setFilter('dynamic', v === 'all' ? undefined : v === 'dynamic')}
            data={[
              { value: 'static', label: t('routerTabs.queues.kindStatic') },
              { value: 'dynamic', label: t('routerTabs.queues.kindDynamic') },
              { value: 'all', label: t('routerTabs.queues.kindAll') },
            ]}
          />
        }
        empty={<EmptyNotice icon={<IconGauge size={26} />} title={t('routerTabs.queues.empty')} description={t('routerTabs.queues.emptyBody')} action={addButton || undefined} />}
      />
      {dialog?.kind === 'add' && <QueueFormModal routerId={router.id} onClose={close} onDone={list.reload} />}
      {dialog?.kind === 'edit' && <QueueFormModal routerId={router.id} queue={dialog.queue} onClose={close} onDone={list.reload} />}
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened
          onClose={close}
          title={t('routerTabs.queues.removeTitle', { name: dialog.queue.name })}
          confirmLabel={t('routerTabs.queues.remove')}
          color="red"
          onConfirm={async () => {
            await callIn('routers.queues.remove', { routerId: router.id, queueId: dialog.queue.id });
            notifications.show({ color: 'green', message: t('routerTabs.queues.removed', { name: dialog.queue.name }) });
            list.reload();
          }}
        >
          <Text size="sm">{t('routerTabs.queues.removeBody', { name: dialog.queue.name, target: dialog.queue.target })}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
