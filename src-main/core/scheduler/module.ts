import { defineModule } from '../module';
import { schedulerHandlers } from './handlers';
import { m0010Scheduler } from './migrations/0010-scheduler';
import { Scheduler } from './runner';
import { schedulerKey, type SchedulerRuntime } from './runtime';

/**
 * Scheduler: runs every module's scheduled jobs per active tenant and keeps the record of each run
 * (job_runs) and staff overrides (job_settings). Started second, so it imports no other domain; boot
 * hands it the jobs of every started module.
 */
export const schedulerModule = defineModule({
  name: 'scheduler',
  owns: { tenant: ['jobRuns', 'jobSettings'] },
  tenantMigrations: { '0010-scheduler': m0010Scheduler },
  handlers: schedulerHandlers,
  key: schedulerKey,
  start(core, opts): SchedulerRuntime {
    const scheduler = new Scheduler(core, opts.scheduler);
    return {
      scheduler,
      audit: { write: null },
      jobs: [{ name: 'scheduler', start: (t) => scheduler.start(t), stop: (t) => scheduler.stop(t) }],
      onTenantInactive(tenantId) {
        scheduler.stop(tenantId);
      },
      close() {
        scheduler.stopAll();
      },
    };
  },
});
