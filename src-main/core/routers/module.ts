import type { Core } from '../context';
import { RouterConnectionManager, type ConnectionManagerOptions } from './connections';
import { RouterMonitor, type MonitorOptions } from './monitor';
import { RouterStreams } from './streams';
import { BackupScheduler, type BackupScheduleOptions } from './backup-schedule';
import { DemoIsp } from '../demo/demo-isp';

export interface RoutersModule {
  connections: RouterConnectionManager;
  monitor: RouterMonitor;
  streams: RouterStreams;
  backups: BackupScheduler;
  demo: DemoIsp;
  /** Whether monitoring and scheduled work run on their own (off in tests, which drive them directly). */
  background: boolean;
}

declare module '../context' {
  interface CoreServices {
    routers?: RoutersModule;
  }
}

export interface RoutersModuleOptions {
  connections?: ConnectionManagerOptions;
  monitor?: MonitorOptions;
  backups?: BackupScheduleOptions;
  /** Background jobs (monitoring, nightly backups). Tests turn them off and call them directly. */
  background?: boolean;
}

/** Wires the router domain into the core: connections, monitoring, live streams, backups, demo routers. */
export function installRoutersModule(core: Core, opts: RoutersModuleOptions = {}): RoutersModule {
  const connections = new RouterConnectionManager(core, opts.connections);
  const monitor = new RouterMonitor(core, connections, opts.monitor);
  const streams = new RouterStreams(core, connections);
  const backups = new BackupScheduler(core, connections, opts.backups);
  const demo = new DemoIsp(core);
  const background = opts.background ?? true;
  const mod: RoutersModule = { connections, monitor, streams, backups, demo, background };
  core.services.routers = mod;
  core.hooks.add({
    // Demo routers must be listening before monitoring looks at them.
    onActive: async (tenantId) => {
      await demo.startForTenant(tenantId);
      if (background) {
        monitor.start(tenantId);
        backups.start(tenantId);
      }
    },
    onInactive: async (tenantId) => {
      monitor.stop(tenantId);
      backups.stop(tenantId);
      streams.stopTenant(tenantId);
      connections.closeTenant(tenantId);
      await demo.stopForTenant(tenantId);
    },
  });
  return mod;
}

export function routersOf(core: Core): RoutersModule {
  const mod = core.services.routers;
  if (!mod) throw new Error('routers module is not installed');
  return mod;
}
