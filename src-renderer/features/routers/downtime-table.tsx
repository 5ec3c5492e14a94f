import { Anchor, Badge, Select, Switch, Text, Tooltip } from '@mantine/core';
import { IconClockCheck } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { formatDuration } from '@shared/domain/time';
import { diagnosisText } from '../../app/messages';
import { href } from '../../app/router';
import { paths } from '../../app/paths';
import { useScope } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { useNow } from './hooks';
import { useTimeFormat } from '../../app/time-format';

type DowntimeRow = OutputOf<'routers.downtime.list'>['items'][number];

/** Downtime periods of the tenant's routers (start, end or "ongoing", duration, cause). */
export function DowntimeTable({ routerId: fixedRouter }: { routerId?: string } = {}) {
  const { t } = useTranslation();
  const scope = useScope();
  const now = useNow();
  const tf = useTimeFormat();
  const query = useTableQuery<'startedAt', { routerId: string | undefined; openOnly: boolean | undefined }>({
    sort: { field: 'startedAt', dir: 'desc' }, filters: { routerId: fixedRouter, openOnly: undefined },
  });
  const list = useRpc('routers.downtime.list', query.input);
  const routers = useRpc('routers.list', { page: 1, pageSize: 500, sort: { field: 'name', dir: 'asc' } }, { enabled: !fixedRouter });
  useEvent('routers.status-changed', list.reload);

  const columns = useMemo<ColumnDef<DowntimeRow>[]>(() => [
    {
      id: 'router',
      header: t('routers.downtime.col.router'),
      cell: ({ row: { original: d } }) => (
        <Anchor href={scope ? href(paths.router(scope, d.routerId)) : undefined} size="sm" fw={600}>{d.routerName}</Anchor>
      ),
    },
    {
      id: 'startedAt',
      header: t('routers.downtime.col.started'),
      meta: { sortable: true, nowrap: true },
      cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.startedAt)}</Text>,
    },
    {
      id: 'endedAt',
      header: t('routers.downtime.col.ended'),
      meta: { nowrap: true },
      cell: ({ row: { original: d } }) => (
        d.endedAt ? <Text size="sm">{tf.dateTime(d.endedAt)}</Text> : <Badge color="red" variant="light">{t('routers.downtime.ongoing')}</Badge>
      ),
    },
    {
      id: 'duration',
      header: t('routers.downtime.col.duration'),
      meta: { nowrap: true },
      cell: ({ row: { original: d } }) => (
        d.durationMs !== null ? (
          <Text size="sm">{formatDuration(d.durationMs)}</Text>
        ) : (
          <Tooltip label={t('routers.downtime.soFar')}>
            <Text size="sm" c="red">{formatDuration(Math.max(0, now - new Date(d.startedAt).getTime()))}</Text>
          </Tooltip>
        )
      ),
    },
    { id: 'cause', header: t('routers.downtime.col.cause'), meta: { minWidth: 240 }, cell: ({ row }) => <Text size="sm">{diagnosisText(row.original.cause).message}</Text> },
  ], [t, scope, tf, now]);

  return (
    <DataTable
      label={t('routers.downtime.title')}
      columns={columns}
      {...pagedRows(list)}
      getRowId={(d) => d.id}
      query={query}
      searchable={false}
      filters={
        <>
          {!fixedRouter && (
            <Select
              aria-label={t('routers.downtime.routerFilter')}
              placeholder={t('routers.downtime.allRouters')}
              data={(routers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
              value={query.filters.routerId ?? null}
              onChange={(v) => query.setFilter('routerId', v ?? undefined)}
              clearable
              searchable
              w={220}
            />
          )}
          <Switch
            label={t('routers.downtime.ongoingOnly')}
            checked={query.filters.openOnly === true}
            onChange={(e) => query.setFilter('openOnly', e.currentTarget.checked ? true : undefined)}
          />
        </>
      }
      empty={<EmptyNotice icon={<IconClockCheck size={26} />} title={t('routers.downtime.emptyTitle')} description={t('routers.downtime.emptyBody')} />}
    />
  );
}
