import type { ScheduledJobDef } from '../module';
import type { RouterMonitor } from './monitor';

export const HEALTH_JOB = 'routers.health';

/**
 * A recorded health pass over the tenant's routers (the monitor's own check: API login, resource,
 * identity; status, downtime and alerts follow from it). Live status comes from the monitor's frequent
 * checks; this job leaves a history a technician can read back ("was it down at 03:00?"). A router being
 * down is a finding, not a failure of the job: the pass fails only if it could not run.
 */
export function routerHealthJob(monitor: RouterMonitor): ScheduledJobDef {
  return {
    key: HEALTH_JOB,
    schedule: { everyMs: 15 * 60_000 },
    missed: 'skip',
    maxAttempts: 2,
    retryBaseMs: 60_000,
    actor: 'system:monitor',
    async run(scope, { log, signal }) {
      const routers = await scope.db.selectFrom('routers').select(['id', 'name']).orderBy('name').execute();
      if (routers.length === 0) log('no routers yet');
      const outcomes = await Promise.all(routers.map(async (r) => ({ r, o: await monitor.checkRouter(scope.tenant.id, r.id) })));
      if (signal.aborted) throw new Error('aborted');
      for (const { r, o } of outcomes) {
        const state = !o.ok ? `down (${o.error?.note.code ?? 'no answer'})` : o.degradedReason ? `degraded (${o.degradedReason.code})` : 'online';
        log(`${r.name}: ${state}`);
      }
      log(`${outcomes.filter((x) => x.o.ok).length} of ${outcomes.length} routers answered`);
    },
  };
}
