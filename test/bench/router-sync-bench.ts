/**
 * Router sync figures (issue 9 §9):
 * - `subscribers.outbox_1k_ms`: 1,000 queued secret changes applied and verified (read back) on a simulator
 *   answering with 1 ms latency, through the outbox worker (one drain).
 * - `subscribers.reconcile_20k_ms`: 20,000 PPPoE secrets tagged as subscriber objects on 2 simulated routers
 *   (desired rows inserted directly, routers seeded through the simulator state), 1 % drift; both routers
 *   reconciled one after the other, as the scheduled job does.
 * - `subscribers.reconcile_20k_api_calls`: API commands the simulators served for the reconcile AND the
 *   repair of its drift ("apply ours" on every drift row, then one drain of each router's outbox), and
 *   `subscribers.reconcile_20k_api_budget`: per router 1 list per managed menu + 1 write per drifted object
 *   + 1 listing of `/ppp/active` when a repair changed more than 16 secrets' profile or disabled flag (those
 *   sessions must be ended for the change to apply, and which exist is only known by reading them).
 *   The repair stays within it because the worker takes the reconcile's fresh listing (router-sync/snapshots.ts,
 *   at most 5 minutes old, used once) as its read before writing, and leaves the read-back to the next listing:
 *   the bench reconciles once more afterwards (not counted) and requires no drift left.
 * Runnable alone: npx tsx test/bench/router-sync-bench.ts
 */
import { encodeEnforcementTag, subscriberTagPrefix } from '@shared/domain/enforcement-tag';
import type { Insertable } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { RouterObjectsTable } from '../../src-main/core/db/tenant-schema';
import { enqueueRouterChanges } from '../../src-main/core/router-sync/enqueue';
import { routerSyncOf } from '../../src-main/core/router-sync/runtime';
import { reconcileRouter, resolveDrift } from '../../src-main/core/router-sync/drift-service';
import { routersOf } from '../../src-main/core/routers/runtime';
import { withTenantScope } from '../../src-main/core/tenancy/scope';
import { systemActor } from '../../src-main/core/context';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import type { DesiredObject } from '../../src-main/core/router-sync/desired-object';
import { setUpInstallation, startTestCore, type TestCore } from '../fixtures/test-core';
import { defineBench } from './figures';

const USER = { name: 'api', password: 'bench router pass 1', group: 'full' };

async function withRouters<T>(count: number, fn: (t: TestCore, tenantId: string, routers: { id: string; sim: RouterSimulator }[]) => Promise<T>): Promise<T> {
  const t = await startTestCore({ routers: { connections: { commandTimeoutMs: 120_000, connectTimeoutMs: 5_000 } } });
  const sims: RouterSimulator[] = [];
  try {
    const inst = await setUpInstallation(t);
    const routers = [];
    for (let i = 0; i < count; i++) {
      const sim = await startRouterSimulator({ users: [USER], seed: 'minimal', clock: 'virtual' });
      sims.push(sim);
      const r = await t.call('routers.create', { name: `Bench ${i + 1}`, host: '127.0.0.1', port: sim.port, username: USER.name, password: USER.password }, inst.adminToken);
      routers.push({ id: r.id, sim });
    }
    return await fn(t, inst.tenantId, routers);
  } finally {
    await t.close();
    for (const s of sims) await s.stop();
  }
}

function subscriberSecret(routerId: string, i: number, profile = 'default'): DesiredObject {
  const sid = `bench-${routerId.slice(-6)}-${i}`;
  return {
    routerId, menu: '/ppp/secret', tag: subscriberTagPrefix(sid), owner: { type: 'subscriber', id: sid },
    props: { name: `u${routerId.slice(-6)}-${i}`, service: 'pppoe', profile, disabled: 'no', comment: encodeEnforcementTag({ subscriberId: sid, expiresAtSec: 4_000_000_000, plan: profile, cutAtSec: null }) },
  };
}

export async function benchOutbox1k(): Promise<number> {
  return withRouters(1, async (t, tenantId, [router]) => {
    const core = t.booted.core;
    const changes = Array.from({ length: 1000 }, (_, i) => subscriberSecret(router!.id, i));
    await core.tenants.use(tenantId, (h) => h.db.transaction().execute((trx) => enqueueRouterChanges(trx, changes, core.clock.now())));
    router!.sim.faults.set({ latencyMs: 1 });
    const t0 = performance.now();
    const r = await routerSyncOf(core).drain(tenantId, router!.id);
    const ms = performance.now() - t0;
    const onRouter = router!.sim.state.menu('/ppp/secret').all().length;
    if (r.applied !== 1000 || r.offline || onRouter !== 1000) throw new Error(`outbox bench: applied ${r.applied}, ${onRouter} on the router, offline=${r.offline} ${r.error ?? ''}`);
    return Math.round(ms);
  });
}

