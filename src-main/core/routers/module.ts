import { defineModule } from '../module';
import { RouterConnectionManager } from './connections';
import { RouterMonitor } from './monitor';
import { RouterStreams } from './streams';
import { configBackupJob } from './backup-schedule';
import { routerHealthJob } from './health-job';
import { routersHandlers } from './handlers';
import { m0002Routers } from './migrations/0002-routers';
import { m0003BackupDetail } from './migrations/0003-backup-detail';
import { m0005RouterEncoding } from './migrations/0005-router-encoding';
import { routersKey, type RoutersRuntime } from './runtime';

/** Routers: the registry, connections, monitoring, live streams and configuration backups. */
export const routersModule = defineModule({
  name: 'routers',
  owns: { tenant: ['routers', 'routerDowntimes', 'routerBackups'] },
  tenantMigrations: { '0002-routers': m0002Routers, '0003-backup-detail': m0003BackupDetail, '0005-router-encoding': m0005RouterEncoding },
  handlers: routersHandlers,
  key: routersKey,
  start(core, opts): RoutersRuntime {
    const connections = new RouterConnectionManager(core, opts.routers?.connections);
    const monitor = new RouterMonitor(core, connections, opts.routers?.monitor);
    const streams = new RouterStreams(core, connections);
    return {
      connections, monitor, streams, background: opts.background,
      jobs: [{ name: 'router-monitor', start: (t) => monitor.start(t), stop: (t) => monitor.stop(t) }],
      scheduledJobs: [configBackupJob(connections, opts.routers?.backups), routerHealthJob(monitor)],
      onTenantInactive(tenantId) {
        streams.stopTenant(tenantId);
        connections.closeTenant(tenantId);
      },
      close() {
        streams.close();
        connections.closeAll();
      },
    };
  },
});
