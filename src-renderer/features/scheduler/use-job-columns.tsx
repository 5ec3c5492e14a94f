import { ActionIcon, Menu, Stack, Switch, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarTime, IconDotsVertical, IconHistory, IconPlayerPlay } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobItem } from '@shared/contract/scheduler';
import { useTimeFormat } from '../../app/time-format';
import { LastRunCell } from './run-status';
import { jobName, scheduleWords } from './schedule-words';

export type JobDialog = { kind: 'edit' | 'run' | 'history'; job: JobItem } | null;

/** Columns of the Scheduled tasks table; row actions open dialogs through `open`, the switch calls `toggle`. */
export function useJobColumns(open: (d: JobDialog) => void, toggle: (job: JobItem, enabled: boolean) => void, busyKey: string | null): ColumnDef<JobItem>[] {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  return useMemo((): ColumnDef<JobItem>[] => [
    {
      id: 'key',
      header: t('scheduler.col.name'),
      meta: { sortable: true },
      cell: ({ row: { original: j } }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>{jobName(j.key, t)}</Text>
          <Text size="xs" c="dimmed">{t(j.missed === 'run-once' ? 'scheduler.missedRunOnce' : 'scheduler.missedSkip')}</Text>
        </Stack>
      ),
    },
    { id: 'schedule', header: t('scheduler.col.schedule'), cell: ({ row }) => <Text size="sm">{scheduleWords(row.original.schedule, t, tf.locale)}</Text> },
    {
      id: 'enabled',
      header: t('scheduler.col.enabled'),
      meta: { nowrap: true },
      cell: ({ row: { original: j } }) => (
        <Switch
          checked={j.enabled}
          disabled={busyKey === j.key}
          aria-label={t('scheduler.enableFor', { name: jobName(j.key, t) })}
          onChange={(e) => toggle(j, e.currentTarget.checked)}
        />
      ),
    },
    { id: 'lastRun', header: t('scheduler.col.lastRun'), cell: ({ row }) => <LastRunCell run={row.original.lastRun} /> },
    {
      id: 'nextRun',
      header: t('scheduler.col.nextRun'),
      meta: { nowrap: true },
      cell: ({ row: { original: j } }) => (
        <Text size="sm" c={j.nextRunAt ? undefined : 'dimmed'}>
          {j.running ? t('scheduler.runningNow') : j.nextRunAt ? tf.dateTime(j.nextRunAt) : t('scheduler.off')}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      meta: { align: 'right', width: 56 },
      cell: ({ row: { original: j } }) => (
        <Menu position="bottom-end" width={220}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('scheduler.actionsFor', { name: jobName(j.key, t) })}>
              <IconDotsVertical size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPlayerPlay size={16} />} disabled={j.running} onClick={() => open({ kind: 'run', job: j })}>{t('scheduler.runNow')}</Menu.Item>
            <Menu.Item leftSection={<IconCalendarTime size={16} />} onClick={() => open({ kind: 'edit', job: j })}>{t('scheduler.editSchedule')}</Menu.Item>
            <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => open({ kind: 'history', job: j })}>{t('scheduler.history')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ], [t, tf, open, toggle, busyKey]);
}
