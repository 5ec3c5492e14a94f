import { afterEach, beforeEach, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { RouterSyncWorkers } from '../../../src-main/core/router-sync/workers';
import { secret, syncWorld, type SyncWorld } from './harness';

let w: SyncWorld;
let workers: RouterSyncWorkers;
beforeEach(async () => {
  w = await syncWorld();
  // The module's workers stay off in tests (background: false); this one runs on its own, with short back-off.
  workers = new RouterSyncWorkers(w.t.booted.core, true, { backoffBaseMs: 10, backoffMaxMs: 40 });
  workers.startTenant(w.inst.tenantId, []);
});
afterEach(async () => {
  workers.close();
  await w.close();
});

const onRouter = (tag: string) => w.secrets().filter((s) => (s.comment ?? '').startsWith(tag)).length;

it('a kick wakes the router\'s worker, which applies the change by itself', async () => {
  const s = secret(w.routerId, { sid: 'bg-1' });
  await w.enqueue([s]);
  workers.kick(w.inst.tenantId, w.routerId);
  await expect.poll(() => onRouter(s.tag), { timeout: 10_000 }).toBe(1);
  await expect.poll(async () => (await w.objects())[0]!.status, { timeout: 10_000 }).toBe('synced');
});

it('retries with back-off while the router is unreachable and applies once it is back', async () => {
  const s = secret(w.routerId, { sid: 'bg-2' });
  w.sim.faults.set({ refuseLogin: true });
  routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
  await w.enqueue([s]);
  workers.kick(w.inst.tenantId, w.routerId);
  await expect.poll(async () => (await w.outbox())[0]!.attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  expect((await w.objects())[0]!.status).toBe('pending');
  w.sim.faults.clear();
  // The deferred entry comes due on the app's clock; the worker's own timer then applies it.
  w.t.clock.advance(60_000);
  await expect.poll(() => onRouter(s.tag), { timeout: 10_000 }).toBe(1);
  await expect.poll(async () => (await w.objects())[0]!.status, { timeout: 10_000 }).toBe('synced');
});

it('runs one drain at a time per router: a kick during a drain runs one more pass after it', async () => {
  w.sim.faults.set({ latencyMs: 20 });
  const first = Array.from({ length: 30 }, (_, i) => secret(w.routerId, { sid: `bg-a-${i}` }));
  await w.enqueue(first);
  const running = workers.drain(w.inst.tenantId, w.routerId);
  // Enqueue only once the pass is writing, i.e. after it read its work.
  await expect.poll(() => w.secrets().length, { timeout: 10_000, interval: 2 }).toBeGreaterThan(0);
  const late = secret(w.routerId, { sid: 'bg-late' });
  await w.enqueue([late]);
  workers.kick(w.inst.tenantId, w.routerId);
  // Joining the running drain returns the same pass.
  expect(await workers.drain(w.inst.tenantId, w.routerId)).toBe(await running);
  expect((await running).applied).toBe(30);
  await expect.poll(() => onRouter(late.tag), { timeout: 10_000 }).toBe(1);
  for (const s of first) expect(onRouter(s.tag)).toBe(1);
});
