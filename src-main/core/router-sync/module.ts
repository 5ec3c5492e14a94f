import { defineModule } from '../module';
import { m0007RouterSync } from './migrations/0007-router-sync';
import { routerSyncKey, type RouterSyncRuntime } from './runtime';

/**
 * Router sync: desired router state, the router outbox and the per-router workers that apply it,
 * read it back and reconcile drift. Other domains enqueue through `enqueueRouterChanges` in their own
 * transaction.
 */
export const routerSyncModule = defineModule({
  name: 'router-sync',
  owns: { tenant: ['routerObjects', 'routerOutbox'] },
  tenantMigrations: { '0007-router-sync': m0007RouterSync },
  key: routerSyncKey,
  start(): RouterSyncRuntime {
    // The worker lands with the outbox worker work; until then changes wait in the outbox.
    return { kick: () => undefined };
  },
});
