/**
 * Voucher statuses from the router (issue 11 §2, §1 validity and MAC lock): a simulated login makes a
 * voucher "in use"; limit-uptime passing on the virtual clock makes it "used up" (the router ends the
 * session, the user stays); calendar validity passing makes it "expired" (the router's own on-login stamp
 * and sweep, no app involved); resetting counters makes it "unused" again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { stampedExpiryMs } from '@shared/domain/voucher-status';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { expirySweepName } from '../../../src-main/core/hotspot/router-objects';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

const T0 = new Date('2026-11-27T08:00:00.000Z');
const MIN = 60_000;

describe('voucher statuses from router counters and the active list', () => {
  let w: SyncWorld;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let hour: OutputOf<'hotspot.vouchers.list'>['items'];
  let day: OutputOf<'hotspot.vouchers.list'>['items'];
  const user = (name: string) => w.sim.state.menu('/ip/hotspot/user').all().find((u) => u.name === name);
  const sync = () => call('hotspot.vouchers.sync', { routerId: w.routerId });
  const voucher = async (id: string) => (await call('hotspot.vouchers.list', { page: 1, pageSize: 100 })).items.find((v) => v.id === id)!;
  /** App and router share one timeline; steps of 10 min with a request between keep the staff session alive. */
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= 10 * MIN) {
      const step = Math.min(left, 10 * MIN);
      w.sim.clock.advance(step);
      w.t.clock.advance(step);
      await call('hotspot.plans.list', { page: 1, pageSize: 1 });
    }
  };

  beforeAll(async () => {
    w = await syncWorld({ startTime: T0 });
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
    const base = { routerId: w.routerId, rateLimit: { rxKbps: 1000, txKbps: 2000 }, priceMinor: 2000 };
    const p1 = await call('hotspot.plans.create', { ...base, name: '1 hour', profileName: 'hs-1h', limit: { kind: 'uptime', seconds: 3600 } });
    const p2 = await call('hotspot.plans.create', { ...base, name: '2 hours validity', profileName: 'hs-2h', limit: { kind: 'validity', seconds: 7200 }, macLock: true });
    expect(p2.macLock).toBe(true);
    const b1 = await call('hotspot.batches.create', { planId: p1.id, count: 3, requestKey: uuidv7() });
    const b2 = await call('hotspot.batches.create', { planId: p2.id, count: 3, requestKey: uuidv7() });
    await w.drain();
    hour = (await call('hotspot.vouchers.list', { batchId: b1.id, page: 1, pageSize: 10 })).items;
    day = (await call('hotspot.vouchers.list', { batchId: b2.id, page: 1, pageSize: 10 })).items;
  });
  afterAll(() => w.close());

  it('puts the validity plan\'s on-login script and expiry sweep on the router; the uptime plan gets neither', () => {
    const profiles = w.sim.state.menu('/ip/hotspot/user/profile').all();
    expect(profiles.find((p) => p.name === 'hs-2h')?.['on-login']).toContain(';exp=');
    expect(profiles.find((p) => p.name === 'hs-2h')?.['on-login']).toContain('mac-address=$"mac-address"');
    expect(profiles.find((p) => p.name === 'hs-1h')?.['on-login'] ?? '').toBe('');
    const sweeps = w.sim.state.menu('/system/scheduler').all().filter((s) => s.name?.startsWith('ispdesk-hs-expiry-'));
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({ interval: '1m', 'start-time': 'startup', policy: 'read,write' });
    expect(sweeps[0]!['on-event']).toContain('profile="hs-2h"');
  });

  it('every voucher starts unused; one read of users and one of sessions serve the whole router', async () => {
    const before = w.sim.commandsServed;
    const r = await sync();
    expect(w.sim.commandsServed - before).toBe(2);
    expect(r).toMatchObject({ vouchers: 6, changed: 6, counts: { unused: 6, 'in-use': 0, 'used-up': 0, expired: 0, revoked: 0 } });
    const all = (await call('hotspot.vouchers.list', { page: 1, pageSize: 100 })).items;
    expect(all.every((v) => v.state === 'unused' && v.usage.syncedAt !== null && !v.usage.active)).toBe(true);
  });

  it('a simulated login makes a voucher in use', async () => {
    const a = hour[0]!;
    expect(w.sim.loginHotspot(a.code, a.password, { mac: '02:00:00:00:00:01', ip: '10.5.50.11' })).toMatchObject({ ok: true });
    await advance(10 * MIN);
    const r = await sync();
    expect(r).toMatchObject({ changed: 1, counts: { unused: 5, 'in-use': 1 } });
    const v = await voucher(a.id);
    expect(v.state).toBe('in-use');
    expect(v.usage).toMatchObject({ active: true, mac: '02:00:00:00:00:01', uptimeSec: 600, expiresAt: null });
    expect(v.usage.firstLoginAt).toBe(T0.toISOString());
    const inUse = await call('hotspot.vouchers.list', { state: 'in-use', page: 1, pageSize: 10 });
    expect(inUse.items.map((x) => x.id)).toEqual([a.id]);
  });

  it('limit-uptime passing on the virtual clock: the router ends the session, the user stays, the voucher is used up', async () => {
    const a = hour[0]!;
    await advance(51 * MIN);
    expect(w.sim.state.menu('/ip/hotspot/active').all()).toEqual([]);
    expect(user(a.code)).toMatchObject({ uptime: '1h' });
    expect(w.sim.loginHotspot(a.code, a.password, { mac: '02:00:00:00:00:01', ip: '10.5.50.11' })).toMatchObject({ ok: false, reason: `user ${a.code} has reached uptime limit` });
    await sync();
    const v = await voucher(a.id);
    expect(v.state).toBe('used-up');
    expect(v.usage).toMatchObject({ active: false, uptimeSec: 3600 });
    expect((await call('hotspot.vouchers.list', { state: 'used-up', page: 1, pageSize: 10 })).items.map((x) => x.id)).toEqual([a.id]);
  });

  it('calendar validity from first login: the router stamps the expiry and locks the MAC; the app reads it as in use, then expired', async () => {
    const b = day[0]!;
    const loginAt = w.sim.clock.now().getTime();
    expect(w.sim.loginHotspot(b.code, b.password, { mac: '02:00:00:00:00:02', ip: '10.5.50.12' })).toMatchObject({ ok: true });
    const stamped = user(b.code)!;
    expect(stampedExpiryMs(stamped.comment)).toBe(Math.floor(loginAt / 1000) * 1000 + 7_200_000);
    expect(stamped['mac-address']).toBe('02:00:00:00:00:02');
    // The stamp is the router agreeing with desired state, not drift to undo.
    const drift = await w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
    expect(drift.different).toBe(0);
    await sync();
    let v = await voucher(b.id);
    expect(v.state).toBe('in-use');
    expect(Date.parse(v.usage.expiresAt!)).toBe(stampedExpiryMs(stamped.comment));
    await advance(119 * MIN);
    expect(user(b.code)?.disabled).toBe('false');
    await advance(2 * MIN);
    // The router's sweep, with no help from the app: disabled, session ended.
    expect(user(b.code)?.disabled).toBe('true');
    expect(w.sim.state.menu('/ip/hotspot/active').all()).toEqual([]);
    await sync();
    v = await voucher(b.id);
    expect(v.state).toBe('expired');
    expect(w.sim.state.menu('/system/scheduler').all().find((s) => s.name === expirySweepName(b.planId))).toBeDefined();
  });

  it('reset counters: the router starts the voucher over and the app says unused; audited', async () => {
    const a = hour[0]!;
    const b = day[0]!;
    expect(await call('hotspot.vouchers.reset-counters', { voucherId: a.id })).toEqual({ state: 'unused' });
    expect(user(a.code)).toMatchObject({ uptime: '0s', 'bytes-in': '0', 'bytes-out': '0' });
    expect(await call('hotspot.vouchers.reset-counters', { voucherId: b.id })).toEqual({ state: 'unused' });
    expect(user(b.code)).toMatchObject({ uptime: '0s', disabled: 'false', comment: b ? (await call('hotspot.batches.list', { page: 1, pageSize: 10 })).items.find((x) => x.id === b.batchId)!.comment : '' });
    for (const id of [a.id, b.id]) expect((await voucher(id)).state).toBe('unused');
    // The next sync agrees with the router.
    const r = await sync();
    expect(r.counts).toMatchObject({ unused: 6, 'used-up': 0, expired: 0 });
    const audit = await w.t.call('audit.list', { page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(audit.items.filter((e) => e.action === 'voucher.counters-reset')).toHaveLength(2);
  });

  it('a revoked voucher says revoked; its counters cannot be reset', async () => {
    const c = hour[2]!;
    await call('hotspot.vouchers.revoke', { voucherId: c.id });
    await w.drain();
    const r = await sync();
    expect(r.counts.revoked).toBe(1);
    expect((await voucher(c.id)).state).toBe('revoked');
    const res = await w.t.raw('hotspot.vouchers.reset-counters', { voucherId: c.id }, w.inst.adminToken);
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher.revoked' } });
  });

  it('a router that cannot be reached gives a clear error code and changes nothing', async () => {
    const before = (await call('hotspot.vouchers.list', { page: 1, pageSize: 100 })).items.map((v) => [v.id, v.usage.syncedAt]);
    w.sim.faults.set({ refuseLogin: true });
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
    await advance(MIN);
    const res = await w.t.raw('hotspot.vouchers.sync', { routerId: w.routerId }, w.inst.adminToken);
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', key: 'router.unavailable' } });
    const reset = await w.t.raw('hotspot.vouchers.reset-counters', { voucherId: hour[1]!.id }, w.inst.adminToken);
    expect(reset).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const after = (await call('hotspot.vouchers.list', { page: 1, pageSize: 100 })).items.map((v) => [v.id, v.usage.syncedAt]);
    expect(after).toEqual(before);
    w.sim.faults.clear();
  });

  it('the scheduled job syncs every router with vouchers, as the hotspot system actor', async () => {
    await advance(2 * MIN);
    const d = hour[1]!;
    expect(w.sim.loginHotspot(d.code, d.password, { mac: '02:00:00:00:00:04', ip: '10.5.50.14' })).toMatchObject({ ok: true });
    const { runId } = await call('jobs.run-now', { jobKey: 'hotspot.status-sync' });
    await schedulerOf(w.t.booted.core).idle(w.inst.tenantId);
    const history = await call('jobs.history', { jobKey: 'hotspot.status-sync', page: 1, pageSize: 10 });
    expect(history.items[0]).toMatchObject({ id: runId, status: 'succeeded' });
    expect(history.items[0]!.log).toContain('6 vouchers, 1 changed state');
    expect((await voucher(d.id)).state).toBe('in-use');
  });
});