export async function benchReconcile20k(): Promise<{ ms: number; calls: number; budget: number; drift: number }> {
  const perRouter = 10_000;
  return withRouters(2, async (t, tenantId, routers) => {
    const core = t.booted.core;
    const at = core.clock.now().toISOString();
    let budget = 0;
    let expectedDrift = 0;
    for (const r of routers) {
      const menu = r.sim.state.menu('/ppp/secret');
      r.sim.state.menu('/ppp/profile').add({ name: 'gold' });
      const rows: Insertable<RouterObjectsTable>[] = [];
      let drifted = 0;
      for (let i = 0; i < perRouter; i++) {
        const d = subscriberSecret(r.id, i);
        rows.push({
          id: uuidv7(), routerId: r.id, menu: d.menu, tag: d.tag, ownerType: 'subscriber' as const, ownerId: d.owner.id, desired: JSON.stringify(d.props),
          sealed: null, version: 1, appliedVersion: 1, status: 'synced' as const, lastError: null, lastSyncedAt: at, updatedAt: at,
        });
        // 1 % drift: every 100th object missing on the router, every 100th (offset 50) with another profile.
        if (i % 200 === 0) { drifted++; continue; }
        if (i % 200 === 100) { drifted++; menu.add({ ...d.props!, profile: 'gold' }); continue; }
        menu.add(d.props!);
      }
      await core.tenants.use(tenantId, async (h) => {
        for (let i = 0; i < rows.length; i += 500) await h.db.insertInto('routerObjects').values(rows.slice(i, i + 500)).execute();
      });
      budget += 1 + drifted + 1; // one managed menu, one write per drifted object, one /ppp/active listing (50 profile changes)
      expectedDrift += drifted;
    }
    // Open the connections first: the figure is the reconcile, not the API login.
    for (const r of routers) await routersOf(core).connections.run(tenantId, r.id, (c) => c.print('/system/identity'));
    const before = routers.reduce((n, r) => n + r.sim.commandsServed, 0);
    const t0 = performance.now();
    let drift = 0;
    let calls = 0;
    await withTenantScope(core, tenantId, systemActor('system:reconcile'), async (scope) => {
      for (const r of routers) {
        const s = await reconcileRouter(scope, r.id);
        drift += s.missing + s.extra + s.foreign + s.different;
        calls += s.apiCalls;
      }
    });
    const ms = performance.now() - t0;
    const servedReconcile = routers.reduce((n, r) => n + r.sim.commandsServed, 0) - before;
    if (drift !== expectedDrift) throw new Error(`reconcile bench: found ${drift} drift, expected ${expectedDrift}`);
    // The simulators' own count is the figure; the reconcile's count must agree with it.
    if (servedReconcile !== calls) throw new Error(`reconcile bench: the routers served ${servedReconcile} commands, reconcile counted ${calls}`);

    // Repair: "apply ours" on all drift, then the worker drains each router.
    await withTenantScope(core, tenantId, systemActor('system:reconcile'), async (scope) => {
      for (const r of routers) {
        const res = await resolveDrift(scope, { routerId: r.id, all: true, action: 'apply-ours' });
        if (res.resolved !== expectedDrift / routers.length) throw new Error(`reconcile bench: apply ours resolved ${res.resolved}`);
      }
    });
    for (const r of routers) {
      const d = await routerSyncOf(core).drain(tenantId, r.id);
      if (d.offline || d.refused > 0) throw new Error(`reconcile bench: repair drain refused ${d.refused}, offline=${d.offline} ${d.error ?? ''}`);
    }
    const served = routers.reduce((n, r) => n + r.sim.commandsServed, 0) - before;
    if (served > budget) throw new Error(`reconcile bench: reconcile + repair sent ${served} API commands, budget ${budget}`);
    // Read-back happens at the next listing: reconcile again (not counted) and require the routers to match.
    await withTenantScope(core, tenantId, systemActor('system:reconcile'), async (scope) => {
      for (const r of routers) {
        const s = await reconcileRouter(scope, r.id);
        const left = s.missing + s.extra + s.foreign + s.different;
        if (left !== 0) throw new Error(`reconcile bench: ${left} drift left after the repair`);
        if (r.sim.state.menu('/ppp/secret').all().length !== perRouter) throw new Error('reconcile bench: secret count differs after the repair');
      }
    });
    return { ms: Math.round(ms), calls: served, budget, drift };
  });
}

export const routerSyncBench = defineBench({
  title: 'Router sync (outbox 1k at 1 ms latency; reconcile 20k secrets on 2 routers, 1 % drift)',
  keys: ['subscribers.outbox_1k_ms', 'subscribers.reconcile_20k_ms', 'subscribers.reconcile_20k_api_calls', 'subscribers.reconcile_20k_api_budget'],
  async run(log) {
    const outbox = await benchOutbox1k();
    log(`  outbox: 1,000 changes applied and verified in ${outbox} ms (goal < 2,000)`);
    const rec = await benchReconcile20k();
    log(`  reconcile: 20,000 secrets, ${rec.drift} drifted, ${rec.ms} ms (goal < 5,000); reconcile + repair ${rec.calls} API calls (budget ${rec.budget})`);
    return {
      'subscribers.outbox_1k_ms': outbox,
      'subscribers.reconcile_20k_ms': rec.ms,
      'subscribers.reconcile_20k_api_calls': rec.calls,
      'subscribers.reconcile_20k_api_budget': rec.budget,
    };
  },
});

if (process.argv[1]?.endsWith('router-sync-bench.ts')) {
  routerSyncBench.run((l) => console.log(l)).then(
    (f) => console.log(JSON.stringify(f)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
