import { afterEach, describe, expect, it } from 'vitest';
import { routerWorld, ROUTER_PASSWORD, type RouterWorld } from '../routers/harness';

describe('adopting a second router with the same plans', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('maps its profiles onto the packages already adopted and offers them on both routers', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const branchSim = await w.simulator({ seed: 'demo', demoVariant: 'branch' });
    const branch = await w.t.call('routers.create', { name: 'Branch', host: '127.0.0.1', port: branchSim.port, username: 'api', password: ROUTER_PASSWORD }, w.inst.adminToken);
    const first = await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    expect(first.subscribersCreated).toBe(300);

    const preview = await w.t.call('adoption.preview', { routerId: branch.id, page: 1, pageSize: 1 }, w.inst.adminToken);
    expect(preview.counts).toMatchObject({ secrets: 80, toAdopt: 80, packagesToCreate: 0 });
    expect(preview.packages.filter((p) => p.secrets > 0).every((p) => p.packageId !== null && !p.willCreate)).toBe(true);

    const second = await w.t.call('adoption.apply', { routerId: branch.id, confirm: true }, w.inst.adminToken);
    // Static packages are per router (their address pool is this router's): the branch's two queue rates get their own.
    expect(second).toEqual({ packagesCreated: 2, subscribersCreated: 80, skipped: 0, staticSubscribersCreated: 2, staticSkipped: 2 });
    const pkgs = await w.t.call('packages.list', { page: 1, pageSize: 50, serviceType: 'pppoe' }, w.inst.adminToken);
    expect(pkgs.total).toBe(first.packagesCreated - 2);
    const used = new Set((await w.t.call('subscribers.list', { page: 1, pageSize: 500, routerId: branch.id }, w.inst.adminToken)).items.filter((s) => s.serviceType === 'pppoe').map((s) => s.packageId));
    for (const p of pkgs.items.filter((x) => used.has(x.id))) expect(new Set(p.routerIds)).toEqual(new Set([w.routerId, branch.id]));
  });

  it('refuses a second adoption of the same router while one runs, and creates each subscriber once', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const [a, b] = await Promise.all([
      w.t.raw('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken),
      w.t.raw('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken),
    ]);
    const refused = [a, b].filter((e) => !e.ok);
    expect(refused).toHaveLength(1);
    if (!refused[0]!.ok) expect(refused[0]!.error).toMatchObject({ code: 'CONFLICT', key: 'adoption.running' });
    expect((await w.t.call('subscribers.list', { page: 1, pageSize: 1 }, w.inst.adminToken)).total).toBe(302);
  });
});
