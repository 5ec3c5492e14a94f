import { ActionIcon, Anchor, Checkbox, Menu, Text } from '@mantine/core';
import { IconBan, IconClockPlus, IconDotsVertical, IconExternalLink, IconPencil, IconPlugConnected, IconPlayerPause, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import { href } from '../../app/router';
import type { TimeFormat } from '../../app/time-format';
import { SubscriberStatusDot, SyncStateDot } from './subscriber-badges';

export type RowAction = 'edit' | 'extend' | 'suspend' | 'disable' | 'reconnect' | 'delete';

interface ColumnOptions {
  t: TFunction;
  tf: TimeFormat;
  detailPath: (id: string) => string;
  canManage: boolean;
  selected: ReadonlySet<string>;
  pageIds: string[];
  onSelect: (ids: string[], on: boolean) => void;
  onAction: (action: RowAction, s: SubscriberSummary) => void;
}

/** Columns of the subscribers table; with `canManage` a selection column and a row menu. */
export function subscriberColumns(o: ColumnOptions): ColumnDef<SubscriberSummary>[] {
  const { t, tf } = o;
  const allOnPage = o.pageIds.length > 0 && o.pageIds.every((id) => o.selected.has(id));
  const someOnPage = o.pageIds.some((id) => o.selected.has(id));
  const cols: ColumnDef<SubscriberSummary>[] = [
    {
      id: 'accountNumber',
      header: t('subscribers.col.account'),
      meta: { sortable: true, nowrap: true },
      cell: ({ row }) => <Anchor href={href(o.detailPath(row.original.id))} size="sm" ff="monospace">{row.original.accountNumber}</Anchor>,
    },
    { id: 'fullName', header: t('subscribers.col.name'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{row.original.fullName}</Text> },
    { id: 'phone', header: t('subscribers.col.phone'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.phones[0] ?? ''}</Text> },
    { id: 'package', header: t('subscribers.col.package'), cell: ({ row }) => <Text size="sm">{row.original.packageName}</Text> },
    { id: 'router', header: t('subscribers.col.router'), cell: ({ row }) => <Text size="sm">{row.original.routerName}</Text> },
    { id: 'expiresAt', header: t('subscribers.col.expiry'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.expiresAt)}</Text> },
    { id: 'status', header: t('subscribers.col.status'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <SubscriberStatusDot status={row.original.status} /> },
    { id: 'sync', header: t('subscribers.col.sync'), meta: { nowrap: true }, cell: ({ row }) => <SyncStateDot state={row.original.syncState} error={row.original.syncError} /> },
  ];
  if (!o.canManage) return cols;
  cols.unshift({
    id: 'select',
    header: () => (
      <Checkbox aria-label={t('subscribers.col.selectPage')} checked={allOnPage} indeterminate={someOnPage && !allOnPage} onChange={() => o.onSelect(o.pageIds, !allOnPage)} />
    ),
    meta: { width: 40 },
    cell: ({ row: { original: s } }) => (
      <Checkbox aria-label={t('subscribers.col.select', { name: s.fullName })} checked={o.selected.has(s.id)} onChange={(e) => o.onSelect([s.id], e.currentTarget.checked)} />
    ),
  });
  cols.push({
    id: 'actions',
    header: () => null,
    meta: { align: 'right', width: 56 },
    cell: ({ row: { original: s } }) => (
      <Menu position="bottom-end" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('subscribers.actionsFor', { name: s.fullName })}><IconDotsVertical size={18} /></ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={href(o.detailPath(s.id))} leftSection={<IconExternalLink size={16} />}>{t('subscribers.open')}</Menu.Item>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => o.onAction('edit', s)}>{t('subscribers.edit')}</Menu.Item>
          <Menu.Item leftSection={<IconClockPlus size={16} />} onClick={() => o.onAction('extend', s)}>{t('subscribers.extend')}</Menu.Item>
          {s.status === 'suspended' || s.status === 'disabled'
            ? <Menu.Item leftSection={<IconPlugConnected size={16} />} onClick={() => o.onAction('reconnect', s)}>{t('subscribers.reconnect')}</Menu.Item>
            : <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={() => o.onAction('suspend', s)}>{t('subscribers.suspend')}</Menu.Item>}
          {s.status !== 'disabled' && <Menu.Item leftSection={<IconBan size={16} />} onClick={() => o.onAction('disable', s)}>{t('subscribers.disable')}</Menu.Item>}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => o.onAction('delete', s)}>{t('subscribers.delete')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ),
  });
  return cols;
}
