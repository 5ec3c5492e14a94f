import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobItem } from '@shared/contract/scheduler';
import { useCall } from '../../app/scope-context';
import { toApiError, useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { EditScheduleModal } from './edit-schedule-modal';
import { JobHistoryDrawer } from './job-history-drawer';
import { jobName } from './schedule-words';
import { useJobColumns, type JobDialog } from './use-job-columns';

/** Scheduled tasks of the ISP: when each runs, on/off, last and next run, Run now and history. */
export function SchedulerPage() {
  const { t } = useTranslation();
  const callIn = useCall();
  const query = useTableQuery<'key'>({ sort: { field: 'key', dir: 'asc' } });
  const list = useRpc('jobs.list', query.input);
  const [dialog, setDialog] = useState<JobDialog>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const close = () => setDialog(null);
  const { reload } = list;

  const toggle = useCallback((job: JobItem, enabled: boolean) => {
    const name = jobName(job.key, t);
    setBusyKey(job.key);
    callIn('jobs.update', { jobKey: job.key, enabled }).then(
      () => notifications.show({
        color: enabled ? 'green' : 'gray',
        title: t(enabled ? 'scheduler.enabledTitle' : 'scheduler.disabledTitle', { name }),
        message: t(enabled ? 'scheduler.enabledBody' : 'scheduler.disabledBody'),
      }),
      (e: unknown) => notifications.show({ color: 'red', title: name, message: toApiError(e).message }),
    ).finally(() => {
      setBusyKey(null);
      reload();
    });
  }, [callIn, t, reload]);
  const columns = useJobColumns(setDialog, toggle, busyKey);

  const refresh = <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={reload}>{t('scheduler.refresh')}</Button>;

  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={t('scheduler.title')} description={t('scheduler.intro')} actions={refresh} />
        <DataTable
          label={t('scheduler.title')}
          columns={columns}
          {...pagedRows(list)}
          getRowId={(j) => j.key}
          query={query}
          searchable={false}
          empty={<EmptyNotice title={t('scheduler.emptyTitle')} description={t('scheduler.emptyBody')} />}
        />
      </div>
      {dialog && (
        <>
          <EditScheduleModal job={dialog.job} opened={dialog.kind === 'edit'} onClose={close} onDone={reload} />
          <JobHistoryDrawer job={dialog.job} opened={dialog.kind === 'history'} onClose={() => { close(); reload(); }} />
          <ConfirmModal
            opened={dialog.kind === 'run'}
            onClose={close}
            title={t('scheduler.runNowTitle', { name: jobName(dialog.job.key, t) })}
            confirmLabel={t('scheduler.runNow')}
            onConfirm={async () => {
              await callIn('jobs.run-now', { jobKey: dialog.job.key });
              notifications.show({ color: 'blue', title: t('scheduler.startedTitle'), message: t('scheduler.startedBody', { name: jobName(dialog.job.key, t) }) });
              reload();
            }}
          >
            <Text size="sm">{t('scheduler.runNowBody')}</Text>
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
