import { afterEach, describe, expect, it } from 'vitest';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import type { RouterSimulator } from '../../../src-main/routeros-simulator';
import { routerWorld, type RouterWorld } from '../routers/harness';

const N = 6;

/** N static customers as an ISP keeps them by hand: a simple queue per address, most with a static lease. */
function seedStatic(sim: RouterSimulator): void {
  const queues = sim.state.menu('/queue/simple');
  const leases = sim.state.menu('/ip/dhcp-server/lease');
  for (let i = 0; i < N; i += 1) {
    const address = `10.20.0.${10 + i}`;
    queues.add({ name: `biz-${i}`, target: address, 'max-limit': i < 4 ? '10M/10M' : '20M/5M', comment: i === 0 ? 'Karanja Hardware (static IP) 0712345678' : '' });
    if (i < N - 1) leases.add({ address, 'mac-address': `AA:BB:CC:00:00:${String(10 + i)}`, comment: i === 1 ? 'Nyambura Chemist' : '', 'host-name': `host-${i}` });
  }
  // A lease with no queue: no rate to map, listed as skipped.
  leases.add({ address: '10.20.0.99', 'mac-address': 'AA:BB:CC:00:00:99', comment: 'printer' });
  // A queue on a subnet is not one customer.
  queues.add({ name: 'whole-lan', target: '10.30.0.0/24', 'max-limit': '50M/50M' });
}

type Snapshot = Record<string, string | undefined>[];
const strip = (rows: Snapshot, keep: string[]): Snapshot => rows.map((r) => Object.fromEntries(keep.map((k) => [k, r[k]])));
const QUEUE_KEYS = ['.id', 'name', 'target', 'max-limit', 'limit-at', 'burst-limit', 'disabled'];
const LEASE_KEYS = ['.id', 'address', 'mac-address', 'server', 'disabled'];

