import type { Core } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';
import type { Scheduler, SchedulerOptions } from './runner';

/** The scheduler's runtime: boot hands it every module's `scheduledJobs`; services reach it by key. */
export interface SchedulerRuntime extends ModuleRuntime {
  scheduler: Scheduler;
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
