import { AppError } from '@shared/domain/errors';
import type { ScheduledJobDef } from '../module';
import type { RouterConnectionManager } from './connections';
import { fetchBackup } from './backups';

export interface BackupScheduleOptions {
  /** Default cron pattern in the tenant's time zone (staff may change it); 02:00 every night. */
  pattern?: string;
}

export const CONFIG_BACKUP_JOB = 'routers.config-backup';

/**
 * Nightly configuration backups of every router, run by the scheduler. Missed nights (PC off) catch up
 * once — one backup after days off, not one per night. A router that fails fails the attempt, so the
 * whole pass retries later (routers already fetched just show "unchanged": versions are kept on change).
 */
export function configBackupJob(connections: RouterConnectionManager, opts: BackupScheduleOptions = {}): ScheduledJobDef {
  return {
    key: CONFIG_BACKUP_JOB,
    schedule: { cron: opts.pattern ?? '0 2 * * *' },
    missed: 'run-once',
    maxAttempts: 3,
    retryBaseMs: 15 * 60_000,
    actor: 'system:backup',
    async run(scope, { log, signal }) {
      const routers = await scope.db.selectFrom('routers').select(['id', 'name']).orderBy('name').execute();
      const failures: string[] = [];
      for (const r of routers) {
        if (signal.aborted) throw new Error('aborted');
        try {
          const b = await fetchBackup(scope.core, connections, scope.tenant.id, r.id, 'nightly');
          log(`${r.name}: ${b.first ? 'first version kept' : b.changed ? 'changed, new version kept' : 'unchanged'}`);
        } catch (e) {
          // Job-run text is for developers and logs: the code and its params, not words.
          const why = e instanceof AppError ? `${e.key} ${JSON.stringify(e.params)}` : e instanceof Error ? e.message : String(e);
          failures.push(`${r.name}: ${why}`);
          log(`${r.name}: failed ${why}`);
        }
      }
      log(`${routers.length - failures.length} of ${routers.length} routers backed up`);
      if (failures.length) throw new Error(failures.join('; '));
    },
  };
}
