import { afterEach, describe, expect, it } from 'vitest';
import { routerWorld, type RouterWorld } from '../routers/harness';

describe("a subscriber's live router state", () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  async function adopted(): Promise<Map<string, string>> {
    await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    const subs = await w.t.call('subscribers.list', { page: 1, pageSize: 500 }, w.inst.adminToken);
    return new Map(subs.items.map((s) => [s.username!, s.id]));
  }

  it('shows an online PPPoE subscriber with session uptime, address, caller id and live traffic', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const ids = await adopted();
    const session = [...w.sim.state.router.state.table('/ppp/active').rowsInOrder()][0]!;
    const name = session.props.name!;
    const live = await w.t.call('subscribers.live', { subscriberId: ids.get(name)! }, w.inst.adminToken);
    expect(live.online).toBe(true);
    expect(live.address).toBe(session.props.address);
    expect(live.callerId).toBe(session.props['caller-id']);
    // The demo backdates sessions by at least a minute.
    expect(live.uptimeSec).toBeGreaterThanOrEqual(60);
    expect(live.rxBitsPerSecond).not.toBeNull();
    expect(live.txBitsPerSecond).not.toBeNull();
    const iface = await w.t.call('routers.dashboard.interfaces', { routerId: w.routerId }, w.inst.adminToken);
    expect(iface.items.some((i) => i.name === `<pppoe-${name}>`)).toBe(true);
  });

  it('shows an offline subscriber as offline, and a session kicked since as offline too', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const ids = await adopted();
    const active = w.sim.state.router.state.table('/ppp/active');
    const online = new Set([...active.rowsInOrder()].map((r) => r.props.name!));
    const offlineName = [...ids.keys()].find((n) => !online.has(n))!;
    const off = await w.t.call('subscribers.live', { subscriberId: ids.get(offlineName)! }, w.inst.adminToken);
    expect(off).toEqual({ online: false, uptimeSec: null, address: null, callerId: null, rxBitsPerSecond: null, txBitsPerSecond: null });

    const name = [...online][0]!;
    const sessions = await w.t.call('routers.ppp.active', { routerId: w.routerId, page: 1, pageSize: 500 }, w.inst.adminToken);
    await w.t.call('routers.ppp.kick', { routerId: w.routerId, sessionId: sessions.items.find((s) => s.name === name)!.id }, w.inst.adminToken);
    const kicked = await w.t.call('subscribers.live', { subscriberId: ids.get(name)! }, w.inst.adminToken);
    expect(kicked.online).toBe(false);
  });

  it('answers with a router.unavailable error code when the router is off', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const ids = await adopted();
    await w.sim.stop();
    const env = await w.t.raw('subscribers.live', { subscriberId: [...ids.values()][0] }, w.inst.adminToken);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error).toMatchObject({ code: 'UNAVAILABLE', key: 'router.unavailable' });
  });

  it('shows a static subscriber online from its bound lease, with its queue rate as traffic', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const pkg = await w.t.call('packages.create', {
      name: 'Static biz', serviceType: 'static', routerIds: [w.routerId], rateLimit: { rxKbps: 20000, txKbps: 20000 },
      addressPools: [{ routerId: w.routerId, cidr: '192.168.88.0/24' }], priceMinor: 0, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, w.inst.adminToken);
    // The demo's first static lease is bound at .50 and its queue static-biz-01 targets it.
    const lease = w.sim.state.router.state.table('/ip/dhcp-server/lease').findBy('address', '192.168.88.50')!;
    const sub = await w.t.call('subscribers.create', {
      fullName: 'Karanja Hardware', phones: ['0712000333'], routerId: w.routerId, packageId: pkg.id, ipAddress: '192.168.88.50', macAddress: lease.props['mac-address']!,
    }, w.inst.adminToken);
    const live = await w.t.call('subscribers.live', { subscriberId: sub.id }, w.inst.adminToken);
    expect(live).toMatchObject({ online: true, uptimeSec: null, address: '192.168.88.50', callerId: lease.props['active-mac-address'] });
    expect(live.rxBitsPerSecond).not.toBeNull();
    expect(live.txBitsPerSecond).not.toBeNull();
  });

  it('refuses an unknown subscriber id as not found', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const env = await w.t.raw('subscribers.live', { subscriberId: '01890000-0000-7000-8000-000000000000' }, w.inst.adminToken);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error).toMatchObject({ code: 'NOT_FOUND', key: 'subscriber.not-found' });
  });
});
