import { Autocomplete, Badge, Button, Group, Menu, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconListDetails, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { addressListRow } from '@shared/contract/routers';
import { useCall } from '../../../app/scope-context';
import { humanRosDuration, useTimeFormat } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { AddressListAddModal } from './address-list-add-modal';
import { RowMenu } from './row-menu';
import { FULL_BADGE, TabHeader, useRouterAccess } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { distinctSorted } from './values';

type Entry = z.infer<typeof addressListRow>;
type Dialog = { kind: 'add' } | { kind: 'remove'; entry: Entry } | null;

/** Firewall address-list entries, filtered by list; entries can be added (optionally expiring) and removed. */
export function AddressLists({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const { canOperate } = useRouterAccess();
  const query = useTableQuery<'list' | 'address' | 'creationTime', { list: string | undefined }>({
    sort: { field: 'list', dir: 'asc' }, filters: { list: undefined },
  });
  const list = useRpc('routers.address-lists.list', { routerId: router.id, ...query.input });
  // Every entry once, only for the names of the lists (the table itself is paged).
  const all = useRpc('routers.address-lists.list', { routerId: router.id, page: 1, pageSize: 500, sort: { field: 'list', dir: 'asc' } });
  const [listFilter, setListFilter] = useState('');
  const [debouncedList] = useDebouncedValue(listFilter.trim(), 300);
  const { setFilter } = query;
  useEffect(() => setFilter('list', debouncedList || undefined), [debouncedList, setFilter]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const listNames = useMemo(
    () => distinctSorted([...(all.data?.items ?? []), ...(list.data?.items ?? [])].map((e) => e.list)),
    [all.data, list.data],
  );
  const reloadBoth = () => {
    list.reload();
    all.reload();
  };

  const columns = useMemo(() => {
    const cols: ColumnDef<Entry>[] = [
      { id: 'list', header: t('routerTabs.addressLists.col.list'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Badge styles={FULL_BADGE} variant="light" color="gray" tt="none" size="md">{row.original.list}</Badge> },
      {
        id: 'address',
        header: t('routerTabs.addressLists.col.address'),
        meta: { sortable: true, nowrap: true },
        cell: ({ row: { original: e } }) => (
          <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
            <Text size="sm" ff="monospace" fw={500} td={e.disabled ? 'line-through' : undefined}>{e.address}</Text>
            {e.dynamic && (
              <Tooltip label={t('routerTabs.addressLists.dynamicHint')} multiline w={260}>
                <Badge styles={FULL_BADGE} size="xs" variant="light" color="violet">{t('routerTabs.common.dynamic')}</Badge>
              </Tooltip>
            )}
            {e.disabled && <Badge styles={FULL_BADGE} size="xs" variant="light" color="gray">{t('routerTabs.common.disabled')}</Badge>}
          </Group>
        ),
      },
      {
        id: 'timeout',
        header: t('routerTabs.addressLists.col.timeout'),
        meta: { nowrap: true },
        cell: ({ row }) => row.original.timeout
          ? <Text size="sm">{t('routerTabs.addressLists.expiresIn', { timeout: humanRosDuration(row.original.timeout) })}</Text>
          : <Text size="sm" c="dimmed">{t('routerTabs.addressLists.permanent')}</Text>,
      },
      { id: 'comment', header: t('routerTabs.addressLists.col.comment'), cell: ({ row }) => <Text size="sm" c="dimmed">{row.original.comment}</Text> },
      { id: 'creationTime', header: t('routerTabs.addressLists.col.created'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm" c="dimmed" title={row.original.creationTime}>{row.original.creationTime ? tf.routerClock(row.original.creationTime) : '—'}</Text> },
    ];
    if (canOperate) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: e } }) => (
          <RowMenu label={t('routerTabs.addressLists.actionsFor', { address: e.address, list: e.list })}>
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog({ kind: 'remove', entry: e })}>{t('routerTabs.addressLists.remove')}</Menu.Item>
          </RowMenu>
        ),
      });
    }
    return cols;
  }, [t, tf, canOperate]);

  const addButton = canOperate && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>{t('routerTabs.addressLists.add')}</Button>
  );

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.addressLists.intro')} actions={addButton} />
      <DataTable
        label={t('routerTabs.addressLists.table')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(e) => e.id}
        query={query}
        searchPlaceholder={t('routerTabs.addressLists.search')}
        filters={
          <Autocomplete
            aria-label={t('routerTabs.addressLists.listFilter')}
            placeholder={t('routerTabs.addressLists.allLists')}
            data={listNames}
            value={listFilter}
            onChange={setListFilter}
            clearable
            w={220}
          />
        }
        empty={<EmptyNotice icon={<IconListDetails size={26} />} title={t('routerTabs.addressLists.empty')} description={t('routerTabs.addressLists.emptyBody')} action={addButton || undefined} />}
      />
      {dialog?.kind === 'add' && (
        <AddressListAddModal routerId={router.id} lists={listNames} initialList={debouncedList} onClose={close} onDone={reloadBoth} />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened
          onClose={close}
          title={t('routerTabs.addressLists.removeTitle', { address: dialog.entry.address, list: dialog.entry.list })}
          confirmLabel={t('routerTabs.addressLists.remove')}
          color="red"
          onConfirm={async () => {
            await callIn('routers.address-lists.remove', { routerId: router.id, entryId: dialog.entry.id });
            notifications.show({ color: 'green', message: t('routerTabs.addressLists.removed', { address: dialog.entry.address, list: dialog.entry.list }) });
            reloadBoth();
          }}
        >
          <Text size="sm">{t('routerTabs.addressLists.removeBody', { address: dialog.entry.address, list: dialog.entry.list })}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