describe('adopting static customers (simple queues + static leases)', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('previews each queue and lease with its decision, then adopts N static subscribers leaving the router as it was but for our tag', async () => {
    w = await routerWorld();
    seedStatic(w.sim);
    const queues = w.sim.state.menu('/queue/simple');
    const leases = w.sim.state.menu('/ip/dhcp-server/lease');
    const queuesBefore = queues.all().filter((q) => q.dynamic !== 'true') as Snapshot;
    const leasesBefore = leases.all() as Snapshot;

    const preview = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 50 }, w.inst.adminToken);
    expect(preview.counts).toMatchObject({ staticToAdopt: N, staticSkipped: 2, staticPackagesToCreate: 2 });
    const byAddress = Object.fromEntries(preview.staticRows.items.map((r) => [r.address, r]));
    expect(byAddress['10.20.0.99']).toMatchObject({ queueName: null, skip: 'lease-without-queue' });
    expect(byAddress['10.30.0.0/24']).toMatchObject({ queueName: 'whole-lan', skip: 'target-not-single-address' });
    expect(byAddress['10.20.0.10']).toMatchObject({ fullName: 'Karanja Hardware', macAddress: 'AA:BB:CC:00:00:10', packageName: 'Static 10M/10M', skip: null });
    expect(byAddress['10.20.0.11']).toMatchObject({ fullName: 'Nyambura Chemist', skip: null });
    expect(byAddress['10.20.0.15']).toMatchObject({ macAddress: null, packageName: 'Static 20M/5M', skip: null });
    expect(preview.staticPackages.map((p) => [p.packageName, p.cidr, p.customers, p.willCreate]).sort()).toEqual([
      ['Static 10M/10M', '10.20.0.0/24', 4, true], ['Static 20M/5M', '10.20.0.0/24', 2, true],
    ]);

    const progress: unknown[] = [];
    w.t.booted.core.events.subscribe({ token: w.inst.adminToken, send: (name, payload) => name === 'adoption.progress' && progress.push(payload) });
    const first = await w.t.call('adoption.apply', { routerId: w.routerId, staticPrices: [{ key: '10000/10000', priceMinor: 500_000 }], confirm: true }, w.inst.adminToken);
    expect(first).toMatchObject({ packagesCreated: 2, subscribersCreated: 0, staticSubscribersCreated: N, staticSkipped: 2 });
    expect(progress.at(-1)).toEqual({ routerId: w.routerId, done: N, total: N });

    const pkgs = (await w.t.call('packages.list', { page: 1, pageSize: 50 }, w.inst.adminToken)).items;
    expect(pkgs.map((p) => ({ name: p.name, type: p.serviceType, rate: [p.rateLimit.rxKbps, p.rateLimit.txKbps], price: p.priceMinor, count: p.subscriberCount })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Static 10M/10M', type: 'static', rate: [10_000, 10_000], price: 500_000, count: 4 },
      { name: 'Static 20M/5M', type: 'static', rate: [20_000, 5_000], price: 0, count: 2 },
    ]);
    const subs = (await w.t.call('subscribers.list', { page: 1, pageSize: 50 }, w.inst.adminToken)).items;
    expect(subs).toHaveLength(N);
    const karanja = subs.find((s) => s.ipAddress === '10.20.0.10')!;
    expect(karanja).toMatchObject({ serviceType: 'static', fullName: 'Karanja Hardware', macAddress: 'AA:BB:CC:00:00:10', phones: ['+254712345678'], status: 'active' });

    const res = await routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId);
    expect(res).toMatchObject({ refused: 0, offline: false });
    const objects = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
      h.db.selectFrom('routerObjects').select(['status', 'lastError', 'menu']).where('routerId', '=', w.routerId).execute());
    expect(objects.filter((o) => o.status !== 'synced')).toEqual([]);

    // Same queues and leases (same .id, name, target, rate, MAC), no duplicates; only the comment changed.
    const queuesAfter = queues.all().filter((q) => q.dynamic !== 'true') as Snapshot;
    expect(strip(queuesAfter, QUEUE_KEYS)).toEqual(strip(queuesBefore, QUEUE_KEYS));
    expect(strip(leases.all() as Snapshot, LEASE_KEYS)).toEqual(strip(leasesBefore, LEASE_KEYS));
    const tagged = queuesAfter.filter((q) => (q.comment ?? '').startsWith('ispdesk:'));
    expect(tagged.map((q) => q.name).sort()).toEqual(Array.from({ length: N }, (_, i) => `biz-${i}`));
    expect(leases.all().filter((l) => (l.comment ?? '').startsWith('ispdesk:'))).toHaveLength(N - 1);
    expect(leases.find({ address: '10.20.0.99' })!.comment).toBe('printer');
    // Each adopted address is in the allowed list (what lets the router cut it at expiry).
    const allowed = w.sim.state.menu('/ip/firewall/address-list').all().filter((e) => e.list === 'ispdesk-static').map((e) => e.address).sort();
    expect(allowed).toEqual(Array.from({ length: N }, (_, i) => `10.20.0.${10 + i}`));

    // A second run finds them ours: no new packages or subscribers.
    const again = await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    expect(again).toMatchObject({ packagesCreated: 0, staticSubscribersCreated: 0 });
    expect((await w.t.call('subscribers.list', { page: 1, pageSize: 1 }, w.inst.adminToken)).total).toBe(N);
    const rows = (await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 50 }, w.inst.adminToken)).staticRows.items;
    expect(rows.filter((r) => r.queueName?.startsWith('biz-')).every((r) => r.skip === 'ours')).toBe(true);
  });

  it('skips an address a subscriber already has and reuses the static package of that rate', async () => {
    w = await routerWorld();
    seedStatic(w.sim);
    await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    // Someone adds an untagged queue for an address already taken, and one for a new customer.
    w.sim.state.menu('/queue/simple').add({ name: 'dup-of-10', target: '10.20.0.10', 'max-limit': '10M/10M' });
    w.sim.state.menu('/queue/simple').add({ name: 'newcomer', target: '10.20.0.50', 'max-limit': '10M/10M', comment: 'Otieno Stores' });

    const preview = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 50, onlySkipped: false }, w.inst.adminToken);
    const by = Object.fromEntries(preview.staticRows.items.map((r) => [r.queueName, r]));
    expect(by['dup-of-10']).toMatchObject({ skip: 'duplicate-on-router' });
    expect(by.newcomer).toMatchObject({ skip: null, packageName: 'Static 10M/10M' });
    expect(preview.counts.staticPackagesToCreate).toBe(0);

    const res = await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    expect(res).toMatchObject({ packagesCreated: 0, staticSubscribersCreated: 1 });
    expect((await w.t.call('subscribers.list', { page: 1, pageSize: 1 }, w.inst.adminToken)).total).toBe(N + 1);

    // An address staff already gave a subscriber: its untagged queue is skipped, not adopted a second time.
    const pkg = (await w.t.call('packages.list', { page: 1, pageSize: 50 }, w.inst.adminToken)).items.find((p) => p.name === 'Static 10M/10M')!;
    await w.t.call('subscribers.create', { fullName: 'Manual Entry', phones: ['0712000222'], routerId: w.routerId, packageId: pkg.id, ipAddress: '10.20.0.60' }, w.inst.adminToken);
    w.sim.state.menu('/queue/simple').add({ name: 'hand-made-60', target: '10.20.0.60', 'max-limit': '10M/10M' });
    const p2 = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 50 }, w.inst.adminToken);
    expect(p2.staticRows.items.find((r) => r.queueName === 'hand-made-60')).toMatchObject({ skip: 'address-taken', packageName: null });
    expect(p2.counts.staticToAdopt).toBe(0);
  });
});
