import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeEnforcementTag } from '@shared/domain/enforcement-tag';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { systemActor } from '../../../src-main/core/context';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { secret, syncWorld, type SyncWorld } from './harness';

let w: SyncWorld;
const ids: Record<string, string> = {};
const subs = {
  gone: secret('', { sid: 'r-gone', name: 'gone' }),
  changed: secret('', { sid: 'r-changed', name: 'changed' }),
  expired: secret('', { sid: 'r-expired', name: 'expired', disabled: 'yes', expSec: 1_000 }),
  active: secret('', { sid: 'r-active', name: 'active' }),
};

beforeEach(async () => {
  w = await syncWorld();
  w.sim.state.menu('/ppp/profile').add({ name: 'gold' });
  await w.enqueue(Object.values(subs).map((s) => ({ ...s, routerId: w.routerId })));
  expect((await w.drain()).applied).toBe(4);
  const menu = w.sim.state.menu('/ppp/secret');
  for (const s of menu.all()) ids[s.name!] = s['.id']!;
  // Drift made by hand in Winbox:
  menu.remove(ids.gone!);
  menu.update(ids.changed!, { profile: 'gold' });
  menu.add({ name: 'walk-in', profile: 'default' });
  menu.add({ name: 'ghost', comment: encodeEnforcementTag({ subscriberId: 'r-ghost', expiresAtSec: 5, plan: 'default', cutAtSec: null }) });
  // The router's own sweeper cut both; only "expired" is expired in the app too.
  menu.update(ids.expired!, { comment: `${subs.expired.props!.comment};cut=1001` });
  menu.update(ids.active!, { comment: `${subs.active.props!.comment};cut=1001`, disabled: 'yes' });
});
afterEach(() => w.close());

const reconcile = () => w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
const driftList = (includeIgnored = false) => w.t.call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 100, includeIgnored }, w.inst.adminToken);

