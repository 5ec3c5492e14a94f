import { defineModule } from '../module';
import { routerSyncOf } from '../router-sync/runtime';
import { checkRouterEnforcement, routersWithEnforcement, writeHighWaterMarkIfEnforced } from './check';
import { enforcementHandlers } from './handlers';
import { m0009Enforcement } from './migrations/0009-enforcement';
import { enforcementKey, type EnforcementRuntime } from './runtime';

/**
 * Expiry enforcement on the router itself (README "Expiry enforcement on the router"): the router-side
 * sweeper and its prerequisites (installed through the router outbox after a pre-flight), the tenant's
 * enforcement settings, and the app-side high-water mark and health check on a live connection.
 */
export const enforcementModule = defineModule({
  name: 'enforcement',
  owns: { tenant: ['enforcementSettings'] },
  tenantMigrations: { '0009-enforcement': m0009Enforcement },
  handlers: enforcementHandlers,
  key: enforcementKey,
  start(core): EnforcementRuntime {
    routerSyncOf(core).afterReconcile.push(async (scope, routerId) => {
      await writeHighWaterMarkIfEnforced(scope, routerId);
    });
    return {
      lastTickRuns: new Map(),
      expiryActionListeners: [],
      healthListeners: [],
      scheduledJobs: [
        {
          key: 'enforcement.router-check',
          schedule: { everyMs: 15 * 60_000 },
          missed: 'skip',
          async run(scope, ctx) {
            for (const routerId of await routersWithEnforcement(scope)) {
              try {
                const r = await checkRouterEnforcement(scope, routerId);
                ctx.log(`${routerId}: hwm ${r.hwm.written ? `written ${r.hwm.hwm}` : `kept (${r.hwm.reason})`}; findings ${JSON.stringify(r.health.findings)}${r.rulesMoved > 0 ? `; ${r.rulesMoved} firewall rule(s) moved back to the top of their chain` : ''}`);
              } catch (e) {
                // One unreachable router must not hide the others; the outbox and monitor report it.
                ctx.log(`${routerId}: not checked (${e instanceof Error ? e.message : String(e)})`);
              }
            }
          },
        },
      ],
    };
  },
});
