import type { Kysely } from 'kysely';
import type { AUDIT_ACTIONS } from '@shared/contract/auth';
import type { Actor, Core } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import { moduleKey, type ModuleRuntime } from '../module';
import type { Scheduler, SchedulerOptions } from './runner';

/** One audit entry of a staff action on a job (jobs.update, jobs.run-now). */
export interface JobAuditRecord {
  action: Extract<(typeof AUDIT_ACTIONS)[number], `job.${string}`>;
  summary: string;
  targetType: 'job';
  targetId: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to the tenant's audit log. The log belongs to auth, which starts after the scheduler, so auth
 * registers this at its start (the scheduler imports no other domain).
 */
export type JobAuditWriter = (db: Kysely<TenantDB>, actor: Actor, rec: JobAuditRecord) => Promise<void>;

/** The scheduler's runtime: boot hands it every module's `scheduledJobs`; services reach it by key. */
export interface SchedulerRuntime extends ModuleRuntime {
  scheduler: Scheduler;
  audit: { write: JobAuditWriter | null };
}

declare module '../module' {
  interface ModuleOptions {
    scheduler?: SchedulerOptions;
  }
}

export const schedulerKey = moduleKey<SchedulerRuntime>('scheduler');

export function schedulerOf(core: Core): Scheduler {
  return core.modules.get(schedulerKey).scheduler;
}

export async function auditJobAction(core: Core, db: Kysely<TenantDB>, actor: Actor, rec: JobAuditRecord): Promise<void> {
  const write = core.modules.get(schedulerKey).audit.write;
  // Staff actions must not go unrecorded: auth is in every boot, so this only fails on a broken module list.
  if (!write) throw new Error('the audit log writer is not registered (auth module not started)');
  await write(db, actor, rec);
}
