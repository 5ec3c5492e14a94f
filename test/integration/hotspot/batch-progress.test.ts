import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { addStaff } from '../../fixtures/test-core';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

describe('a batch push: progress while the router is away, and cancel', () => {
  let w: SyncWorld;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let plan: OutputOf<'hotspot.plans.create'>;
  const users = (comment: string) => w.sim.state.menu('/ip/hotspot/user').all().filter((u) => u.comment === comment);
  const newBatch = (count: number) => call('hotspot.batches.create', { planId: plan.id, count, requestKey: uuidv7() });
  const goOffline = () => {
    w.sim.faults.set({ refuseLogin: true });
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
  };
  const comeBack = () => {
    w.sim.faults.clear();
    // Past the worker's back-off: the deferred entries are due again.
    w.t.clock.advance(120_000);
  };

  beforeAll(async () => {
    w = await syncWorld();
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
    plan = await call('hotspot.plans.create', {
      name: '1 day', routerId: w.routerId, profileName: 'hs-1d', rateLimit: { rxKbps: 1000, txKbps: 3000 }, limit: { kind: 'validity', seconds: 86_400 }, priceMinor: 5000,
    });
    await w.drain();
  });
  afterAll(() => w.t.close());

  it('shows a new batch queued, then on the router after the worker ran', async () => {
    const b = await newBatch(20);
    expect(await call('hotspot.batches.progress', { batchId: b.id })).toEqual({
      batchId: b.id, total: 20, onRouter: 0, queued: 20, refused: 0, revoked: 0, waitingReason: null, cancelledAt: null,
    });
    await w.drain();
    expect(await call('hotspot.batches.progress', { batchId: b.id })).toMatchObject({ onRouter: 20, queued: 0, waitingReason: null });
  });

  it('says why a batch waits while the router is offline, and finishes it when the router is back', async () => {
    goOffline();
    const b = await newBatch(15);
    expect(await w.drain()).toMatchObject({ offline: true });
    const waiting = await call('hotspot.batches.progress', { batchId: b.id });
    expect(waiting).toMatchObject({ total: 15, onRouter: 0, queued: 15 });
    expect(waiting.waitingReason).toEqual(expect.any(String));
    comeBack();
    await w.drain();
    expect(await call('hotspot.batches.progress', { batchId: b.id })).toMatchObject({ onRouter: 15, queued: 0, waitingReason: null });
    expect(users(b.comment)).toHaveLength(15);
  });

  it('cancels a waiting batch: its vouchers are revoked and never reach the router, a half-written push is taken back', async () => {
    goOffline();
    const b = await newBatch(10);
    await w.drain();
    // A crash mid-push left three users on the router that the app never recorded as applied.
    const some = (await call('hotspot.vouchers.list', { batchId: b.id, page: 1, pageSize: 3 })).items;
    for (const v of some) w.sim.state.menu('/ip/hotspot/user').add({ name: v.code, password: v.password, profile: 'hs-1d', comment: b.comment });

    expect(await call('hotspot.batches.cancel', { batchId: b.id })).toEqual({ revoked: 10, kept: 0 });
    const p = await call('hotspot.batches.progress', { batchId: b.id });
    expect(p).toMatchObject({ total: 10, revoked: 10, queued: 0, onRouter: 0 });
    expect(p.cancelledAt).toEqual(expect.any(String));
    expect((await call('hotspot.batches.list', { page: 1, pageSize: 10 })).items.find((x) => x.id === b.id)).toMatchObject({ revokedCount: 10, cancelledAt: p.cancelledAt });

    comeBack();
    await w.drain();
    expect(users(b.comment)).toHaveLength(0);
    const vouchers = await call('hotspot.vouchers.list', { batchId: b.id, page: 1, pageSize: 50 });
    expect(vouchers.items.every((v) => v.status === 'revoked')).toBe(true);
    // Again: nothing left to stop.
    expect(await call('hotspot.batches.cancel', { batchId: b.id })).toEqual({ revoked: 0, kept: 0 });
  });

  it('keeps the vouchers already on the router when a pushed batch is cancelled', async () => {
    const b = await newBatch(5);
    await w.drain();
    expect(await call('hotspot.batches.cancel', { batchId: b.id })).toEqual({ revoked: 0, kept: 5 });
    await w.drain();
    expect(users(b.comment)).toHaveLength(5);
    expect(await call('hotspot.batches.progress', { batchId: b.id })).toMatchObject({ onRouter: 5, revoked: 0, cancelledAt: null });
  });

  it('adds nobody twice across outages and cancels: one router user per live voucher', async () => {
    const all = w.sim.state.menu('/ip/hotspot/user').all().filter((u) => u.name !== 'default-trial');
    expect(new Set(all.map((u) => u.name)).size).toBe(all.length);
    expect(all).toHaveLength(20 + 15 + 5);
  });

  it('lets only staff who manage subscribers cancel; readers see progress', async () => {
    const b = await newBatch(2);
    const cashier = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    expect(await w.t.raw('hotspot.batches.cancel', { batchId: b.id }, cashier.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('hotspot.batches.progress', { batchId: b.id }, cashier.token)).toMatchObject({ ok: true });
    expect(await w.t.raw('hotspot.batches.progress', { batchId: uuidv7() }, w.inst.adminToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
