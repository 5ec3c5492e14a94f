import type { schedulerChannels } from '@shared/contract/scheduler';
import type { HandlersFor } from '../rpc/handlers';
import { jobHistory, listJobs, runJobNow, updateJob } from './jobs-service';

type SchedulerChannels = Extract<keyof typeof schedulerChannels, string>;

export const schedulerHandlers: HandlersFor<SchedulerChannels> = {
  'jobs.list': (q, ctx) => listJobs(ctx, q),
  'jobs.update': (i, ctx) => updateJob(ctx, i),
  'jobs.run-now': (i, ctx) => runJobNow(ctx, i.jobKey),
  'jobs.history': (q, ctx) => jobHistory(ctx, q),
};
