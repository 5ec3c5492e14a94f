import { z } from 'zod';
import { channel } from './define';
import { instant, pageInput, pageOutput, id } from './common';
import { isValidCron, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../domain/job-schedule';

/** A job's stable key, e.g. `routers.config-backup` (also the i18n key of its name). */
export const jobKey = z.string({ message: 'Required' }).regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'Not a job key').max(80);

export const jobSchedule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cron'),
    cron: z.string({ message: 'Required' }).trim().min(1, 'Required').max(100, 'Use at most 100 characters')
      .refine(isValidCron, 'Enter a cron pattern of five fields, e.g. 0 2 * * * (every day at 02:00)'),
  }),
  z.strictObject({
    kind: z.literal('interval'),
    everyMinutes: z.number({ message: 'Must be a number' }).int('Whole minutes only')
      .min(MIN_INTERVAL_MINUTES, `At least ${MIN_INTERVAL_MINUTES} minute`)
      .max(MAX_INTERVAL_MINUTES, `At most ${MAX_INTERVAL_MINUTES} minutes (one week)`),
  }),
], { message: 'Choose cron or interval' });

export const JOB_RUN_STATUSES = ['running', 'retrying', 'succeeded', 'failed', 'skipped'] as const;
export const JOB_RUN_TRIGGERS = ['schedule', 'manual', 'catch-up'] as const;
export const jobRunStatus = z.enum(JOB_RUN_STATUSES);
export const jobRunTrigger = z.enum(JOB_RUN_TRIGGERS);
export type JobRunStatus = z.infer<typeof jobRunStatus>;

export const jobItem = z.object({
  key: z.string(),
  schedule: jobSchedule,
  defaultSchedule: jobSchedule,
  enabled: z.boolean(),
  missed: z.enum(['run-once', 'skip']),
  maxAttempts: z.number().int(),
  /** A run of this job is in progress in this process now. */
  running: z.boolean(),
  lastRun: z.object({ id, status: jobRunStatus, trigger: jobRunTrigger, scheduledFor: instant, startedAt: instant, finishedAt: instant.nullable() }).nullable(),
  /** Null when disabled. */
  nextRunAt: instant.nullable(),
});
export type JobItem = z.infer<typeof jobItem>;

export const jobRun = z.object({
  id,
  jobKey: z.string(),
  status: jobRunStatus,
  trigger: jobRunTrigger,
  scheduledFor: instant,
  startedAt: instant,
  finishedAt: instant.nullable(),
  durationMs: z.number().int().nullable(),
  attempts: z.number().int(),
  /** Who pressed Run now (manual runs only). */
  triggeredBy: z.string().nullable(),
  /** Lines the job wrote, one per line, each starting with its UTC instant. */
  log: z.string(),
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRun>;

export const schedulerChannels = {
  'jobs.list': channel({
    summary: 'The scheduled jobs of the tenant: schedule, enabled, last run and next run.',
    input: pageInput(['key'], {}),
    output: pageOutput(jobItem),
    access: 'jobs.manage',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'jobs.update': channel({
    summary: 'Enable or disable a job, or change its schedule (null = back to the default).',
    input: z.strictObject({ jobKey, enabled: z.boolean().optional(), schedule: jobSchedule.nullable().optional() }),
    output: jobItem,
    access: 'jobs.manage',
    mutates: true,
  }).sample(() => ({ jobKey: 'routers.health', enabled: true })),
  'jobs.run-now': channel({
    summary: 'Start a run of a job now (recorded with trigger "manual"); does not wait for it to finish.',
    input: z.strictObject({ jobKey }),
    output: z.object({ runId: id }),
    access: 'jobs.manage',
    mutates: true,
  }).sample(() => ({ jobKey: 'routers.health' })),
  'jobs.history': channel({
    summary: 'Runs of one job, newest first, with status, attempts, duration and log.',
    input: pageInput(['scheduledFor', 'startedAt'], { jobKey }),
    output: pageOutput(jobRun),
    access: 'jobs.manage',
    mutates: false,
  }).sample(() => ({ jobKey: 'routers.config-backup', page: 1, pageSize: 25 })),
} as const;
