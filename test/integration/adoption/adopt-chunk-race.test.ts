import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src-main/core/context';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { mustFindRouter } from '../../../src-main/core/routers/router-repo';
import { findPackage } from '../../../src-main/core/subscribers/package-repo';
import { readSettings } from '../../../src-main/core/subscribers/settings';
import { adoptChunk } from '../../../src-main/core/adoption/adopt-chunk';
import type { RowPlan } from '../../../src-main/core/adoption/plan';
import { routerWorld, type RouterWorld } from '../routers/harness';

function row(name: string): RowPlan {
  return {
    secret: { name, password: `pw-${name}`, profile: 'HOME', service: 'pppoe', disabled: false, comment: `Client ${name}`, remoteAddress: '', callerId: '' },
    fullName: `Client ${name}`, phones: [], expiresAt: null, skip: null,
  };
}

describe('a chunk of adopted secrets', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('leaves out a user name that was taken after the preview (any case) and writes the rest with distinct account numbers', async () => {
    w = await routerWorld();
    const pkg = await w.t.call('packages.create', {
      name: 'Home', serviceType: 'pppoe', routerIds: [w.routerId], rateLimit: { rxKbps: 5000, txKbps: 5000 },
      pppProfile: { mode: 'existing', name: 'HOME' }, priceMinor: 0, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, w.inst.adminToken);
    // Planned as free, then taken by staff before apply reached the row.
    await w.t.call('subscribers.create', { fullName: 'Staff Added', phones: ['0712000444'], routerId: w.routerId, packageId: pkg.id, username: 'Client2' }, w.inst.adminToken);

    const created = await withTenantScope(w.t.booted.core, w.inst.tenantId, systemActor('system:demo'), async (scope) => {
      const router = await mustFindRouter(scope.db, w.routerId);
      const full = (await findPackage(scope.db, pkg.id))!;
      return adoptChunk(scope, router, [row('client1'), row('client2'), row('client3')], new Map([['HOME', full]]), await readSettings(scope.db));
    });
    expect(created).toBe(2);
    const list = await w.t.call('subscribers.list', { page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(list.items.map((s) => s.username).sort()).toEqual(['Client2', 'client1', 'client3']);
    expect(new Set(list.items.map((s) => s.accountNumber)).size).toBe(3);
    const adopted = list.items.find((s) => s.username === 'client3')!;
    expect(adopted).toMatchObject({ fullName: 'Client client3', notes: 'Client client3', status: 'active', hasPassword: true });
    expect((await w.t.call('subscribers.reveal-password', { subscriberId: adopted.id }, w.inst.adminToken)).password).toBe('pw-client3');
  });
});
