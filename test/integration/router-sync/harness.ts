import { subscriberTagPrefix, encodeEnforcementTag } from '@shared/domain/enforcement-tag';
import type { DesiredObject } from '../../../src-main/core/router-sync/desired-object';
import { enqueueRouterChanges } from '../../../src-main/core/router-sync/enqueue';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import type { RouterObjectsTable, RouterOutboxTable } from '../../../src-main/core/db/tenant-schema';
import { routerWorld, type RouterWorld } from '../routers/harness';
import type { TenantHandle } from '../../../src-main/core/db/tenant-pool';
import type { SimulatorOptions } from '../../../src-main/routeros-simulator';

export interface SyncWorld extends RouterWorld {
  enqueue(changes: readonly DesiredObject[]): Promise<number>;
  drain(): ReturnType<ReturnType<typeof routerSyncOf>['drain']>;
  objects(): Promise<RouterObjectsTable[]>;
  outbox(): Promise<RouterOutboxTable[]>;
  secrets(): Record<string, string>[];
}

/** A tenant with one router on a simulator (virtual clock), and helpers to enqueue and drain. */
export async function syncWorld(sim: SimulatorOptions = {}): Promise<SyncWorld> {
  const w = await routerWorld({
    sim: { clock: 'virtual', ...sim },
    core: { routers: { monitor: { retryDelayMs: 20 }, connections: { connectTimeoutMs: 2_000, commandTimeoutMs: 3_000, backoffBaseMs: 60_000, backoffMaxMs: 60_000 } } },
  });
  const core = w.t.booted.core;
  const use = <T>(fn: (h: TenantHandle) => Promise<T>) => core.tenants.use(w.inst.tenantId, fn);
  return {
    ...w,
    enqueue: (changes) => use((h) => h.db.transaction().execute((trx) => enqueueRouterChanges(trx, changes, core.clock.now()))),
    drain: () => routerSyncOf(core).drain(w.inst.tenantId, w.routerId),
    objects: () => use((h) => h.db.selectFrom('routerObjects').selectAll().orderBy('id').execute()),
    outbox: () => use((h) => h.db.selectFrom('routerOutbox').selectAll().orderBy('id').execute()),
    secrets: () => w.sim.state.menu('/ppp/secret').all(),
  };
}

let n = 0;
/** A subscriber's PPPoE secret as SUBS will enqueue it (expiry one day after `now`). */
export function secret(routerId: string, over: { sid?: string; name?: string; profile?: string; disabled?: string; expSec?: number; delete?: boolean } = {}): DesiredObject {
  const sid = over.sid ?? `sub-${++n}`;
  const comment = encodeEnforcementTag({ subscriberId: sid, expiresAtSec: over.expSec ?? 4_000_000_000, plan: over.profile ?? 'default', cutAtSec: null });
  return {
    routerId, menu: '/ppp/secret', tag: subscriberTagPrefix(sid), owner: { type: 'subscriber', id: sid },
    props: over.delete ? null : { name: over.name ?? `user-${sid}`, service: 'pppoe', profile: over.profile ?? 'default', disabled: over.disabled ?? 'no', comment },
  };
}
