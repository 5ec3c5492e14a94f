import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { seedMikhmonHotspot, type MikhmonSeedResult } from '../../../src-main/routeros-simulator';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

/** The router's hotspot as plain rows (ids, names, every printed prop), to prove adoption wrote nothing. */
function routerHotspot(w: SyncWorld): string {
  return JSON.stringify([w.sim.state.menu('/ip/hotspot/user/profile').all(), w.sim.state.menu('/ip/hotspot/user').all()]);
}

describe('adopting a Mikhmon-style hotspot: profiles become plans, users vouchers grouped by batch comment', () => {
  let w: SyncWorld;
  let seed: MikhmonSeedResult;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  const PER_PROFILE = 30;

  beforeAll(async () => {
    w = await syncWorld();
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
    seed = seedMikhmonHotspot(w.sim.state, { randomSeed: 11, usersPerProfile: PER_PROFILE, batchSize: 10 });
  });
  afterAll(() => w.t.close());

  const mikhmonBatches = (profile: string) => new Set(seed.batches[profile]).size;

  it('previews plans, batches and vouchers with the users left out and why, writing nothing', async () => {
    const before = routerHotspot(w);
    const p = await call('hotspot.adopt.preview', { routerId: w.routerId });
    const batches = mikhmonBatches('1HOUR') + mikhmonBatches('1DAY') + mikhmonBatches('7DAYS') + 1;
    expect(p.counts).toEqual({
      users: 3 * PER_PROFILE + 5, plansNew: 3, plansExisting: 0, batchesNew: batches, batchesExisting: 0,
      vouchersNew: 3 * PER_PROFILE + 2, vouchersExisting: 0, skipped: 3,
    });
    expect(new Map(p.skipped.map((s) => [s.reason, s.examples]))).toEqual(new Map([
      ['router-builtin', ['default-trial']], ['default-profile', [seed.admin]], ['disabled', [seed.disabled]],
    ]));
    const plans = new Map(p.plans.map((x) => [x.profile, x]));
    expect(plans.get('1HOUR')).toMatchObject({ willCreate: true, priceMinor: 2000, rateLimit: '2000k/2000k', limit: { kind: 'uptime', seconds: 3600 }, vouchers: PER_PROFILE + 2, differs: [] });
    // The selling price wins over the price; without one (7DAYS) the price counts.
    expect(plans.get('1DAY')).toMatchObject({ priceMinor: 6000, rateLimit: '3000k/5000k', limit: { kind: 'uptime', seconds: 86_400 } });
    // No limit-uptime on its users: Mikhmon's validity (enforced by its own on-login script) is the plan's limit.
    expect(plans.get('7DAYS')).toMatchObject({ priceMinor: 30_000, limit: { kind: 'validity', seconds: 7 * 86_400 } });
    expect(plans.has('default')).toBe(false);
    const other = p.batches.find((b) => b.comment === '');
    expect(other).toMatchObject({ profile: '1HOUR', mode: 'same', vouchers: 2 });
    expect(p.batches.filter((b) => b.profile === '7DAYS').every((b) => b.mode === 'pin' && b.comment.startsWith('up-'))).toBe(true);
    expect(routerHotspot(w)).toBe(before);
  });

  it('applies: plans with Mikhmon prices, batches keeping their comments and modes, passwords kept — and the router untouched', async () => {
    const before = routerHotspot(w);
    const r = await call('hotspot.adopt.apply', { routerId: w.routerId, confirm: true });
    const batches = mikhmonBatches('1HOUR') + mikhmonBatches('1DAY') + mikhmonBatches('7DAYS') + 1;
    expect(r).toEqual({ plansCreated: 3, batchesCreated: batches, vouchersCreated: 3 * PER_PROFILE + 2, skipped: 3 });
    expect((await w.outbox()).length).toBe(0);
    const drained = await w.drain();
    expect(drained).toMatchObject({ applied: 0, refused: 0 });
    expect(routerHotspot(w)).toBe(before);

    const plans = (await call('hotspot.plans.list', { page: 1, pageSize: 10 })).items;
    expect(plans.map((p) => [p.profileName, p.priceMinor, p.sharedUsers, p.voucherCount]).sort()).toEqual([
      ['1DAY', 6000, 2, PER_PROFILE], ['1HOUR', 2000, 1, PER_PROFILE + 2], ['7DAYS', 30_000, 1, PER_PROFILE],
    ]);
    const list = (await call('hotspot.batches.list', { page: 1, pageSize: 100 })).items;
    expect(list).toHaveLength(batches);
    expect(list.every((b) => b.origin === 'adopted')).toBe(true);
    const routerUsers = w.sim.state.menu('/ip/hotspot/user').all();
    for (const profile of ['1HOUR', '1DAY', '7DAYS']) {
      for (const comment of new Set(seed.batches[profile])) {
        const batch = list.find((b) => b.comment === comment)!;
        const onRouter = routerUsers.filter((u) => u.comment === comment && u.disabled !== 'true');
        expect(batch).toMatchObject({ count: onRouter.length, mode: profile === '7DAYS' ? 'pin' : 'same', note: comment.endsWith('shop') ? 'shop' : '' });
        const vouchers = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 100 })).items;
        expect(new Map(vouchers.map((v) => [v.code, v.password]))).toEqual(new Map(onRouter.map((u) => [u.name, u.password])));
        expect(vouchers.every((v) => v.status === 'unused' && v.syncState === 'synced')).toBe(true);
      }
    }
    const misc = list.find((b) => b.comment === '')!;
    expect(misc).toMatchObject({ note: 'adopted', count: 2 });
    const miscCodes = (await call('hotspot.vouchers.list', { batchId: misc.id, page: 1, pageSize: 10 })).items.map((v) => v.code).sort();
    expect(miscCodes).toEqual([seed.handMade, seed.usedExpiryComment].sort());
  });

  it('reads back with no drift: every plan profile and voucher user is as the router has it', async () => {
    await call('sync.reconcile', { routerId: w.routerId });
    const drift = (await call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 100 })).items;
    // Only the users adoption left out are foreign to the app (default-trial and the default profile are built-in).
    expect(drift.map((d) => [d.kind, d.label]).sort()).toEqual([['foreign', seed.admin], ['foreign', seed.disabled]].sort());
  });

  it('running it again adds nothing; a new Mikhmon batch and a user added to an adopted batch are adopted next time', async () => {
    const again = await call('hotspot.adopt.preview', { routerId: w.routerId });
    expect(again.counts).toMatchObject({ plansNew: 0, plansExisting: 3, batchesNew: 0, vouchersNew: 0, vouchersExisting: 3 * PER_PROFILE + 2, skipped: 3 });
    expect(await call('hotspot.adopt.apply', { routerId: w.routerId, confirm: true })).toEqual({ plansCreated: 0, batchesCreated: 0, vouchersCreated: 0, skipped: 3 });

    const users = w.sim.state.menu('/ip/hotspot/user');
    const oldComment = seed.batches['1DAY']![0]!;
    users.add({ server: 'all', name: 'late1day', password: 'late1day', profile: '1DAY', 'limit-uptime': '1d', comment: oldComment });
    users.add({ server: 'all', name: 'new1', password: '4821', profile: '7DAYS', comment: 'up-777-12.01.26-kiosk' });
    users.add({ server: 'all', name: 'new2', password: '5930', profile: '7DAYS', comment: 'up-777-12.01.26-kiosk' });
    const before = (await call('hotspot.batches.list', { page: 1, pageSize: 100 })).items;
    expect(await call('hotspot.adopt.apply', { routerId: w.routerId, confirm: true })).toEqual({ plansCreated: 0, batchesCreated: 1, vouchersCreated: 3, skipped: 3 });
    const after = (await call('hotspot.batches.list', { page: 1, pageSize: 100 })).items;
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((b) => b.comment === 'up-777-12.01.26-kiosk')).toMatchObject({ count: 2, mode: 'pin', note: 'kiosk' });
    expect(after.find((b) => b.comment === oldComment)!.count).toBe(before.find((b) => b.comment === oldComment)!.count + 1);
    expect((await w.outbox()).length).toBe(0);
  });

  it('leaves out a profile a plan cannot keep as it is (a burst rate), with its users', async () => {
    w.sim.state.menu('/ip/hotspot/user/profile').add({ name: 'BURST', 'rate-limit': '2M/2M 4M/4M 1M/1M 10/10', 'shared-users': '1' });
    w.sim.state.menu('/ip/hotspot/user').add({ server: 'all', name: 'bursty', password: 'bursty', profile: 'BURST', comment: 'vc-555-12.01.26-' });
    const p = await call('hotspot.adopt.preview', { routerId: w.routerId });
    expect(p.plans.find((x) => x.profile === 'BURST')).toMatchObject({ willCreate: false, differs: ['rate-limit'] });
    expect(p.skipped.find((s) => s.reason === 'profile-unsupported')).toEqual({ reason: 'profile-unsupported', count: 1, examples: ['bursty'] });
    expect(await call('hotspot.adopt.apply', { routerId: w.routerId, confirm: true })).toMatchObject({ plansCreated: 0, vouchersCreated: 0 });
  });

  it("adopts a profile the app once managed and removed (a renamed plan's old profile made again by hand), with no drift", async () => {
    const made = await call('hotspot.plans.create', { name: 'Old name', routerId: w.routerId, profileName: 'OLDP', rateLimit: { rxKbps: 1000, txKbps: 1000 }, limit: { kind: 'none' }, priceMinor: 100 });
    await w.drain();
    await call('hotspot.plans.update', { planId: made.id, profileName: 'OLDP2' });
    await w.drain();
    expect(w.sim.state.menu('/ip/hotspot/user/profile').all().some((p) => p.name === 'OLDP')).toBe(false);
    w.sim.state.menu('/ip/hotspot/user/profile').add({ name: 'OLDP', 'rate-limit': '4M/4M', 'shared-users': '3' });
    expect(await call('hotspot.adopt.apply', { routerId: w.routerId, confirm: true })).toMatchObject({ plansCreated: 1 });
    const pending = (await w.outbox()).filter((o) => o.status === 'pending');
    expect(pending).toEqual([]);
    await call('sync.reconcile', { routerId: w.routerId });
    const drift = (await call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 100 })).items;
    expect(drift.filter((d) => d.kind !== 'foreign')).toEqual([]);
    expect((await call('hotspot.plans.list', { page: 1, pageSize: 20, q: 'OLDP' })).items.map((p) => [p.profileName, p.sharedUsers, p.rateLimit.txKbps])).toEqual([['OLDP', 3, 4000]]);
  });
});
