import { ActionIcon, Badge, Button, Menu, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDotsVertical, IconKey, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../../app/scope-context';
import { toApiError, useRpc } from '../../../app/use-rpc';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DataTable, pagedRows } from '../../../components/data-table';
import { EmptyNotice } from '../../../components/empty-notice';
import { useTableQuery } from '../../../components/use-table-query';
import { useRouterPermissions } from '../hooks';
import { PppSecretModal, type PppSecret } from './ppp-secret-modal';
import { useTimeFormat } from '../../../app/time-format';
import { StateDot } from '../router-badges';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'remove'; secret: PppSecret };
type StateFilter = 'enabled' | 'disabled' | undefined;

/** PPP secrets (subscriber accounts) on the router: list, add, edit, enable/disable, remove. */
export function PppSecrets({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const { canOperate } = useRouterPermissions();
  const query = useTableQuery<'name' | 'profile' | 'service' | 'disabled', { profile: string | undefined; state: StateFilter }>({
    sort: { field: 'name', dir: 'asc' }, filters: { profile: undefined, state: undefined },
  });
  const { state, ...rest } = query.input;
  const list = useRpc('routers.ppp.secrets', { routerId, ...rest, ...(state ? { disabled: state === 'disabled' } : {}) });
  const profiles = useRpc('routers.ppp.profiles', { routerId });
  const profileNames = useMemo(() => (profiles.data?.items ?? []).map((p) => p.name), [profiles.data]);
  // The dialog keeps its secret while it closes, so its title does not blank out mid-animation.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  const show = (d: Dialog) => {
    setDialog(d);
    setOpen(true);
  };

  const columns = useMemo(() => {
    const setDisabled = async (s: PppSecret, disabled: boolean) => {
      try {
        await callIn('routers.ppp.secret.update', { routerId, secretId: s.id, disabled });
        notifications.show({
          color: 'green',
          title: t(disabled ? 'routers.ppp.secretDisabledTitle' : 'routers.ppp.secretEnabledTitle'),
          message: t(disabled ? 'routers.ppp.secretDisabledBody' : 'routers.ppp.secretEnabledBody', { name: s.name }),
        });
        list.reload();
      } catch (e) {
        notifications.show({ color: 'red', title: t('errors.title'), message: toApiError(e).message });
      }
    };
    const cols: ColumnDef<PppSecret>[] = [
      {
        id: 'name',
        header: t('routers.ppp.col.name'),
        meta: { sortable: true, minWidth: 160 },
        cell: ({ row: { original: s } }) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>{s.name}</Text>
            {s.comment && <Text size="xs" c="dimmed" lineClamp={1} maw={280}>{s.comment}</Text>}
          </Stack>
        ),
      },
      {
        id: 'online',
        header: t('routers.ppp.col.online'),
        meta: { nowrap: true },
        cell: ({ row }) => (row.original.online
          ? <StateDot color="green" label={t('routers.ppp.online')} />
          : <StateDot color="gray" label={t('routers.ppp.offline')} weight={400} />),
      },
      { id: 'service', header: t('routers.ppp.col.service'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm">{row.original.service}</Text> },
      { id: 'profile', header: t('routers.ppp.col.profile'), meta: { sortable: true }, cell: ({ row }) => <Badge variant="light" size="sm">{row.original.profile}</Badge> },
      { id: 'remoteAddress', header: t('routers.ppp.col.remoteAddress'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.remoteAddress || '—'}</Text> },
      { id: 'callerId', header: t('routers.ppp.col.callerId'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.callerId || '—'}</Text> },
      {
        id: 'disabled',
        header: t('routers.ppp.col.state'),
        meta: { sortable: true, nowrap: true },
        cell: ({ row }) => (
          row.original.disabled
            ? <StateDot color="gray" label={t('routers.ppp.disabled')} weight={400} />
            : <StateDot color="blue" label={t('routers.ppp.enabled')} weight={400} />
        ),
      },
      {
        id: 'lastLoggedOut',
        header: t('routers.ppp.col.lastLoggedOut'),
        meta: { nowrap: true },
        cell: ({ row: { original: s } }) => (
          <Stack gap={0}>
            <Text size="sm" title={s.lastLoggedOut}>{s.lastLoggedOut ? tf.routerClock(s.lastLoggedOut) : '—'}</Text>
            {s.lastDisconnectReason && <Text size="xs" c="dimmed">{s.lastDisconnectReason}</Text>}
          </Stack>
        ),
      },
    ];
    if (canOperate) {
      cols.push({
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: s } }) => (
          <Menu position="bottom-end" width={200}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('routers.ppp.secretActionsFor', { name: s.name })}>
                <IconDotsVertical size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => show({ kind: 'edit', secret: s })}>{t('routers.ppp.secretEdit')}</Menu.Item>
              {s.disabled ? (
                <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={() => void setDisabled(s, false)}>{t('routers.ppp.secretEnable')}</Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={() => void setDisabled(s, true)}>{t('routers.ppp.secretDisable')}</Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => show({ kind: 'remove', secret: s })}>{t('routers.ppp.secretRemove')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
      });
    }
    return cols;
  }, [t, tf, canOperate, callIn, routerId, list.reload]);

  const addButton = canOperate && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => show({ kind: 'add' })}>{t('routers.ppp.secretAdd')}</Button>
  );

  return (
    <Stack gap="sm">
      {addButton && <div style={{ alignSelf: 'flex-end' }}>{addButton}</div>}
      <DataTable
        label={t('routers.ppp.secretsTitle')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(s) => s.id}
        query={query}
        searchPlaceholder={t('routers.ppp.secretsSearch')}
        filters={
          <>
            <Select
              aria-label={t('routers.ppp.profileFilter')}
              placeholder={t('routers.ppp.allProfiles')}
              data={profileNames}
              value={query.filters.profile ?? null}
              onChange={(v) => query.setFilter('profile', v ?? undefined)}
              clearable
              searchable
              w={180}
            />
            <Select
              aria-label={t('routers.ppp.stateFilter')}
              placeholder={t('routers.ppp.anyState')}
              data={[{ value: 'enabled', label: t('routers.ppp.enabled') }, { value: 'disabled', label: t('routers.ppp.disabled') }]}
              value={query.filters.state ?? null}
              onChange={(v) => query.setFilter('state', (v ?? undefined) as StateFilter)}
              clearable
              w={160}
            />
          </>
        }
        empty={<EmptyNotice icon={<IconKey size={26} />} title={t('routers.ppp.secretsEmptyTitle')} description={t('routers.ppp.secretsEmptyBody')} action={addButton || undefined} />}
      />
      <PppSecretModal
        opened={open && (dialog?.kind === 'add' || dialog?.kind === 'edit')}
        onClose={() => setOpen(false)}
        routerId={routerId}
        secret={dialog && dialog.kind !== 'add' ? dialog.secret : null}
        profiles={profileNames}
        onDone={list.reload}
      />
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened={open}
          onClose={() => setOpen(false)}
          title={t('routers.ppp.secretRemoveTitle', { name: dialog.secret.name })}
          confirmLabel={t('routers.ppp.secretRemoveConfirm')}
          color="red"
          onConfirm={async () => {
            await callIn('routers.ppp.secret.remove', { routerId, secretId: dialog.secret.id });
            notifications.show({ color: 'green', title: t('routers.ppp.secretRemovedTitle'), message: t('routers.ppp.secretRemovedBody', { name: dialog.secret.name }) });
            list.reload();
          }}
        >
          <Text size="sm">{t('routers.ppp.secretRemoveBody', { name: dialog.secret.name })}</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
