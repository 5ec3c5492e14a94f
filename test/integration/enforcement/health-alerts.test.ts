import { afterEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routerWorld, type RouterWorld } from '../routers/harness';

let w: RouterWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const DAY = 24 * 3600_000;

describe('enforcement health findings raise alerts (ops, through the enforcement runtime)', () => {
  it('alerts once when the router clock is a day ahead, and once more when it is healthy again', async () => {
    w = await routerWorld({ sim: { version: '7.10', clock: 'virtual', startTime: new Date('2026-11-27T08:00:00Z') } });
    const world = w;
    const token = world.inst.adminToken;
    const pre = await world.t.call('enforcement.preflight', { routerId: world.routerId }, token);
    for (const c of pre.changes) world.sim.state.menu(c.menu).add(c.props);
    const step = async () => {
      world.sim.clock.advance(2 * 60_000);
      world.t.clock.set(world.sim.clock.now());
      return world.t.call('enforcement.check', { routerId: world.routerId }, token);
    };
    const alerts = async () => (await world.t.call('alerts.list', { page: 1, pageSize: 50 }, token)).items.filter((a) => a.kind === 'router.enforcement-health');

    expect((await step()).findings).toEqual([]);
    expect(await alerts()).toEqual([]);

    world.sim.routerClock.jump(DAY);
    expect((await step()).findings).toContainEqual({ code: 'clock-off', offsetSec: 86_400 });
    const raised = await alerts();
    expect(raised).toEqual([expect.objectContaining({
      severity: 'warning', routerId: world.routerId, readAt: null,
      params: { routerName: 'Core', findings: [{ code: 'clock-off', offsetSec: 86_400 }] },
    })]);

    // The same finding at the next check is not raised again.
    await step();
    expect(await alerts()).toHaveLength(1);

    world.sim.routerClock.jump(-DAY);
    expect((await step()).findings).toEqual([]);
    const after = await alerts();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ severity: 'info', params: { routerName: 'Core', findings: [] } });
  });
});

describe('reconcile of a router with enforcement installed', () => {
  it('writes the high-water mark after the drift is saved (router-sync afterReconcile hook)', async () => {
    w = await routerWorld({ sim: { version: '7.10', clock: 'virtual', startTime: new Date('2026-11-27T08:00:00Z') } });
    const world = w;
    const token = world.inst.adminToken;
    const state = () => world.sim.state.menu('/system/script').find({ name: 'ispdesk-state' })?.comment;
    // Without enforcement, reconcile touches nothing of it.
    await world.t.call('sync.reconcile', { routerId: world.routerId }, token);
    expect(state()).toBeUndefined();

    await routersOf(world.t.booted.core).monitor.checkRouter(world.inst.tenantId, world.routerId);
    await world.t.call('enforcement.install', { routerId: world.routerId }, token);
    expect(await routerSyncOf(world.t.booted.core).drain(world.inst.tenantId, world.routerId)).toMatchObject({ refused: 0, offline: false });
    world.sim.clock.advance(10 * 60_000);
    world.t.clock.set(world.sim.clock.now());
    await world.t.call('sync.reconcile', { routerId: world.routerId }, token);
    expect(state()).toMatch(new RegExp(`^ispdesk:state;hwm=${Math.floor(world.sim.clock.now().getTime() / 1000)};up=\\d+$`));
  });
});