describe('reconcile', () => {
  it('finds missing, extra, foreign and different items with one list per menu', async () => {
    const before = w.sim.commandsServed;
    const s = await reconcile();
    expect(s).toMatchObject({ missing: 1, extra: 1, foreign: 1, different: 2, ignored: 0, apiCalls: 1 });
    expect(w.sim.commandsServed - before).toBe(1);
    const rows = (await driftList()).items;
    const of = (label: string) => rows.find((r) => r.label === label);
    expect(of('gone')).toMatchObject({ kind: 'missing', routerItemId: null });
    expect(of('walk-in')).toMatchObject({ kind: 'foreign', objectId: null });
    expect(of('ghost')).toMatchObject({ kind: 'extra', objectId: null });
    expect(of('changed')).toMatchObject({ kind: 'different', diffs: [{ prop: 'profile', ours: 'default', theirs: 'gold' }] });
    // The cut stamp alone is no drift while the app also has the subscriber expired …
    expect(of('expired')).toBeUndefined();
    // … but an active subscriber cut on the router is.
    expect(of('active')!.diffs.map((d) => d.prop).sort()).toEqual(['comment', 'disabled']);
    const status = await w.t.call('sync.status', { routerId: w.routerId }, w.inst.adminToken);
    expect(status.routers[0]).toMatchObject({ openDrift: 5, lastReconcileAt: s.at });
  });

  it('"apply ours" in bulk restores desired state, removes our leftovers and leaves foreign items alone', async () => {
    await reconcile();
    const r = await w.t.call('sync.drift.resolve', { routerId: w.routerId, all: true, action: 'apply-ours' }, w.inst.adminToken);
    expect(r).toEqual({ resolved: 4, skipped: 1 });
    await w.drain();
    const names = w.sim.state.menu('/ppp/secret').all().map((s) => s.name).sort();
    expect(names).toEqual(['active', 'changed', 'expired', 'gone', 'walk-in']);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'changed' })!.profile).toBe('default');
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'active' })).toMatchObject({ disabled: 'false', comment: subs.active.props!.comment });
    // The expired subscriber's cut stamp is left for the router.
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'expired' })!.comment).toBe(`${subs.expired.props!.comment};cut=1001`);
    const again = await reconcile();
    expect(again).toMatchObject({ missing: 0, extra: 0, foreign: 1, different: 0 });
  });

  it('refuses "apply ours" on a foreign item chosen by id, writing nothing', async () => {
    await reconcile();
    const rows = (await driftList()).items;
    const env = await w.t.raw('sync.drift.resolve', { ids: rows.map((r) => r.id), action: 'apply-ours' }, w.inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'drift.action-not-possible', params: { kind: 'foreign' } } });
    expect((await driftList()).total).toBe(5);
    expect((await w.outbox()).every((o) => o.status === 'done')).toBe(true);
  });

  it('remembers "ignore" until the router value changes', async () => {
    await reconcile();
    const foreign = (await driftList()).items.find((r) => r.kind === 'foreign')!;
    await w.t.call('sync.drift.resolve', { ids: [foreign.id], action: 'ignore' }, w.inst.adminToken);
    const second = await reconcile();
    expect(second).toMatchObject({ foreign: 0, ignored: 1 });
    expect((await driftList()).items.some((r) => r.label === 'walk-in')).toBe(false);
    expect((await driftList(true)).items.find((r) => r.label === 'walk-in')!.status).toBe('ignored');
    w.sim.state.menu('/ppp/secret').update(w.sim.state.menu('/ppp/secret').find({ name: 'walk-in' })!['.id']!, { profile: 'gold' });
    expect(await reconcile()).toMatchObject({ foreign: 1, ignored: 0 });
  });

  it('"adopt theirs" needs the owning domain, then hands it the router values', async () => {
    // Packages register no adoption: their objects' drift cannot be adopted.
    await w.enqueue([{ routerId: w.routerId, menu: '/ppp/profile', tag: 'name=silver', owner: { type: 'package', id: 'p-silver' }, props: { name: 'silver', 'rate-limit': '5M/5M' } }]);
    await w.drain();
    const profiles = w.sim.state.menu('/ppp/profile');
    profiles.update(profiles.find({ name: 'silver' })!['.id']!, { 'rate-limit': '9M/9M' });
    await reconcile();
    const silver = (await driftList()).items.find((r) => r.label === 'silver')!;
    const refused = await w.t.raw('sync.drift.resolve', { ids: [silver.id], action: 'adopt-theirs' }, w.inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'drift.no-owner', params: { ownerType: 'package' } } });
    // The subscribers domain registers itself at start; a test owner replaces it here (these objects have no subscriber rows).
    const changed = (await driftList()).items.find((r) => r.label === 'changed')!;
    const adopted: { ownerId: string; profile: string | undefined }[] = [];
    routerSyncOf(w.t.booted.core).registerOwner('subscriber', {
      adoptTheirs: (_scope, obj, props) => {
        adopted.push({ ownerId: obj.ownerId, profile: props.profile });
        return Promise.resolve();
      },
    });
    expect(await w.t.call('sync.drift.resolve', { ids: [changed.id], action: 'adopt-theirs' }, w.inst.adminToken)).toEqual({ resolved: 1, skipped: 0 });
    expect(adopted).toEqual([{ ownerId: 'r-changed', profile: 'gold' }]);
  });

  it('the scheduled reconcile job checks every router of the tenant as system:reconcile', async () => {
    const job = routerSyncOf(w.t.booted.core).scheduledJobs!.find((j) => j.key === 'router-sync.reconcile')!;
    expect(job).toMatchObject({ schedule: { everyMs: 15 * 60_000 }, missed: 'run-once' });
    const lines: string[] = [];
    await withTenantScope(w.t.booted.core, w.inst.tenantId, systemActor('system:reconcile'), (scope) =>
      job.run(scope, { slot: new Date(), log: (l) => lines.push(l), signal: new AbortController().signal }));
    expect(lines).toEqual(['Core: 1 missing, 1 extra, 1 foreign, 2 different (1 API calls)']);
    expect((await driftList()).total).toBe(5);
  });

  it('lists managed objects per owner with their sync state', async () => {
    const page = await w.t.call('sync.objects', { owner: { type: 'subscriber', id: 'r-changed' }, page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ status: 'synced', menu: '/ppp/secret', desired: { name: 'changed', profile: 'default' } });
  });

  it('an unreachable router gives the router diagnosis, keeps the earlier drift and records the failed run', async () => {
    await reconcile();
    w.sim.faults.set({ refuseLogin: true });
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
    const env = await w.t.raw('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { key: 'router.unavailable' } });
    expect((await driftList()).total).toBe(5);
    const runs = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('routerSyncRuns').selectAll().execute());
    expect(runs).toEqual([expect.objectContaining({ routerId: w.routerId, apiCalls: 0, error: expect.stringMatching(/.+/) })]);
  });
});
