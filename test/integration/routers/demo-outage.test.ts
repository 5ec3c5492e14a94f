import { afterEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';

const PASSWORD = 'platform pass 1';
const BRANCH = 'Branch — Kitengela';
// Tests talk to local simulators: connections fail fast, retries are short.
const routers = { monitor: { intervalMs: 200, retryDelayMs: 20 }, connections: { connectTimeoutMs: 3_000, commandTimeoutMs: 5_000 } };

let t: TestCore;
afterEach(() => t.close());

async function demoAdmin(core: TestCore): Promise<{ tenantId: string; token: string; branchId: string; coreId: string }> {
  const setup = await core.call('setup.complete', { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: PASSWORD }, demo: true });
  const admin = await core.call('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: 'pat@platform.test', password: PASSWORD });
  const list = await core.call('routers.list', { page: 1, pageSize: 10 }, admin.token);
  return {
    tenantId: setup.tenantId, token: admin.token,
    branchId: list.items.find((r) => r.name === BRANCH)!.id, coreId: list.items.find((r) => r.isCore)!.id,
  };
}

describe('demo ISP outage', () => {
  it('a while after start the branch router goes offline and comes back: a downtime row and down/up alerts', async () => {
    t = await startTestCore({ background: true, routers, demo: { outageAfterMs: 1_000, outageForMs: 2_500 } });
    const d = await demoAdmin(t);
    const statusOf = async (routerId: string) => (await t.call('routers.get', { routerId }, d.token)).status;

    await expect.poll(() => statusOf(d.branchId), { timeout: 20_000, interval: 100 }).toBe('offline');
    await expect.poll(() => statusOf(d.branchId), { timeout: 20_000, interval: 100 }).toBe('online');
    expect(await statusOf(d.coreId)).toBe('online');

    const periods = await t.call('routers.downtime.list', { page: 1, pageSize: 10, routerId: d.branchId }, d.token);
    expect(periods.items).toEqual([expect.objectContaining({ routerName: BRANCH, endedAt: expect.any(String) })]);
    const alerts = await t.call('alerts.list', { page: 1, pageSize: 10 }, d.token);
    const branchAlerts = alerts.items.filter((a) => a.routerId === d.branchId).map((a) => a.kind);
    expect(branchAlerts).toEqual(['router.up', 'router.down']);
  });

  it('demo.play-outage is refused for a real ISP', async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t);
    const env = await t.raw('demo.play-outage', {}, inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'demo.only-demo' } });
  });

  it('demo.play-outage silences the branch router until the returned end, then it answers again', async () => {
    // Background off: no automatic outage, the test runs the monitor's checks itself.
    t = await startTestCore({ routers, demo: { outageForMs: 1_500 } });
    const d = await demoAdmin(t);
    const monitor = routersOf(t.booted.core).monitor;
    expect((await monitor.checkRouter(d.tenantId, d.branchId)).ok).toBe(true);

    const played = await t.call('demo.play-outage', {}, d.token);
    expect(Date.parse(played.endsAt)).toBeGreaterThan(t.clock.now().getTime());
    // Asked again during the outage: the same one, not a longer one.
    expect((await t.call('demo.play-outage', {}, d.token)).endsAt).toBe(played.endsAt);
    expect((await monitor.checkRouter(d.tenantId, d.branchId)).ok).toBe(false);
    expect((await monitor.checkRouter(d.tenantId, d.coreId)).ok).toBe(true);

    await expect.poll(async () => (await monitor.checkRouter(d.tenantId, d.branchId)).ok, { timeout: 20_000, interval: 200 }).toBe(true);
    const alerts = await t.call('alerts.list', { page: 1, pageSize: 10 }, d.token);
    expect(alerts.items.map((a) => a.kind)).toEqual(['router.up', 'router.down']);
  });
});
