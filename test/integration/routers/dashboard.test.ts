import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../fixtures/test-core';
import { routerWorld, type RouterWorld } from './harness';

let w: RouterWorld;
beforeAll(async () => {
  w = await routerWorld({ sim: { seed: 'demo', demoVariant: 'core', randomSeed: 7 } });
});
afterAll(() => w.close());

describe('router dashboard against the simulator', () => {
  it('overview: identity, version, uptime, CPU, memory, disk, clock', async () => {
    const o = await w.t.call('routers.dashboard.overview', { routerId: w.routerId }, w.inst.adminToken);
    expect(o).toMatchObject({ identity: 'CORE-NAIROBI-01', boardName: 'CCR2004-16G-2S+', routerOsVersion: expect.stringMatching(/^7\.16/) });
    expect(o.uptimeSeconds).toBeGreaterThan(86_400);
    expect(o.totalMemoryBytes).toBeGreaterThan(o.freeMemoryBytes);
    expect(o.totalDiskBytes).toBeGreaterThan(0);
    expect(o.routerTime).not.toBeNull();
    expect(o.routerUtcOffsetMinutes).toBe(180);
    expect(o.primaryAddress).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
  });

  it('interfaces with live rates', async () => {
    const { items } = await w.t.call('routers.dashboard.interfaces', { routerId: w.routerId }, w.inst.adminToken);
    const wan = items.find((i) => i.name === 'ether1-WAN');
    expect(wan).toMatchObject({ type: 'ether', running: true });
    expect(wan!.rxBitsPerSecond).toBeGreaterThan(0);
    expect(items.some((i) => i.type === 'pppoe-in')).toBe(true);
  });

  it('PPP Active names each session\'s plan and rate; PPP Secrets marks who is online now', async () => {
    const active = await w.t.call('routers.ppp.active', { routerId: w.routerId, page: 1, pageSize: 500 }, w.inst.adminToken);
    const sim = w.sim.state;
    for (const s of active.items.slice(0, 20)) {
      const profile = sim.menu('/ppp/secret').find({ name: s.name })!.profile!;
      expect(s.profile).toBe(profile);
      expect(s.rateLimit).toBe(sim.menu('/ppp/profile').find({ name: profile })!['rate-limit'] ?? '');
    }
    expect(active.items.some((s) => s.rateLimit !== '')).toBe(true);
    const secrets = await w.t.call('routers.ppp.secrets', { routerId: w.routerId, page: 1, pageSize: 500 }, w.inst.adminToken);
    const onlineNames = new Set(sim.menu('/ppp/active').all().map((r) => r.name));
    for (const s of secrets.items) expect(s.online).toBe(onlineNames.has(s.name));
    expect(secrets.items.some((s) => s.online) && secrets.items.some((s) => !s.online)).toBe(true);
  });

  it('kicks a PPP session: gone from the simulator, audited', async () => {
    const active = await w.t.call('routers.ppp.active', { routerId: w.routerId, page: 1, pageSize: 500 }, w.inst.adminToken);
    expect(active.total).toBeGreaterThan(50);
    const victim = active.items[0]!;
    await w.t.call('routers.ppp.kick', { routerId: w.routerId, sessionId: victim.id as `*${string}` }, w.inst.adminToken);
    expect(w.sim.state.menu('/ppp/active').find({ name: victim.name })).toBeUndefined();
    const again = await w.t.raw('routers.ppp.kick', { routerId: w.routerId, sessionId: victim.id }, w.inst.adminToken);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await w.t.call('audit.list', { page: 1, pageSize: 5, action: 'router.session-kicked' }, w.inst.adminToken);
    expect(audit.items[0]!.summary).toContain(victim.name);
  });

  it('pages, sorts and filters PPP secrets on the main side', async () => {
    const page = await w.t.call('routers.ppp.secrets', { routerId: w.routerId, page: 2, pageSize: 50, sort: { field: 'name', dir: 'desc' } }, w.inst.adminToken);
    expect(page.total).toBeGreaterThanOrEqual(300);
    expect(page.items).toHaveLength(50);
    const names = page.items.map((s) => s.name);
    expect([...names].sort().reverse()).toEqual(names);
    const profiles = await w.t.call('routers.ppp.profiles', { routerId: w.routerId }, w.inst.adminToken);
    const plan = profiles.items.find((p) => p.name === 'HOME-10M')!;
    expect(plan.rateLimit).toBe('10M/10M');
    const onPlan = await w.t.call('routers.ppp.secrets', { routerId: w.routerId, page: 1, pageSize: 500, profile: 'HOME-10M' }, w.inst.adminToken);
    expect(onPlan.items.every((s) => s.profile === 'HOME-10M')).toBe(true);
    expect(JSON.stringify(onPlan.items)).not.toMatch(/"password"/);
  });

  it('adds, edits, disables and removes a PPP secret on the router', async () => {
    const { id } = await w.t.call('routers.ppp.secret.add', { routerId: w.routerId, name: 'acc9001', password: 'pw-9001', profile: 'HOME-5M', comment: 'Test client' }, w.inst.adminToken);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'acc9001' })).toMatchObject({ profile: 'HOME-5M', service: 'pppoe', disabled: 'false' });
    const dup = await w.t.raw('routers.ppp.secret.add', { routerId: w.routerId, name: 'acc9001', password: 'x', profile: 'HOME-5M' }, w.inst.adminToken);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'router.refused', params: { routerMessage: expect.stringMatching(/already exists/) } } });
    const badProfile = await w.t.raw('routers.ppp.secret.update', { routerId: w.routerId, secretId: id, profile: 'NOPE' }, w.inst.adminToken);
    expect(badProfile).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { profile: expect.any(String) } } });
    await w.t.call('routers.ppp.secret.update', { routerId: w.routerId, secretId: id, disabled: true, profile: 'HOME-10M' }, w.inst.adminToken);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'acc9001' })).toMatchObject({ profile: 'HOME-10M', disabled: 'true' });
    await w.t.call('routers.ppp.secret.remove', { routerId: w.routerId, secretId: id }, w.inst.adminToken);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'acc9001' })).toBeUndefined();
  });

  it('manages simple queues', async () => {
    const { id } = await w.t.call('routers.queues.add', { routerId: w.routerId, name: 'static-client-7', target: '10.50.0.7/32', maxLimit: '5M/10M', comment: 'static' }, w.inst.adminToken);
    expect(w.sim.state.menu('/queue/simple').find({ name: 'static-client-7' })).toMatchObject({ target: '10.50.0.7/32', 'max-limit': '5000000/10000000' });
    const staticOnly = await w.t.call('routers.queues.list', { routerId: w.routerId, page: 1, pageSize: 500, dynamic: false }, w.inst.adminToken);
    expect(staticOnly.items.map((q) => q.name)).toContain('static-client-7');
    expect(staticOnly.items.every((q) => !q.dynamic)).toBe(true);
    const sessions = await w.t.call('routers.queues.list', { routerId: w.routerId, page: 1, pageSize: 500, dynamic: true }, w.inst.adminToken);
    expect(sessions.total).toBeGreaterThan(50);
    await w.t.call('routers.queues.update', { routerId: w.routerId, queueId: id, maxLimit: '20M/20M', comment: '' }, w.inst.adminToken);
    expect(w.sim.state.menu('/queue/simple').find({ name: 'static-client-7' })?.comment ?? '').toBe('');
    const list = await w.t.call('routers.queues.list', { routerId: w.routerId, page: 1, pageSize: 500, q: 'static-client-7' }, w.inst.adminToken);
    expect(list.items[0]).toMatchObject({ maxLimit: '20000000/20000000', dynamic: false });
    await w.t.call('routers.queues.remove', { routerId: w.routerId, queueId: id }, w.inst.adminToken);
    expect(w.sim.state.menu('/queue/simple').find({ name: 'static-client-7' })).toBeUndefined();
    const bad = await w.t.raw('routers.queues.add', { routerId: w.routerId, name: 'x', target: '10.0.0.1/32', maxLimit: 'fast' }, w.inst.adminToken);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { maxLimit: expect.any(String) } } });
  });

  it('adds an expiring address-list entry that the router removes on its own', async () => {
    await w.t.call('routers.address-lists.add', { routerId: w.routerId, list: 'expired', address: '10.9.9.9', timeout: '1h', comment: 'late payer' }, w.inst.adminToken);
    const listed = await w.t.call('routers.address-lists.list', { routerId: w.routerId, page: 1, pageSize: 500, list: 'expired', q: '10.9.9.9' }, w.inst.adminToken);
    expect(listed.items[0]).toMatchObject({ list: 'expired', dynamic: true, comment: 'late payer' });
    const permanent = await w.t.call('routers.address-lists.add', { routerId: w.routerId, list: 'blocked', address: '10.9.9.10' }, w.inst.adminToken);
    await w.t.call('routers.address-lists.remove', { routerId: w.routerId, entryId: permanent.id as `*${string}` }, w.inst.adminToken);
    expect(w.sim.state.menu('/ip/firewall/address-list').find({ address: '10.9.9.10' })).toBeUndefined();
  });

  it('reads DHCP leases, firewall filter rules, hotspot data and the log', async () => {
    const leases = await w.t.call('routers.dhcp.leases', { routerId: w.routerId, page: 1, pageSize: 100 }, w.inst.adminToken);
    expect(leases.total).toBeGreaterThan(0);
    const filters = await w.t.call('routers.firewall.filters', { routerId: w.routerId }, w.inst.adminToken);
    expect(filters.items.some((f) => f.srcAddressList === 'expired' && f.action === 'drop')).toBe(true);
    const users = await w.t.call('routers.hotspot.users', { routerId: w.routerId, page: 1, pageSize: 100 }, w.inst.adminToken);
    expect(users.total).toBe(50);
    expect(users.items.some((u) => u.name === 'default-trial')).toBe(false);
    const hsActive = await w.t.call('routers.hotspot.active', { routerId: w.routerId, page: 1, pageSize: 100 }, w.inst.adminToken);
    expect(hsActive.total).toBeGreaterThan(0);
    await w.t.call('routers.hotspot.kick', { routerId: w.routerId, sessionId: hsActive.items[0]!.id as `*${string}` }, w.inst.adminToken);
    expect((await w.t.call('routers.hotspot.active', { routerId: w.routerId, page: 1, pageSize: 100 }, w.inst.adminToken)).total).toBe(hsActive.total - 1);
    const profiles = await w.t.call('routers.hotspot.profiles', { routerId: w.routerId }, w.inst.adminToken);
    expect(profiles.items.length).toBeGreaterThanOrEqual(3);
    const log = await w.t.call('routers.log.recent', { routerId: w.routerId, q: 'logged in' }, w.inst.adminToken);
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items.every((l) => l.message.includes('logged in'))).toBe(true);
  });

  it('lets a cashier reach the hotspot vouchers they sell: router names, users and profiles, nothing else', async () => {
    const cash = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    const routers = await w.t.call('routers.hotspot.routers', {}, cash.token);
    expect(routers.items).toEqual([{ id: w.routerId, name: 'Core', isCore: false, status: expect.any(String) }]);
    // Names only: no address, user or credentials for a role that does not read routers.
    expect(JSON.stringify(routers)).not.toContain('127.0.0.1');
    const page = { routerId: w.routerId, page: 1, pageSize: 100 };
    const asCashier = await w.t.call('routers.hotspot.users', page, cash.token);
    expect(asCashier.total).toBeGreaterThan(0);
    // The same vouchers an administrator sees (uptime counters move between the two reads).
    const names = (r: typeof asCashier) => r.items.map((u) => u.name);
    expect(names(asCashier)).toEqual(names(await w.t.call('routers.hotspot.users', page, w.inst.adminToken)));
    expect((await w.t.call('routers.hotspot.profiles', { routerId: w.routerId }, cash.token)).items.length).toBeGreaterThan(0);
    const active = await w.t.call('routers.hotspot.active', page, cash.token);
    expect(active.total).toBeGreaterThan(0);
    // Selling vouchers is not operating the router.
    expect(await w.t.raw('routers.hotspot.kick', { routerId: w.routerId, sessionId: active.items[0]!.id as `*${string}` }, cash.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('routers.get', { routerId: w.routerId }, cash.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pings from the router', async () => {
    const r = await w.t.call('routers.ping', { routerId: w.routerId, address: '8.8.8.8', count: 1 }, w.inst.adminToken);
    expect(r).toMatchObject({ sent: 1, received: 1, packetLossPercent: 0 });
    expect(r.replies[0]).toMatchObject({ host: '8.8.8.8', status: null });
  });

  it('a router refusing a command is a clear error, and the process keeps serving', async () => {
    w.sim.faults.set({ trapOnPath: { path: '/queue/simple/add', message: 'not enough permissions (9)' } });
    const env = await w.t.raw('routers.queues.add', { routerId: w.routerId, name: 'q1', target: '10.0.0.1/32', maxLimit: '1M/1M' }, w.inst.adminToken);
    w.sim.faults.clear();
    expect(env).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'missing-policy', key: 'router.unavailable', params: { note: { code: 'permission-denied', params: {} } } } });
    expect((await w.t.raw('routers.dashboard.overview', { routerId: w.routerId }, w.inst.adminToken)).ok).toBe(true);
  });
});
