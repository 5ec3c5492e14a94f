import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routerWorld, type RouterWorld } from '../routers/harness';

let w: RouterWorld;
const subs: Record<string, string> = {};
const pkgs: Record<string, string> = {};

const drain = () => routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId);
const reconcile = () => w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
const driftOf = async (label: string) => (await w.t.call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 100 }, w.inst.adminToken)).items.find((r) => r.label === label);
const secrets = () => w.sim.state.menu('/ppp/secret');
const onRouter = (name: string, props: Record<string, string>) => secrets().update(secrets().find({ name })!['.id']!, props);
const sub = (name: string) => w.t.call('subscribers.get', { subscriberId: subs[name]! }, w.inst.adminToken);

beforeEach(async () => {
  w = await routerWorld();
  for (const [name, profile] of [['Home', 'home'], ['Gold', 'gold']] as const) {
    const p = await w.t.call('packages.create', {
      name, serviceType: 'pppoe', routerIds: [w.routerId], rateLimit: { rxKbps: 5000, txKbps: 5000 },
      pppProfile: { mode: 'managed', name: profile }, priceMinor: 0, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, w.inst.adminToken);
    pkgs[name] = p.id;
  }
  for (const u of ['upgraded', 'cut', 'foreign-profile', 'restored']) {
    const s = await w.t.call('subscribers.create', { fullName: `Customer ${u}`, phones: ['0712000111'], routerId: w.routerId, packageId: pkgs.Home!, username: u }, w.inst.adminToken);
    subs[u] = s.id;
  }
  await w.t.call('subscribers.suspend', { subscriberId: subs.restored! }, w.inst.adminToken);
  expect(await drain()).toMatchObject({ refused: 0, offline: false });
  w.sim.state.menu('/ppp/profile').add({ name: 'bronze' });
  // Changed by hand in Winbox:
  onRouter('upgraded', { profile: 'gold' });
  onRouter('cut', { disabled: 'yes' });
  onRouter('foreign-profile', { profile: 'bronze' });
  onRouter('restored', { disabled: 'no' });
  await reconcile();
});
afterEach(() => w.close());

describe('"adopt theirs" for a subscriber secret', () => {
  it('moves the subscriber to the package of the router profile, suspends or re-activates it, with audit, then syncs clean', async () => {
    const rows = await Promise.all(['upgraded', 'cut', 'restored'].map(async (n) => (await driftOf(n))!));
    expect(rows.map((r) => r.kind)).toEqual(['different', 'different', 'different']);
    expect(await w.t.call('sync.drift.resolve', { ids: rows.map((r) => r.id), action: 'adopt-theirs' }, w.inst.adminToken)).toEqual({ resolved: 3, skipped: 0 });

    expect(await sub('upgraded')).toMatchObject({ packageId: pkgs.Gold, status: 'active' });
    expect(await sub('cut')).toMatchObject({ packageId: pkgs.Home, status: 'suspended' });
    expect(await sub('restored')).toMatchObject({ packageId: pkgs.Home, status: 'active' });
    const history = await w.t.call('subscribers.history', { subscriberId: subs.upgraded!, page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(history.items[0]).toMatchObject({ action: 'subscriber.router-values-adopted', summary: expect.stringContaining('package Gold') });

    expect(await drain()).toMatchObject({ refused: 0, offline: false });
    expect(secrets().find({ name: 'upgraded' })).toMatchObject({ profile: 'gold', disabled: 'false' });
    expect(secrets().find({ name: 'cut' })).toMatchObject({ profile: 'home', disabled: 'true' });
    const again = await reconcile();
    expect(again).toMatchObject({ different: 1, missing: 0, extra: 0 });
    expect(await driftOf('foreign-profile')).toMatchObject({ kind: 'different' });
  });

  it('refuses a router profile no package on that router uses, changing nothing', async () => {
    const row = (await driftOf('foreign-profile'))!;
    const env = await w.t.raw('sync.drift.resolve', { ids: [row.id], action: 'adopt-theirs' }, w.inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'drift.profile-unknown', params: { profile: 'bronze' } } });
    expect(await sub('foreign-profile')).toMatchObject({ packageId: pkgs.Home, status: 'active' });
    expect(await driftOf('foreign-profile')).toMatchObject({ kind: 'different' });
    const history = await w.t.call('subscribers.history', { subscriberId: subs['foreign-profile']!, page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(history.items.map((h) => h.action)).toEqual(['subscriber.created']);
  });
});
