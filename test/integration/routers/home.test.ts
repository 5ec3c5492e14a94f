import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerWorld, type RouterWorld } from './harness';

let w: RouterWorld;
beforeAll(async () => {
  w = await routerWorld({ sim: { seed: 'demo', demoVariant: 'core', randomSeed: 7 } });
});
afterAll(() => w.close());

describe('Home dashboard figures', () => {
  it('equal the simulator: PPPoE and hotspot users online, routers, backups, alerts', async () => {
    const before = await w.t.call('routers.home', {}, w.inst.adminToken);
    expect(before.routers).toEqual([expect.objectContaining({ id: w.routerId, lastBackupAt: null })]);
    expect(before.pppOnline).toBe(w.sim.state.menu('/ppp/active').all().length);
    expect(before.hotspotOnline).toBe(w.sim.state.menu('/ip/hotspot/active').all().length);
    expect(before.pppOnline).toBeGreaterThan(0);
    expect(before.alertsLast24h).toBe(0);

    // A kicked session and a fetched backup show at the next read.
    const active = await w.t.call('routers.ppp.active', { routerId: w.routerId, page: 1, pageSize: 1 }, w.inst.adminToken);
    await w.t.call('routers.ppp.kick', { routerId: w.routerId, sessionId: active.items[0]!.id as `*${string}` }, w.inst.adminToken);
    const backup = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    const after = await w.t.call('routers.home', {}, w.inst.adminToken);
    expect(after.pppOnline).toBe(before.pppOnline! - 1);
    expect(after.routers[0]!.lastBackupAt).toBe(backup.fetchedAt);
  });
});
