import { ActionIcon, Button, Group, Menu, Select, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconDotsVertical, IconDownload, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconTrash, IconUpload,
} from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { TENANT_STATUSES, type TenantStatus } from '@shared/contract/tenancy';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { TenantCreateModal } from './tenant-create-modal';
import { TenantDeleteModal } from './tenant-delete-modal';
import { TenantEditModal } from './tenant-edit-modal';
import { TenantExportModal } from './tenant-export-modal';
import { TenantImportModal } from './tenant-import-modal';
import { TenantStatusModal } from './tenant-status-modal';
import { DemoBadge, TenantStatusBadge } from './tenant-status-badge';
import { useTimeFormat } from '../../app/time-format';

export type TenantRow = OutputOf<'tenants.list'>['items'][number];
type Dialog = { kind: 'create' } | { kind: 'import' } | { kind: 'edit' | 'status' | 'delete' | 'export'; tenant: TenantRow } | null;

/** Platform administration: every tenant profile on this installation. */
export function TenantsPage() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const query = useTableQuery<'name' | 'createdAt' | 'status', { status: TenantStatus | undefined }>({
    sort: { field: 'name', dir: 'asc' }, filters: { status: undefined },
  });
  const list = useRpc('tenants.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  useEvent('tenants.changed', list.reload);

  // Stable column definitions: TanStack renders cell functions as components, so a new function on
  // every render would remount the cells (and close an open row menu).
  const columns = useMemo<ColumnDef<TenantRow>[]>(() => [
    {
      id: 'name',
      header: t('tenants.col.name'),
      meta: { sortable: true, minWidth: 180 },
      cell: ({ row: { original: r } }) => (
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} size="sm">{r.name}</Text>
            {r.isDemo && <DemoBadge size="xs" />}
          </Group>
          <Text size="xs" c="dimmed">{r.slug}</Text>
        </Stack>
      ),
    },
    { id: 'status', header: t('tenants.col.status'), meta: { sortable: true, nowrap: true, minWidth: 120 }, cell: ({ row }) => <TenantStatusBadge status={row.original.status} /> },
    {
      id: 'owner',
      header: t('tenants.col.owner'),
      cell: ({ row: { original: r } }) => (
        <Stack gap={0}>
          <Text size="sm">{r.ownerName}</Text>
          <Text size="xs" c="dimmed">{r.ownerEmail} · {r.ownerPhone}</Text>
        </Stack>
      ),
    },
    {
      id: 'staff',
      header: t('tenants.col.staff'),
      meta: { nowrap: true },
      cell: ({ row: { original: r } }) => (
        <Tooltip label={t('tenants.staffTitle', { active: r.activeStaffCount, total: r.staffCount })}>
          <Text size="sm">{t('tenants.staffCell', { active: r.activeStaffCount, total: r.staffCount })}</Text>
        </Tooltip>
      ),
    },
    { id: 'routers', header: t('tenants.col.routers'), meta: { align: 'right' }, cell: ({ row }) => row.original.routerCount },
    { id: 'currency', header: t('tenants.col.currency'), cell: ({ row }) => row.original.currency },
    { id: 'timezone', header: t('tenants.col.timezone'), cell: ({ row }) => <Text size="sm">{row.original.timezone}</Text> },
    { id: 'createdAt', header: t('tenants.col.created'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => tf.date(row.original.createdAt) },
    {
      id: 'actions',
      header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      meta: { align: 'right', width: 56 },
      cell: ({ row: { original: r } }) => (
        <Menu position="bottom-end" width={210}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('tenants.actionsFor', { name: r.name })}>
              <IconDotsVertical size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog({ kind: 'edit', tenant: r })}>{t('tenants.edit')}</Menu.Item>
            {r.status === 'suspended' ? (
              <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={() => setDialog({ kind: 'status', tenant: r })}>{t('tenants.reactivate')}</Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={() => setDialog({ kind: 'status', tenant: r })}>{t('tenants.suspend')}</Menu.Item>
            )}
            <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => setDialog({ kind: 'export', tenant: r })}>{t('tenants.export')}</Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog({ kind: 'delete', tenant: r })}>{t('tenants.delete')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ], [t, tf]);

  return (
    <>
      <PageHeader
        title={t('tenants.title')}
        description={t('tenants.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setDialog({ kind: 'import' })}>{t('tenants.import')}</Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>{t('tenants.create')}</Button>
          </>
        }
      />
      <DataTable
        label={t('tenants.title')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(r) => r.id}
        query={query}
        searchPlaceholder={t('tenants.search')}
        filters={
          <Select
            aria-label={t('tenants.statusFilter')}
            placeholder={t('tenants.allStatuses')}
            data={TENANT_STATUSES.map((s) => ({ value: s, label: t(`tenantStatus.${s}`) }))}
            value={query.filters.status ?? null}
            onChange={(v) => query.setFilter('status', (v ?? undefined) as TenantStatus | undefined)}
            clearable
            w={180}
          />
        }
        empty={
          <EmptyNotice
            title={t('tenants.emptyTitle')}
            description={t('tenants.emptyBody')}
            action={<Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>{t('tenants.create')}</Button>}
          />
        }
      />
      <TenantCreateModal opened={dialog?.kind === 'create'} onClose={close} onDone={list.reload} />
      <TenantImportModal opened={dialog?.kind === 'import'} onClose={close} onDone={list.reload} />
      {dialog && 'tenant' in dialog && (
        <>
          <TenantEditModal opened={dialog.kind === 'edit'} tenant={dialog.tenant} onClose={close} onDone={list.reload} />
          <TenantStatusModal opened={dialog.kind === 'status'} tenant={dialog.tenant} onClose={close} onDone={list.reload} />
          <TenantDeleteModal opened={dialog.kind === 'delete'} tenant={dialog.tenant} onClose={close} onDone={list.reload} />
          <TenantExportModal opened={dialog.kind === 'export'} tenant={dialog.tenant} onClose={close} />
        </>
      )}
    </>
  );
}
