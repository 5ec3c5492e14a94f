import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB } from '../db/tenant-schema';

/**
 * Scheduled work is recorded in `job_runs`, one row per (job, scheduled slot): the unique key is the
 * lock, so a slot runs once even across restarts, and missed slots are caught up (architecture.md §6).
 */

/** The most recent slot of a cron pattern at or before `now`, in the tenant's time zone. */
export function latestSlot(pattern: string, timeZone: string, now: Date): Date | null {
  const cron = new Cron(pattern, { timezone: timeZone, paused: true });
  const [prev] = cron.previousRuns(1, new Date(now.getTime() + 1));
  return prev ?? null;
}

/** Claims a slot; false when it was already claimed (ran, running or failed). */
export async function claimSlot(db: Kysely<TenantDB>, jobKey: string, slot: Date, now: Date): Promise<string | null> {
  const id = uuidv7();
  const r = await db
    .insertInto('jobRuns')
    .values({ id, jobKey, scheduledFor: slot.toISOString(), status: 'running', startedAt: now.toISOString(), finishedAt: null, attempt: 1, error: null })
    .onConflict((oc) => oc.columns(['jobKey', 'scheduledFor']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

export async function finishRun(db: Kysely<TenantDB>, runId: string, now: Date, error: string | null): Promise<void> {
  await db.updateTable('jobRuns').set({ status: error ? 'failed' : 'succeeded', finishedAt: now.toISOString(), error }).where('id', '=', runId).execute();
}
