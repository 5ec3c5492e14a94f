import { ActionIcon, Anchor, Button, Group, Menu, Select, Stack, Tabs, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDotsVertical, IconLayoutDashboard, IconPencil, IconPlugConnected, IconPlus, IconRouter, IconScript, IconTrash,
} from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTER_STATUSES, type RouterStatus, type RouterSummary } from '@shared/contract/routers';
import { diagnosisText } from '../../app/messages';
import { href, navigate } from '../../app/router';
import { paths } from '../../app/paths';
import { useCall, useScope } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { useOfferAdoption } from '../adoption/offer-adoption';
import { DemoBadge } from '../tenancy/tenant-status-badge';
import { BootstrapModal } from './bootstrap-modal';
import { DowntimeTable } from './downtime-table';
import { useNow, useRouterPermissions } from './hooks';
import { CoreBadge, RouterStatusCell, TlsBadge } from './router-badges';
import { RouterFormModal, type RouterFormPrefill } from './router-form-modal';
import { TestConnectionModal } from './test-connection-modal';
import { useTimeFormat } from '../../app/time-format';

type Dialog =
  | { kind: 'create'; prefill: RouterFormPrefill | null }
  | { kind: 'bootstrap' }
  | { kind: 'edit' | 'test' | 'delete'; router: RouterSummary }
  | null;

const ERROR_PREVIEW = 60;

