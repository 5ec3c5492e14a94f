import { afterEach, describe, expect, it } from 'vitest';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routerWorld, type RouterWorld } from '../routers/harness';

describe('"adopt theirs" for a static subscriber adopted from the router', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('takes a queue speed changed in Winbox as the package of that speed, and a cut address list entry as suspended', async () => {
    w = await routerWorld();
    const queues = w.sim.state.menu('/queue/simple');
    queues.add({ name: 'shop-a', target: '10.40.0.10', 'max-limit': '10M/10M', comment: 'Shop A' });
    queues.add({ name: 'shop-b', target: '10.40.0.11', 'max-limit': '20M/20M', comment: 'Shop B' });
    await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    const drain = async () => expect(await routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId)).toMatchObject({ refused: 0, offline: false });
    await drain();
    const subs = (await w.t.call('subscribers.list', { page: 1, pageSize: 10 }, w.inst.adminToken)).items;
    const a = subs.find((s) => s.ipAddress === '10.40.0.10')!;
    const pkgs = (await w.t.call('packages.list', { page: 1, pageSize: 10 }, w.inst.adminToken)).items;
    const fast = pkgs.find((p) => p.name === 'Static 20M/20M')!;

    // Changed by hand: shop-a gets 20M, and its address is moved to the cut list.
    queues.update(queues.find({ name: 'shop-a' })!['.id']!, { 'max-limit': '20M/20M' });
    const lists = w.sim.state.menu('/ip/firewall/address-list');
    lists.update(lists.find({ address: '10.40.0.10' })!['.id']!, { list: 'ispdesk-expired' });
    await w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
    const drift = (await w.t.call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 50 }, w.inst.adminToken)).items.filter((d) => d.kind === 'different');
    expect(drift.map((d) => d.menu).sort()).toEqual(['/ip/firewall/address-list', '/queue/simple']);
    expect(await w.t.call('sync.drift.resolve', { ids: drift.map((d) => d.id), action: 'adopt-theirs' }, w.inst.adminToken)).toEqual({ resolved: 2, skipped: 0 });

    expect(await w.t.call('subscribers.get', { subscriberId: a.id }, w.inst.adminToken)).toMatchObject({ packageId: fast.id, status: 'suspended' });
    await drain();
    // The router keeps what staff took from it; the queue keeps its name.
    expect(queues.find({ name: 'shop-a' })).toMatchObject({ 'max-limit': '20000000/20000000' });
    expect(lists.find({ address: '10.40.0.10' })).toMatchObject({ list: 'ispdesk-expired' });
    expect(await w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken)).toMatchObject({ different: 0, missing: 0 });

    // A speed no static package on the router has is refused with the router's value named.
    queues.update(queues.find({ name: 'shop-b' })!['.id']!, { 'max-limit': '7M/7M' });
    await w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
    const odd = (await w.t.call('sync.drift.list', { routerId: w.routerId, page: 1, pageSize: 50 }, w.inst.adminToken)).items.find((d) => d.kind === 'different')!;
    const res = await w.t.raw('sync.drift.resolve', { ids: [odd.id], action: 'adopt-theirs' }, w.inst.adminToken);
    expect(res).toMatchObject({ ok: false, error: { key: 'drift.rate-unknown', params: { rate: '7000000/7000000' } } });
  });
});
