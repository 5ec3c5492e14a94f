import { defineModule } from '../module';
import { systemActor } from '../context';
import { withTenantScope } from '../tenancy/scope';
import { reconcileRouter } from './drift-service';
import { routersWithPendingWork } from './enqueue';
import { routerSyncHandlers } from './handlers';
import { m0007RouterSync } from './migrations/0007-router-sync';
import { m0011RouterSyncDrift } from './migrations/0011-router-sync-drift';
import { routerSyncKey, type DriftOwner, type RouterSyncRuntime } from './runtime';
import { RouterSnapshots } from './snapshots';
import { RouterSyncWorkers, type WorkerOptions } from './workers';

declare module '../module' {
  interface ModuleOptions {
    routerSync?: WorkerOptions;
  }
}

/**
 * Router sync: desired router state, the router outbox and the per-router workers that apply it,
 * read it back and reconcile drift. Other domains enqueue through `enqueueRouterChanges` in their own
 * transaction.
 */
export const routerSyncModule = defineModule({
  name: 'router-sync',
  owns: { tenant: ['routerObjects', 'routerOutbox', 'routerDrift', 'routerSyncRuns'] },
  tenantMigrations: { '0007-router-sync': m0007RouterSync, '0011-router-sync-drift': m0011RouterSyncDrift },
  handlers: routerSyncHandlers,
  key: routerSyncKey,
  start(core, opts): RouterSyncRuntime {
    const workers = new RouterSyncWorkers(core, opts.background, opts.routerSync);
    const owners = new Map<string, DriftOwner>();
    const snapshots = new RouterSnapshots();
    return {
      kick: (tenantId, routerId) => workers.kick(tenantId, routerId),
      drain: (tenantId, routerId) => workers.drain(tenantId, routerId),
      registerOwner(type, owner) {
        owners.set(type, owner);
      },
      ownerOf: (type) => owners.get(type),
      afterReconcile: [],
      snapshots,
      async onTenantActive(tenantId) {
        // Work left by a previous run (or a crash) is picked up at once.
        const routerIds = await core.tenants.use(tenantId, (h) => routersWithPendingWork(h.db));
        workers.startTenant(tenantId, routerIds);
      },
      onTenantInactive(tenantId) {
        workers.stopTenant(tenantId);
        snapshots.dropTenant(tenantId);
      },
      scheduledJobs: [
        {
          key: 'router-sync.reconcile',
          schedule: { everyMs: 15 * 60_000 },
          missed: 'run-once',
          async run(scope, ctx) {
            const routers = await scope.db.selectFrom('routers').select(['id', 'name']).orderBy('name').execute();
            await withTenantScope(scope.core, scope.tenant.id, systemActor('system:reconcile'), async (sys) => {
              for (const r of routers) {
                if (ctx.signal.aborted) return;
                try {
                  const s = await reconcileRouter(sys, r.id);
                  ctx.log(`${r.name}: ${s.missing} missing, ${s.extra} extra, ${s.foreign} foreign, ${s.different} different (${s.apiCalls} API calls)`);
                } catch (e) {
                  // One unreachable router must not stop the others being checked.
                  ctx.log(`${r.name}: not reconciled (${e instanceof Error ? e.message : String(e)})`);
                }
              }
            });
          },
        },
      ],
      close() {
        workers.close();
      },
    };
  },
});
