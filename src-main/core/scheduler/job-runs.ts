import { sql, type Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { JobRun } from '@shared/contract/scheduler';
import type { JobRunsTable, TenantDB } from '../db/tenant-schema';
import { mapPage, pageQuery, type Page } from '../paging';

/**
 * `job_runs` is the record of truth of scheduled work: one row per (job, slot). Inserting the row is the
 * claim — the unique key makes a second process or a restart skip a slot already taken (architecture.md §6).
 */

type Trigger = JobRunsTable['trigger'];

/** Longest log kept per run; a chatty job keeps its first lines and a note that the rest was cut. */
const MAX_LOG_CHARS = 20_000;

export interface NewRun {
  jobKey: string;
  slot: Date;
  now: Date;
  trigger: Trigger;
  status: 'running' | 'skipped';
  triggeredBy?: string | null;
  log?: string;
}

/** Claims a slot; null when it was already claimed (ran, running, skipped or failed). */
export async function insertRun(db: Kysely<TenantDB>, run: NewRun): Promise<string | null> {
  const id = uuidv7(run.now.getTime());
  const done = run.status === 'skipped';
  const r = await db
    .insertInto('jobRuns')
    .values({
      id, jobKey: run.jobKey, scheduledFor: run.slot.toISOString(), status: run.status, startedAt: run.now.toISOString(),
      finishedAt: done ? run.now.toISOString() : null, attempt: done ? 0 : 1, error: null, trigger: run.trigger,
      triggeredBy: run.triggeredBy ?? null, log: run.log ?? '', nextAttemptAt: null,
    })
    .onConflict((oc) => oc.columns(['jobKey', 'scheduledFor']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/** Takes a due retry (status retrying → running) so only one process runs it. */
export async function claimRetry(db: Kysely<TenantDB>, runId: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('jobRuns')
    .set({ status: 'running', attempt: sql<number>`attempt + 1`, nextAttemptAt: null })
    .where('id', '=', runId).where('status', '=', 'retrying').where('nextAttemptAt', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function dueRetries(db: Kysely<TenantDB>, jobKey: string, now: Date) {
  return db.selectFrom('jobRuns').select(['id', 'scheduledFor', 'attempt', 'log'])
    .where('jobKey', '=', jobKey).where('status', '=', 'retrying').where('nextAttemptAt', '<=', now.toISOString())
    .orderBy('scheduledFor').execute();
}

export function capLog(log: string): string {
  return log.length <= MAX_LOG_CHARS ? log : `${log.slice(0, MAX_LOG_CHARS)}\n… (log cut at ${MAX_LOG_CHARS} characters)`;
}

/** Settles an attempt: succeeded, failed for good, or waiting for a retry at `nextAttemptAt`. */
export async function settleRun(
  db: Kysely<TenantDB>,
  runId: string,
  out: { status: 'succeeded' | 'failed' | 'retrying'; now: Date; log: string; error: string | null; nextAttemptAt?: Date },
): Promise<void> {
  await db.updateTable('jobRuns').set({
    status: out.status,
    finishedAt: out.status === 'retrying' ? null : out.now.toISOString(),
    log: capLog(out.log),
    error: out.error?.slice(0, 2_000) ?? null,
    nextAttemptAt: out.nextAttemptAt?.toISOString() ?? null,
  }).where('id', '=', runId).execute();
}

/** The newest run of each job (by start), for the jobs list: one indexed lookup per job (job_key, started_at). */
export async function lastRuns(db: Kysely<TenantDB>, jobKeys: readonly string[]) {
  const rows = await Promise.all(jobKeys.map((key) => db.selectFrom('jobRuns')
    .select(['id', 'jobKey', 'status', 'trigger', 'scheduledFor', 'startedAt', 'finishedAt'])
    .where('jobKey', '=', key).orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()));
  return new Map(rows.flatMap((r) => (r ? [[r.jobKey, r] as const] : [])));
}

export async function runHistory(
  db: Kysely<TenantDB>,
  q: { jobKey: string; page: number; pageSize: number; sort?: { field: 'scheduledFor' | 'startedAt'; dir: 'asc' | 'desc' } },
): Promise<Page<JobRun>> {
  const sort = q.sort ?? { field: 'startedAt', dir: 'desc' };
  const page = await pageQuery(db.selectFrom('jobRuns').where('jobKey', '=', q.jobKey), {
    page: q,
    select: (qb) => qb.selectAll(),
    sort: [{ by: sort.field, dir: sort.dir }, { by: 'id', dir: sort.dir }],
  });
  return mapPage(page, (r) => ({
    id: r.id, jobKey: r.jobKey, status: r.status, trigger: r.trigger, scheduledFor: r.scheduledFor, startedAt: r.startedAt,
    finishedAt: r.finishedAt, attempts: r.attempt, triggeredBy: r.triggeredBy, log: r.log, error: r.error,
    durationMs: r.finishedAt ? Math.max(0, new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime()) : null,
  }));
}

/** Runs left `running` by a process that died (power cut): no process will settle them any more. */
export async function failAbandoned(db: Kysely<TenantDB>, keepIds: readonly string[], startedBefore: Date, now: Date): Promise<void> {
  let q = db.updateTable('jobRuns')
    .set({ status: 'failed', finishedAt: now.toISOString(), error: 'abandoned: the app stopped during this run' })
    .where('status', '=', 'running').where('startedAt', '<', startedBefore.toISOString());
  if (keepIds.length) q = q.where('id', 'not in', keepIds);
  await q.execute();
}

/** Drops settled runs that started before `before` (history is kept for a while, not forever). */
export async function pruneRuns(db: Kysely<TenantDB>, before: Date): Promise<void> {
  await db.deleteFrom('jobRuns').where('startedAt', '<', before.toISOString()).where('status', 'in', ['succeeded', 'failed', 'skipped']).execute();
}
