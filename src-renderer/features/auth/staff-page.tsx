import { ActionIcon, Badge, Button, Group, Menu, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDotsVertical, IconKey, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract/auth';
import { ROLES, type Role } from '@shared/domain/permissions';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { RoleBadges } from './role-badges';
import { roleName } from './role-text';
import { RolesLegend } from './roles-legend';
import { StaffCreateModal } from './staff-create-modal';
import { StaffEditModal } from './staff-edit-modal';
import { StaffResetPasswordModal } from './staff-reset-password-modal';
import { useTimeFormat } from '../../app/time-format';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'active'; member: StaffMember } | null;
type ActiveFilter = 'active' | 'inactive' | undefined;

/** Staff accounts of the tenant and their roles. */
export function StaffPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const callIn = useCall();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('staff.manage');
  const tf = useTimeFormat();
  const query = useTableQuery<'fullName' | 'email' | 'lastSignInAt' | 'createdAt', { role: Role | undefined; active: ActiveFilter }>({
    sort: { field: 'fullName', dir: 'asc' }, filters: { role: undefined, active: undefined },
  });
  const { active, ...rest } = query.input;
  const list = useRpc('staff.list', { ...rest, ...(active ? { isActive: active === 'active' } : {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  // Memoised: TanStack renders cell functions as components, so new ones would remount the cells.
  const columns = useMemo(() => {
    const cols: ColumnDef<StaffMember>[] = [
      {
        id: 'fullName',
        header: t('staff.col.name'),
        meta: { sortable: true },
        cell: ({ row: { original: m } }) => (
          <Stack gap={0}>
            <Group gap={6}>
              <Text size="sm" fw={600}>{m.fullName}</Text>
              {m.id === principal.userId && <Badge size="xs" variant="outline">{t('staff.you')}</Badge>}
            </Group>
            {m.phone && <Text size="xs" c="dimmed">{m.phone}</Text>}
          </Stack>
        ),
      },
      { id: 'email', header: t('staff.col.email'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm">{row.original.email}</Text> },
      { id: 'roles', header: t('staff.col.roles'), cell: ({ row }) => <RoleBadges roles={row.original.roles} /> },
      {
        id: 'status',
        header: t('staff.col.status'),
        meta: { nowrap: true },
        cell: ({ row: { original: m } }) => (
          <Group gap={4}>
            <Badge color={m.isActive ? 'green' : 'gray'} variant="light" size="sm">{t(m.isActive ? 'staff.active' : 'staff.inactive')}</Badge>
            {m.mustChangePassword && m.isActive && <Badge color="yellow" variant="light" size="sm">{t('staff.mustChange')}</Badge>}
          </Group>
        ),
      },
      { id: 'lastSignInAt', header: t('staff.col.lastSignIn'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.lastSignInAt)}</Text> },
    ];
    if (canManage) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: m } }) => (
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('staff.actionsFor', { name: m.fullName })}>
                <IconDotsVertical size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog({ kind: 'edit', member: m })}>{t('staff.edit')}</Menu.Item>
              <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setDialog({ kind: 'reset', member: m })}>{t('staff.resetPassword')}</Menu.Item>
              <Menu.Divider />
              {m.isActive ? (
                <Menu.Item color="red" leftSection={<IconUserOff size={16} />} disabled={m.id === principal.userId} onClick={() => setDialog({ kind: 'active', member: m })}>
                  {t('staff.deactivate')}
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => setDialog({ kind: 'active', member: m })}>{t('staff.reactivate')}</Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        ),
      });
    }
    return cols;
  }, [t, principal.userId, tf, canManage]);

  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>{t('staff.create')}</Button>
  );

  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={t('staff.title')} description={t('staff.intro')} actions={addButton} />
        <DataTable
          label={t('staff.title')}
          columns={columns}
          {...pagedRows(list)}
          getRowId={(m) => m.id}
          query={query}
          searchPlaceholder={t('staff.search')}
          filters={
            <>
              <Select
                aria-label={t('staff.roleFilter')}
                placeholder={t('staff.allRoles')}
                data={ROLES.map((r) => ({ value: r, label: roleName(r) }))}
                value={query.filters.role ?? null}
                onChange={(v) => query.setFilter('role', (v ?? undefined) as Role | undefined)}
                clearable
                w={170}
              />
              <Select
                aria-label={t('staff.activeFilter')}
                placeholder={t('staff.anyStatus')}
                data={[{ value: 'active', label: t('staff.active') }, { value: 'inactive', label: t('staff.inactive') }]}
                value={query.filters.active ?? null}
                onChange={(v) => query.setFilter('active', (v ?? undefined) as ActiveFilter)}
                clearable
                w={170}
              />
            </>
          }
          empty={<EmptyNotice title={t('staff.emptyTitle')} description={t('staff.emptyBody')} action={addButton || undefined} />}
        />
      </div>
      <RolesLegend />
      <StaffCreateModal opened={dialog?.kind === 'create'} onClose={close} onDone={list.reload} />
      {dialog && 'member' in dialog && (
        <>
          <StaffEditModal opened={dialog.kind === 'edit'} member={dialog.member} onClose={close} onDone={list.reload} />
          <StaffResetPasswordModal opened={dialog.kind === 'reset'} member={dialog.member} onClose={close} onDone={list.reload} />
          <ConfirmModal
            opened={dialog.kind === 'active'}
            onClose={close}
            title={t(dialog.member.isActive ? 'staff.deactivateTitle' : 'staff.reactivateTitle', { name: dialog.member.fullName })}
            confirmLabel={t(dialog.member.isActive ? 'staff.deactivate' : 'staff.reactivate')}
            color={dialog.member.isActive ? 'red' : 'green'}
            onConfirm={async () => {
              await callIn('staff.set-active', { staffId: dialog.member.id, isActive: !dialog.member.isActive });
              list.reload();
            }}
          >
            <Text size="sm">{t(dialog.member.isActive ? 'staff.deactivateBody' : 'staff.reactivateBody')}</Text>
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
