import { Button, Group, NumberInput, SegmentedControl, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { jobSchedule, type JobItem } from '@shared/contract/scheduler';
import type { JobSchedule } from '@shared/domain/job-schedule';
import { fieldMessage } from '../../app/field-messages';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { FormModal } from '../../components/form-modal';
import { FormTextInput } from '../../components/form-fields';
import { jobName, scheduleWords } from './schedule-words';

/** The form holds both fields; only the chosen kind is checked, by the contract's own schedule schema. */
const schema = z.object({ kind: z.enum(['cron', 'interval']), cron: z.string(), everyMinutes: z.number().nullable() }).superRefine((v, ctx) => {
  const parsed = jobSchedule.safeParse(toSchedule(v));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [v.kind === 'cron' ? 'cron' : 'everyMinutes'] });
});
type Values = z.infer<typeof schema>;

function toSchedule(v: Values): JobSchedule {
  return v.kind === 'cron' ? { kind: 'cron', cron: v.cron } : { kind: 'interval', everyMinutes: v.everyMinutes ?? Number.NaN };
}

function valuesOf(s: JobSchedule): Values {
  return s.kind === 'cron' ? { kind: 'cron', cron: s.cron, everyMinutes: 15 } : { kind: 'interval', cron: '0 2 * * *', everyMinutes: s.everyMinutes };
}

export function EditScheduleModal({ job, opened, onClose, onDone }: { job: JobItem; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema), defaultValues: valuesOf(job.schedule) });
  useEffect(() => {
    if (opened) form.reset(valuesOf(job.schedule));
  }, [opened, job, form]);
  const kind = form.watch('kind');
  const name = jobName(job.key, t);

  const save = async (schedule: JobSchedule | null) => {
    try {
      const saved = await callIn('jobs.update', { jobKey: job.key, schedule });
      notifications.show({ color: 'green', title: t('scheduler.savedTitle'), message: t('scheduler.savedBody', { name, schedule: scheduleWords(saved.schedule, t, tf.locale) }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, { 'schedule.cron': 'cron', 'schedule.everyMinutes': 'everyMinutes' });
    }
  };
  const submit = form.handleSubmit((v) => save(toSchedule(v)));

  return (
    <FormModal opened={opened} onClose={onClose} title={t('scheduler.editTitle', { name })} form={form} onSubmit={submit} submitLabel={t('common.save')}>
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <SegmentedControl
            aria-label={t('scheduler.kind')}
            value={field.value}
            onChange={(v) => field.onChange(v)}
            data={[{ value: 'cron', label: t('scheduler.kindCron') }, { value: 'interval', label: t('scheduler.kindInterval') }]}
          />
        )}
      />
      {kind === 'cron' ? (
        <FormTextInput name="cron" label={t('scheduler.cron')} description={t('scheduler.cronHint')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
      ) : (
        <Controller
          control={form.control}
          name="everyMinutes"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('scheduler.everyMinutes')}
              value={field.value ?? ''}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
              onBlur={field.onBlur}
              allowDecimal={false}
              error={fieldMessage(fieldState.error?.message)}
            />
          )}
        />
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">{t('scheduler.defaultIs', { schedule: scheduleWords(job.defaultSchedule, t, tf.locale) })}</Text>
        <Button variant="subtle" size="compact-sm" onClick={() => void save(null)}>{t('scheduler.useDefault')}</Button>
      </Group>
    </FormModal>
  );
}
