import { Button, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIFT_ACTIONS, DRIFT_KINDS, type DriftAction, type DriftKind } from '@shared/contract/router-sync';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { driftColumns, type DriftRow } from './drift-columns';

type Pending = { action: DriftAction; rows: DriftRow[] } | { action: DriftAction; all: true } | null;

/** A router's drift: per row or in bulk (chosen rows, or every open one) apply ours, adopt theirs, ignore. */
export function DriftList({ routerId, routerName, canOperate, onChanged }: { routerId: string; routerName: string; canOperate: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const query = useTableQuery<'detectedAt' | 'kind' | 'label', { kind: DriftKind | undefined; includeIgnored: boolean | undefined }>({
    sort: { field: 'detectedAt', dir: 'desc' }, filters: { kind: undefined, includeIgnored: undefined },
  });
  const list = useRpc('sync.drift.list', { ...query.input, routerId });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const rows = useMemo(() => list.data?.items ?? [], [list.data]);
  const onSelect = useCallback((ids: string[], on: boolean) => setSelected((prev) => {
    const next = new Set(prev);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    return next;
  }), []);
  const columns = useMemo(() => driftColumns({
    t, tf, canOperate, selected, pageIds: rows.map((r) => r.id), onSelect, onAction: (action, chosen) => setPending({ action, rows: chosen }),
  }), [t, tf, canOperate, selected, rows, onSelect]);
  const chosenRows = rows.filter((r) => selected.has(r.id));

  const resolve = async (p: NonNullable<Pending>) => {
    const out = 'all' in p
      ? await callIn('sync.drift.resolve', { routerId, all: true, action: p.action })
      : await callIn('sync.drift.resolve', { ids: p.rows.map((r) => r.id), action: p.action });
    notifications.show({ color: 'green', title: t('sync.drift.resolvedTitle'), message: t('sync.drift.resolvedBody', out) });
    setSelected(new Set());
    list.reload();
    onChanged();
  };
  const actionName = pending ? t(`sync.drift.action.${pending.action}`) : '';

  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Title order={3}>{t('sync.drift.title', { router: routerName })}</Title>
        {canOperate && (
          <Group gap="xs">
            {chosenRows.length > 0 && <Text size="sm" fw={600}>{t('sync.drift.selected', { count: chosenRows.length })}</Text>}
            {chosenRows.length > 0 && DRIFT_ACTIONS.map((a) => <Button key={a} size="xs" variant="light" onClick={() => setPending({ action: a, rows: chosenRows })}>{t(`sync.drift.action.${a}`)}</Button>)}
            {chosenRows.length === 0 && rows.length > 0 && (
              <>
                <Text size="sm" c="dimmed">{t('sync.drift.allOpen')}</Text>
                {DRIFT_ACTIONS.map((a) => <Button key={a} size="xs" variant="default" onClick={() => setPending({ action: a, all: true })}>{t(`sync.drift.action.${a}`)}</Button>)}
              </>
            )}
          </Group>
        )}
        <DataTable
          label={t('sync.drift.label')}
          columns={columns}
          {...pagedRows(list)}
          getRowId={(r) => r.id}
          query={query}
          filters={
            <>
              <Select aria-label={t('sync.drift.kindFilter')} placeholder={t('sync.drift.allKinds')} data={DRIFT_KINDS.map((k) => ({ value: k, label: t(`sync.drift.kind.${k}`) }))}
                value={query.filters.kind ?? null} onChange={(v) => query.setFilter('kind', (v ?? undefined) as DriftKind | undefined)} clearable w={200} />
              <Switch label={t('sync.drift.includeIgnored')} checked={query.filters.includeIgnored === true} onChange={(e) => query.setFilter('includeIgnored', e.currentTarget.checked || undefined)} />
            </>
          }
          empty={<EmptyNotice title={t('sync.drift.emptyTitle')} description={t('sync.drift.emptyBody')} />}
        />
      </Stack>
      {pending && (
        <ConfirmModal
          opened
          onClose={() => setPending(null)}
          title={'all' in pending ? t('sync.drift.confirmAllTitle', { action: actionName, router: routerName }) : t('sync.drift.confirmTitle', { action: actionName, count: pending.rows.length })}
          confirmLabel={actionName}
          onConfirm={() => resolve(pending)}
        >
          <Text size="sm">{t(`sync.drift.actionHint.${pending.action}`)}</Text>
          {'all' in pending ? <Text size="sm">{t('sync.drift.confirmAllBody')}</Text> : <Text size="sm" ff="monospace">{pending.rows.map((r) => r.label).join(', ')}</Text>}
        </ConfirmModal>
      )}
    </Paper>
  );
}
