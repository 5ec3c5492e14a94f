import { sameSchedule } from '@shared/domain/job-schedule';
import type { JobItem, JobRun } from '@shared/contract/scheduler';
import type { ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { pageInMemory, type Page } from '../paging';
import { lastRuns, runHistory } from './job-runs';
import { readJobSettings, saveJobSetting } from './job-settings';
import { defaultScheduleOf } from './runner';
import { auditJobAction, schedulerOf } from './runtime';

/** Every registered job with its schedule in force, last run and next slot. */
export async function listJobs(scope: TenantScope, q: ParsedInputOf<'jobs.list'>): Promise<Page<JobItem>> {
  const items = await jobItems(scope);
  return pageInMemory(items, q, { defaultSort: { field: 'key', dir: 'asc' }, searchText: (j) => [j.key], value: (j, f) => (f === 'key' ? j.key : '') });
}

async function jobItems(scope: TenantScope): Promise<JobItem[]> {
  const scheduler = schedulerOf(scope.core);
  const defs = scheduler.jobs();
  const [settings, last] = await Promise.all([readJobSettings(scope.db), lastRuns(scope.db, defs.map((d) => d.key))]);
  return defs.map((def) => {
    const eff = scheduler.effective(def, scope.tenant.createdAt, settings.get(def.key));
    const run = last.get(def.key);
    const next = eff.enabled ? scheduler.nextRunAt(eff.schedule, scope.tenant.timezone) : null;
    return {
      key: def.key, schedule: eff.schedule, defaultSchedule: defaultScheduleOf(def), enabled: eff.enabled, missed: def.missed,
      maxAttempts: Math.max(1, def.maxAttempts ?? 1), running: scheduler.isRunning(scope.tenant.id, def.key),
      lastRun: run ? { id: run.id, status: run.status, trigger: run.trigger, scheduledFor: run.scheduledFor, startedAt: run.startedAt, finishedAt: run.finishedAt } : null,
      nextRunAt: next?.toISOString() ?? null,
    };
  });
}

/** Enables, disables or reschedules a job; slots before the change are not owed (no surprise catch-up). */
export async function updateJob(scope: TenantScope, input: ParsedInputOf<'jobs.update'>): Promise<JobItem> {
  const def = schedulerOf(scope.core).job(input.jobKey);
  const current = (await readJobSettings(scope.db)).get(def.key);
  const enabled = input.enabled ?? current?.enabled ?? true;
  const requested = input.schedule === undefined ? (current?.schedule ?? null) : input.schedule;
  // The default written out by hand is stored as "default", so a later change of the default applies.
  const schedule = requested && sameSchedule(requested, defaultScheduleOf(def)) ? null : requested;
  await scope.db.transaction().execute(async (trx) => {
    await saveJobSetting(trx, def.key, { enabled, schedule, updatedAt: scope.core.clock.now().toISOString() }, scope.actor.name);
    const what = [enabled !== (current?.enabled ?? true) ? (enabled ? 'enabled' : 'disabled') : null, input.schedule !== undefined ? (schedule ? 'schedule changed' : 'default schedule') : null]
      .filter((x) => x !== null);
    await auditJobAction(scope.core, trx, scope.actor, {
      action: 'job.updated', summary: `Scheduled task ${def.key}: ${what.length > 0 ? what.join(', ') : 'saved unchanged'}`, targetType: 'job', targetId: def.key,
      details: { before: { enabled: current?.enabled ?? true, schedule: current?.schedule ?? null }, after: { enabled, schedule } },
    });
  });
  const items = await jobItems(scope);
  return items.find((j) => j.key === def.key)!;
}

export async function runJobNow(scope: TenantScope, jobKey: string): Promise<{ runId: string }> {
  const runId = await schedulerOf(scope.core).runNow(scope.tenant.id, jobKey, scope.actor);
  await auditJobAction(scope.core, scope.db, scope.actor, { action: 'job.run-started', summary: `Started scheduled task ${jobKey} by hand`, targetType: 'job', targetId: jobKey, details: { runId } });
  return { runId };
}

export async function jobHistory(scope: TenantScope, q: ParsedInputOf<'jobs.history'>): Promise<Page<JobRun>> {
  schedulerOf(scope.core).job(q.jobKey);
  return runHistory(scope.db, q);
}
