import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconPlus, IconStack2 } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import { downloadText } from '../../app/files';
import { navigate, useLocation } from '../../app/router';
import { useCall, usePrincipal, useScope } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { toApiError, useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { adoptionPath } from '../adoption/adoption-route';
import { usePackageOptions, useRouterOptions } from '../packages/use-router-options';
import { BulkModal } from './bulk-modal';
import { ImportModal } from './import-modal';
import { subscriberColumns, type RowAction } from './subscriber-columns';
import { filtersFromQuery, SubscriberFilterInputs, type SubscriberFilters, type SubscriberSort } from './subscriber-filters';
import { SubscriberFormModal } from './subscriber-form-modal';
import { SubscriberRowDialogs } from './subscriber-row-dialogs';
import { subscriberPath } from './subscriber-route';

type Dialog = { kind: 'create' | 'bulk' | 'import' } | { kind: RowAction; subscriber: SubscriberSummary } | null;

/** The subscribers list: paged, sorted and filtered on the main side, with row and bulk actions and CSV. */
export function SubscribersPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const scope = useScope();
  const callIn = useCall();
  const tf = useTimeFormat();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const routers = useRouterOptions();
  const packages = usePackageOptions();
  const { query: linked } = useLocation();
  const query = useTableQuery<SubscriberSort, SubscriberFilters>({
    sort: { field: 'accountNumber', dir: 'asc' },
    filters: { routerId: undefined, packageId: undefined, tags: undefined, ...filtersFromQuery(linked) },
  });
  const list = useRpc('subscribers.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const close = () => setDialog(null);
  const pageIds = useMemo(() => (list.data?.items ?? []).map((s) => s.id), [list.data]);

  const onSelect = useCallback((ids: string[], on: boolean) => setSelected((prev) => {
    const next = new Set(prev);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    return next;
  }), []);
  const columns = useMemo(() => subscriberColumns({
    t, tf, canManage, selected, pageIds, onSelect,
    detailPath: (id) => (scope ? subscriberPath(scope, id) : '/'),
    onAction: (kind, subscriber) => setDialog({ kind, subscriber }),
  }), [t, tf, canManage, selected, pageIds, onSelect, scope]);

  const exportCsv = async () => {
    try {
      const { q, status, routerId, packageId, expiringWithinDays, tags } = query.input;
      const out = await callIn('subscribers.export', { q, status, routerId, packageId, expiringWithinDays, tags });
      downloadText('isp-desk-subscribers.csv', out.csv);
      notifications.show({ color: 'green', title: t('subscribers.exportedTitle'), message: t('subscribers.exportedBody', { count: out.rows }) });
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toApiError(e).message });
    }
  };

  const addButton = canManage && <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>{t('subscribers.create')}</Button>;
  const actions = (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()}>{t('subscribers.exportCsv')}</Button>
      {canManage && <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setDialog({ kind: 'import' })}>{t('subscribers.importCsv')}</Button>}
      {addButton}
    </>
  );
  const row = dialog && 'subscriber' in dialog ? dialog : null;

  return (
    <Stack gap="md">
      <PageHeader title={t('subscribers.title')} description={t('subscribers.intro')} actions={actions} />
      {canManage && selected.size > 0 && (
        <Group gap="sm">
          <Text size="sm" fw={600}>{t('subscribers.selected', { count: selected.size })}</Text>
          <Button size="xs" leftSection={<IconStack2 size={14} />} onClick={() => setDialog({ kind: 'bulk' })}>{t('subscribers.bulkActions')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>{t('subscribers.clearSelection')}</Button>
        </Group>
      )}
      <DataTable
        label={t('subscribers.title')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(s) => s.id}
        query={query}
        searchPlaceholder={t('subscribers.search')}
        filters={<SubscriberFilterInputs query={query} routers={routers.options} packages={packages.options} />}
        empty={<EmptyNotice title={t('subscribers.emptyTitle')} description={t(canManage ? 'subscribers.emptyBody' : 'subscribers.emptyBodyReadOnly')} action={canManage && scope ? <Group gap="sm">{addButton}<Button variant="light" onClick={() => navigate(adoptionPath(scope))}>{t('adoption.importButton')}</Button></Group> : undefined} />}
      />
      <SubscriberFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        subscriber={row?.kind === 'edit' ? row.subscriber : undefined}
        routers={routers.options}
        onClose={close}
        onDone={list.reload}
      />
      {row && row.kind !== 'edit' && (
        <SubscriberRowDialogs action={row.kind} subscriber={row.subscriber} onClose={close} onDone={list.reload} />
      )}
      <BulkModal opened={dialog?.kind === 'bulk'} ids={[...selected]} routers={routers.options} onClose={close} onApplied={list.reload} />
      <ImportModal opened={dialog?.kind === 'import'} onClose={close} onImported={list.reload} />
    </Stack>
  );
}
