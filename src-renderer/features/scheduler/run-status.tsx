import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobItem, JobRunStatus } from '@shared/contract/scheduler';
import { useTimeFormat } from '../../app/time-format';
import { StateDot } from '../routers/router-badges';

export const RUN_STATUS_COLORS: Record<JobRunStatus, string> = { running: 'blue', retrying: 'yellow', succeeded: 'green', failed: 'red', skipped: 'gray' };

export function RunStatusDot({ status }: { status: JobRunStatus }) {
  const { t } = useTranslation();
  return <StateDot color={RUN_STATUS_COLORS[status]} label={t(`scheduler.status.${status}`)} />;
}

/** The last run of a job: its result as a dot and word, and when it started in the ISP's zone. */
export function LastRunCell({ run }: { run: JobItem['lastRun'] }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  if (!run) return <Text size="sm" c="dimmed">{t('scheduler.never')}</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <RunStatusDot status={run.status} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {tf.dateTime(run.startedAt)} · {t(`scheduler.trigger.${run.trigger}`)}
      </Text>
    </Stack>
  );
}
