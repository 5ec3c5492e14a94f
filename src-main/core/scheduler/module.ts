import { defineModule } from '../module';

/** Scheduler: the record of every background run (job_runs), claimed and settled through job-runs.ts. */
export const schedulerModule = defineModule({
  name: 'scheduler',
  owns: { tenant: ['jobRuns'] },
});