/** The tenant's routers with live status, and their downtime history. */
export function RoutersPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const callIn = useCall();
  const { canManage } = useRouterPermissions();
  const offerAdoption = useOfferAdoption();
  const now = useNow();
  const tf = useTimeFormat();
  const [view, setView] = useState<'routers' | 'downtime'>('routers');
  const query = useTableQuery<'name' | 'host' | 'status' | 'site', { status: RouterStatus | undefined }>({
    sort: { field: 'name', dir: 'asc' }, filters: { status: undefined },
  });
  const list = useRpc('routers.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  useEvent('routers.status-changed', list.reload);

  const columns = useMemo(() => {
    const cols: ColumnDef<RouterSummary>[] = [
      {
        id: 'status',
        header: t('routers.col.status'),
        meta: { sortable: true, nowrap: true },
        cell: ({ row: { original: r } }) => <RouterStatusCell status={r.status} since={r.statusSince} now={now} />,
      },
      {
        id: 'name',
        header: t('routers.col.name'),
        meta: { sortable: true, minWidth: 170 },
        cell: ({ row: { original: r } }) => (
          <Stack gap={4} align="flex-start">
            <Anchor href={scope ? href(paths.router(scope, r.id)) : undefined} fw={600} size="sm">{r.name}</Anchor>
            {(r.isDemo || r.isCore) && (
              <Group gap={4} wrap="nowrap">
                {r.isDemo && <DemoBadge size="xs" />}
                {r.isCore && <CoreBadge />}
              </Group>
            )}
          </Stack>
        ),
      },
      {
        id: 'host',
        header: t('routers.col.address'),
        meta: { sortable: true, nowrap: true },
        cell: ({ row: { original: r } }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" ff="monospace">{r.host}:{r.port}</Text>
            {r.useTls && <TlsBadge />}
          </Group>
        ),
      },
      { id: 'site', header: t('routers.col.site'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm">{row.original.site || '—'}</Text> },
      {
        id: 'routeros',
        header: t('routers.col.routerOs'),
        meta: { minWidth: 150 },
        cell: ({ row: { original: r } }) => (
          r.routerOsVersion || r.boardName || r.identity ? (
            <Stack gap={0}>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{r.routerOsVersion ?? '—'}</Text>
              <Text size="xs" c="dimmed">{[r.boardName, r.identity].filter(Boolean).join(' · ')}</Text>
            </Stack>
          ) : <Text size="sm" c="dimmed">{t('routers.notYetContacted')}</Text>
        ),
      },
      {
        id: 'lastCheckedAt',
        header: t('routers.col.lastCheck'),
        meta: { minWidth: 150 },
        cell: ({ row: { original: r } }) => (
          <Stack gap={2}>
            {r.lastCheckedAt ? (
              <Tooltip label={tf.dateTime(r.lastCheckedAt)}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{tf.relative(r.lastCheckedAt, now)}</Text>
              </Tooltip>
            ) : <Text size="sm" c="dimmed">{t('common.never')}</Text>}
            {r.lastError && <LastError text={diagnosisText(r.lastError).message} offline={r.status === 'offline'} />}
          </Stack>
        ),
      },
      {
        id: 'actions',
        header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        meta: { align: 'right', width: 56 },
        cell: ({ row: { original: r } }) => (
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('routers.actionsFor', { name: r.name })}>
                <IconDotsVertical size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconLayoutDashboard size={16} />} onClick={() => scope && navigate(paths.router(scope, r.id))}>
                {t('routers.openDashboard')}
              </Menu.Item>
              {canManage && (
                <>
                  <Menu.Item leftSection={<IconPlugConnected size={16} />} onClick={() => setDialog({ kind: 'test', router: r })}>{t('routers.testConnection')}</Menu.Item>
                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog({ kind: 'edit', router: r })}>{t('routers.edit')}</Menu.Item>
                  <Menu.Divider />
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog({ kind: 'delete', router: r })}>{t('routers.remove')}</Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        ),
      },
    ];
    return cols;
  }, [t, scope, now, tf, canManage]);

  const actions = canManage && (
    <>
      <Button variant="default" leftSection={<IconScript size={16} />} onClick={() => setDialog({ kind: 'bootstrap' })}>{t('routers.bootstrap.open')}</Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create', prefill: null })}>{t('routers.add')}</Button>
    </>
  );

  const empty = (
    <EmptyNotice
      icon={<IconRouter size={26} />}
      title={t('routers.emptyTitle')}
      description={
        <Stack gap={4} align="center">
          <Text size="sm" c="dimmed" ta="center" maw={560}>{t(canManage ? 'routers.emptyBody' : 'routers.emptyBodyReadOnly')}</Text>
          {canManage && <Text size="sm" c="dimmed" ta="center" maw={560}>{t('routers.emptyBootstrap')}</Text>}
        </Stack>
      }
      action={canManage ? (
        <Group gap="sm" justify="center">
          <Button variant="default" leftSection={<IconScript size={16} />} onClick={() => setDialog({ kind: 'bootstrap' })}>{t('routers.bootstrap.open')}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create', prefill: null })}>{t('routers.addFirst')}</Button>
        </Group>
      ) : undefined}
    />
  );

  return (
    <>
      <PageHeader title={t('routers.title')} description={t('routers.intro')} actions={actions} />
      <Tabs value={view} onChange={(v) => setView(v === 'downtime' ? 'downtime' : 'routers')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="routers">{t('routers.tabRouters')}</Tabs.Tab>
          <Tabs.Tab value="downtime">{t('routers.tabDowntime')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="routers">
          <DataTable
            label={t('routers.title')}
            columns={columns}
            {...pagedRows(list)}
            getRowId={(r) => r.id}
            query={query}
            searchPlaceholder={t('routers.search')}
            filters={
              <Select
                aria-label={t('routers.statusFilter')}
                placeholder={t('routers.allStatuses')}
                data={ROUTER_STATUSES.map((s) => ({ value: s, label: t(`routers.status.${s}`) }))}
                value={query.filters.status ?? null}
                onChange={(v) => query.setFilter('status', (v ?? undefined) as RouterStatus | undefined)}
                clearable
                w={180}
              />
            }
            empty={empty}
          />
        </Tabs.Panel>
        <Tabs.Panel value="downtime">
          <DowntimeTable />
        </Tabs.Panel>
      </Tabs>

      <BootstrapModal
        opened={dialog?.kind === 'bootstrap'}
        onClose={close}
        onUse={(prefill) => setDialog({ kind: 'create', prefill })}
      />
      <RouterFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={close}
        router={dialog?.kind === 'edit' ? dialog.router : null}
        prefill={dialog?.kind === 'create' ? dialog.prefill : null}
        onSaved={(saved) => {
          list.reload();
          if (dialog?.kind === 'create') offerAdoption(saved);
        }}
      />
      {dialog && 'router' in dialog && (
        <>
          <TestConnectionModal opened={dialog.kind === 'test'} onClose={close} router={dialog.router} onDone={list.reload} />
          <ConfirmModal
            opened={dialog.kind === 'delete'}
            onClose={close}
            title={t('routers.removeTitle', { name: dialog.router.name })}
            confirmLabel={t('routers.removeConfirm')}
            color="red"
            onConfirm={async () => {
              await callIn('routers.delete', { routerId: dialog.router.id });
              notifications.show({ color: 'green', title: t('routers.removedTitle'), message: t('routers.removedBody', { name: dialog.router.name }) });
              list.reload();
            }}
          >
            <Text size="sm">{t('routers.removeBody', { address: `${dialog.router.host}:${dialog.router.port}` })}</Text>
            <Text size="sm" c="dimmed">{t('routers.removeHistory')}</Text>
          </ConfirmModal>
        </>
      )}
    </>
  );
}

/** Why the router is offline/degraded, shortened in the table with the whole text on hover. */
function LastError({ text, offline }: { text: string; offline: boolean }) {
  return (
    <Tooltip label={text} multiline w={360} disabled={text.length <= ERROR_PREVIEW}>
      <Text size="xs" c={offline ? 'red' : 'orange'} maw={260}>
        {text.length > ERROR_PREVIEW ? `${text.slice(0, ERROR_PREVIEW - 1)}…` : text}
      </Text>
    </Tooltip>
  );
}
