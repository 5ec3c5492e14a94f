import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { addStaff } from '../../fixtures/test-core';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

describe('hotspot plans and voucher batches reach the router through the outbox', () => {
  let w: SyncWorld;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let plan: OutputOf<'hotspot.plans.create'>;
  let batch: OutputOf<'hotspot.batches.create'>;
  const users = () => w.sim.state.menu('/ip/hotspot/user').all().filter((u) => u.name !== 'default-trial');

  beforeAll(async () => {
    w = await syncWorld();
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
  });
  afterAll(() => w.t.close());

  it('creates the plan with its user profile queued, then written on the router', async () => {
    plan = await call('hotspot.plans.create', {
      name: '1 hour 5M', routerId: w.routerId, profileName: 'hs-1h', rateLimit: { rxKbps: 2000, txKbps: 5000 }, sharedUsers: 2,
      idleTimeoutSec: 300, limit: { kind: 'uptime', seconds: 3600 }, limitBytesTotal: 1024 ** 3, priceMinor: 5000,
    });
    expect(plan).toMatchObject({ server: 'all', status: 'active', voucherCount: 0, limit: { kind: 'uptime', seconds: 3600 } });
    expect((await w.outbox()).filter((o) => o.status === 'pending')).toHaveLength(1);
    await w.drain();
    const profile = w.sim.state.menu('/ip/hotspot/user/profile').all().find((p) => p.name === 'hs-1h');
    expect(profile).toMatchObject({ 'rate-limit': '2000k/5000k', 'shared-users': '2', 'idle-timeout': '5m' });
  });

  it('refuses a second plan with the same name or the same profile on the router, writing nothing', async () => {
    const base = { routerId: w.routerId, rateLimit: { rxKbps: 1000, txKbps: 1000 }, limit: { kind: 'none' as const }, priceMinor: 100 };
    const before = (await w.outbox()).length;
    const byName = await w.t.raw('hotspot.plans.create', { ...base, name: '1 HOUR 5m', profileName: 'other' }, w.inst.adminToken);
    expect(byName).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'hotspot-plan.name-taken', fields: { name: 'taken' } } });
    const byProfile = await w.t.raw('hotspot.plans.create', { ...base, name: 'Other', profileName: 'hs-1h' }, w.inst.adminToken);
    expect(byProfile).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'hotspot-plan.profile-taken' } });
    expect((await w.outbox()).length).toBe(before);
  });

  it('puts a 100-voucher batch on the router as 100 users with the plan profile and the batch comment; re-running adds nothing', async () => {
    const requestKey = uuidv7();
    batch = await call('hotspot.batches.create', { planId: plan.id, count: 100, note: 'shop', requestKey, code: { length: 6, prefix: 'K', charset: 'alnumUpper', mode: 'same', pinLength: 4 } });
    expect(batch).toMatchObject({ serial: 1, count: 100, priceMinor: 5000, mode: 'same' });
    expect(batch.comment).toMatch(/^vc-001-\d{2}\.\d{2}\.\d{2}-shop$/);
    // A retried request (same key) returns the same batch and makes nothing new.
    expect(await call('hotspot.batches.create', { planId: plan.id, count: 100, requestKey })).toEqual(batch);

    const r = await w.drain();
    expect(r).toMatchObject({ applied: 100, refused: 0, offline: false });
    const onRouter = users();
    expect(onRouter).toHaveLength(100);
    const vouchers = await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 500 });
    expect(vouchers.total).toBe(100);
    expect(new Set(onRouter.map((u) => u.name))).toEqual(new Set(vouchers.items.map((v) => v.code)));
    for (const u of onRouter) {
      expect(u).toMatchObject({ profile: 'hs-1h', comment: batch.comment, 'limit-uptime': '1h', 'limit-bytes-total': String(1024 ** 3), server: 'all' });
      expect(u.password).toBe(u.name);
      expect(u.name).toMatch(/^K[A-Z2-9]{6}$/);
    }
    expect(vouchers.items.every((v) => v.syncState === 'synced' && v.status === 'unused')).toBe(true);

    // Running the worker again, and queueing the same users again, adds nobody.
    await w.drain();
    expect(users()).toHaveLength(100);
    expect((await call('hotspot.batches.list', { page: 1, pageSize: 10 })).total).toBe(1);
  });

  it('resumes a batch interrupted by a router outage without duplicates', async () => {
    w.sim.faults.set({ refuseLogin: true });
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
    const b2 = await call('hotspot.batches.create', { planId: plan.id, count: 30, requestKey: uuidv7(), code: { length: 8, prefix: '', charset: 'numeric', mode: 'pin', pinLength: 5 } });
    expect(b2.comment).toMatch(/^up-002-/);
    const offline = await w.drain();
    expect(offline.offline).toBe(true);
    expect(users()).toHaveLength(100);
    w.sim.faults.clear();
    // The entries are deferred (the worker's back-off) until due again.
    w.t.clock.advance(60_000);
    // Some users of the batch reached the router before the outage was noticed (written by hand here): the worker finds them by name.
    const first = (await call('hotspot.vouchers.list', { batchId: b2.id, page: 1, pageSize: 5 })).items;
    for (const v of first) w.sim.state.menu('/ip/hotspot/user').add({ name: v.code, password: v.password, profile: 'hs-1h', comment: b2.comment });
    await w.drain();
    const mine = users().filter((u) => u.comment === b2.comment);
    expect(mine).toHaveLength(30);
    expect(new Set(mine.map((u) => u.name)).size).toBe(30);
    expect(mine.every((u) => /^[2-9]{5}$/.test(u.password ?? '') && u.password !== u.name)).toBe(true);
  });

  it('finds a voucher by the start of its code, in any case', async () => {
    const any = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 1 })).items[0]!;
    const found = await call('hotspot.vouchers.list', { q: any.code.slice(0, 5).toLowerCase(), page: 1, pageSize: 50 });
    expect(found.items.map((v) => v.code)).toContain(any.code);
    expect(found.items.every((v) => v.code.toLowerCase().startsWith(any.code.slice(0, 5).toLowerCase()))).toBe(true);
  });

  it('revokes one voucher and then the rest of its batch: the users leave the router, their sessions end', async () => {
    const one = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 1 })).items[0]!;
    expect(w.sim.loginHotspot(one.code, one.password, { mac: '02:00:00:00:00:01', ip: '10.5.50.11' })).toMatchObject({ ok: true });
    expect(w.sim.state.menu('/ip/hotspot/active').all().map((a) => a.user)).toEqual([one.code]);
    expect(await call('hotspot.vouchers.revoke', { voucherId: one.id })).toEqual({ revoked: 1 });
    await w.drain();
    expect(users().some((u) => u.name === one.code)).toBe(false);
    expect(w.sim.state.menu('/ip/hotspot/active').all()).toEqual([]);
    expect(users().filter((u) => u.comment === batch.comment)).toHaveLength(99);
    expect(await call('hotspot.vouchers.revoke', { batchId: batch.id })).toEqual({ revoked: 99 });
    await w.drain();
    expect(users().filter((u) => u.comment === batch.comment)).toHaveLength(0);
    expect((await call('hotspot.batches.list', { page: 1, pageSize: 10 })).items.find((b) => b.id === batch.id)?.revokedCount).toBe(100);
    expect((await call('hotspot.plans.list', { page: 1, pageSize: 10 })).items[0]?.voucherCount).toBe(30);
  });

  it('moves live vouchers to a renamed profile and removes the old one', async () => {
    await call('hotspot.plans.update', { planId: plan.id, profileName: 'hs-1h-v2', limit: { kind: 'uptime', seconds: 7200 } });
    await w.drain();
    const profiles = w.sim.state.menu('/ip/hotspot/user/profile').all().map((p) => p.name);
    expect(profiles).toContain('hs-1h-v2');
    expect(profiles).not.toContain('hs-1h');
    expect(users().every((u) => u.profile === 'hs-1h-v2' && u['limit-uptime'] === '2h')).toBe(true);
  });

  it('refuses batches on a disabled plan and writes to staff without subscribers.manage', async () => {
    const before = (await w.outbox()).length;
    const viewer = await addStaff(w.t, w.inst.adminToken, 'viv@alpha.test', ['CASHIER']);
    const forbidden = await w.t.raw('hotspot.batches.create', { planId: plan.id, count: 1, requestKey: uuidv7() }, viewer.token);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('hotspot.vouchers.list', { page: 1, pageSize: 1 }, viewer.token)).toMatchObject({ ok: true });
    await call('hotspot.plans.update', { planId: plan.id, status: 'disabled' });
    const disabled = await w.t.raw('hotspot.batches.create', { planId: plan.id, count: 1, requestKey: uuidv7() }, w.inst.adminToken);
    expect(disabled).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'hotspot-plan.disabled' } });
    await call('hotspot.plans.update', { planId: plan.id, status: 'active' });
    // Status is app-side only: nothing was queued for the router.
    expect((await w.outbox()).length).toBe(before);
  });

  it('refuses a batch the code length cannot hold', async () => {
    const env = await w.t.raw('hotspot.batches.create', { planId: plan.id, count: 10, requestKey: uuidv7(), code: { length: 4, charset: 'numeric' } }, w.inst.adminToken);
    expect(env).toMatchObject({ ok: true });
    const tooMany = await w.t.raw('hotspot.batches.create', { planId: plan.id, count: 2100, requestKey: uuidv7(), code: { length: 4, charset: 'numeric' } }, w.inst.adminToken);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'voucher-batch.code-space' } });
  });
});
