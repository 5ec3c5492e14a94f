import type { Core } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';
import type { RouterConnectionManager, ConnectionManagerOptions } from './connections';
import type { RouterMonitor, MonitorOptions } from './monitor';
import type { RouterStreams } from './streams';
import type { BackupScheduleOptions } from './backup-schedule';

/** The router domain's live parts: connections, monitoring, live streams (backups run as scheduled jobs). */
export interface RoutersRuntime extends ModuleRuntime {
  connections: RouterConnectionManager;
  monitor: RouterMonitor;
  streams: RouterStreams;
  /** Whether monitoring and scheduled work run on their own (off in tests, which drive them directly). */
  background: boolean;
}

export interface RoutersModuleOptions {
  connections?: ConnectionManagerOptions;
  monitor?: MonitorOptions;
  backups?: BackupScheduleOptions;
}

declare module '../module' {
  interface ModuleOptions {
    routers?: RoutersModuleOptions;
  }
}

export const routersKey = moduleKey<RoutersRuntime>('routers');

export function routersOf(core: Core): RoutersRuntime {
  return core.modules.get(routersKey);
}
