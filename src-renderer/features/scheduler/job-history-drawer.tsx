import { Drawer, Stack, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobItem, JobRun } from '@shared/contract/scheduler';
import { humanDuration, useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { RunLogButton } from './run-log-button';
import { RunStatusDot } from './run-status';
import { jobName } from './schedule-words';

/** Runs of one job, newest first: result, why it ran, when, how long, attempts and its log. */
export function JobHistoryDrawer({ job, opened, onClose }: { job: JobItem; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const query = useTableQuery<'scheduledFor' | 'startedAt'>({ sort: { field: 'startedAt', dir: 'desc' }, pageSize: 10 });
  const list = useRpc('jobs.history', { jobKey: job.key, ...query.input }, { enabled: opened });
  const columns = useMemo((): ColumnDef<JobRun>[] => [
    { id: 'startedAt', header: t('scheduler.runCol.startedAt'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.startedAt)}</Text> },
    { id: 'status', header: t('scheduler.runCol.status'), cell: ({ row }) => <RunStatusDot status={row.original.status} /> },
    {
      id: 'trigger',
      header: t('scheduler.runCol.trigger'),
      meta: { nowrap: true },
      cell: ({ row: { original: r } }) => (
        <Stack gap={0}>
          <Text size="sm">{t(`scheduler.trigger.${r.trigger}`)}</Text>
          {r.triggeredBy && <Text size="xs" c="dimmed">{t('scheduler.by', { name: r.triggeredBy })}</Text>}
        </Stack>
      ),
    },
    { id: 'scheduledFor', header: t('scheduler.runCol.scheduledFor'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.scheduledFor)}</Text> },
    { id: 'duration', header: t('scheduler.runCol.duration'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{row.original.durationMs === null ? '—' : humanDuration(row.original.durationMs / 1000)}</Text> },
    { id: 'attempts', header: t('scheduler.runCol.attempts'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.attempts}</Text> },
    { id: 'log', header: () => null, meta: { align: 'right' }, cell: ({ row }) => <RunLogButton run={row.original} /> },
  ], [t, tf]);

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={980} title={t('scheduler.historyTitle', { name: jobName(job.key, t) })}>
      <DataTable
        label={t('scheduler.historyTitle', { name: jobName(job.key, t) })}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(r) => r.id}
        query={query}
        searchable={false}
        empty={<EmptyNotice title={t('scheduler.historyEmptyTitle')} description={t('scheduler.historyEmptyBody')} />}
      />
    </Drawer>
  );
}
