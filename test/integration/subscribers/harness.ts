import type { InputOf, OutputOf } from '@shared/contract';
import type { Kysely } from 'kysely';
import type { TenantDB } from '../../../src-main/core/db/tenant-schema';
import { systemActor } from '../../../src-main/core/context';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { subscribersOf } from '../../../src-main/core/subscribers/runtime';
import { setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

export interface SubsWorld {
  t: TestCore;
  inst: Installation;
  /** Two routers nobody listens for (port 1): every change waits in the outbox. */
  routerA: string;
  routerB: string;
  call<K extends Parameters<TestCore['call']>[0]>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>;
  db<T>(fn: (db: Kysely<TenantDB>) => Promise<T>): Promise<T>;
  sweep(): Promise<{ expired: number; reactivated: number }>;
  close(): Promise<void>;
}

export async function startSubsWorld(): Promise<SubsWorld> {
  // Tests move the clock by days (expiry): sessions must outlive that.
  const t = await startTestCore({ sessionIdleMs: 365 * 86_400_000, sessionAbsoluteMs: 365 * 86_400_000 });
  const inst = await setUpInstallation(t);
  const call: SubsWorld['call'] = (channel, input) => t.call(channel, input, inst.adminToken);
  const a = await call('routers.create', { name: 'Tower A', host: '127.0.0.1', port: 1, username: 'api', password: 'router pass 1' });
  const b = await call('routers.create', { name: 'Tower B', host: '127.0.0.2', port: 1, username: 'api', password: 'router pass 1' });
  const core = t.booted.core;
  return {
    t, inst, routerA: a.id, routerB: b.id, call,
    db: (fn) => core.tenants.use(inst.tenantId, (h) => fn(h.db)),
    sweep: () => withTenantScope(core, inst.tenantId, systemActor('system:expiry-sweep'), (scope) => subscribersOf(core).runExpirySweep(scope)),
    close: () => t.close(),
  };
}

export function pppoePackage(routerIds: string[], over: Partial<InputOf<'packages.create'>> = {}): InputOf<'packages.create'> {
  return {
    name: 'Home 10M', serviceType: 'pppoe', routerIds, rateLimit: { rxKbps: 5000, txKbps: 10000 },
    pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150000, period: { count: 1, unit: 'months' }, graceHours: 0, ...over,
  };
}

export function staticPackage(pools: { routerId: string; cidr: string }[], over: Partial<InputOf<'packages.create'>> = {}): InputOf<'packages.create'> {
  return {
    name: 'Static 20M', serviceType: 'static', routerIds: pools.map((p) => p.routerId), rateLimit: { rxKbps: 10000, txKbps: 20000 },
    addressPools: pools, priceMinor: 300000, period: { count: 30, unit: 'days' }, graceHours: 0, ...over,
  };
}
