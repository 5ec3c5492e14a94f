import { afterEach, describe, expect, it } from 'vitest';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routerWorld, type RouterWorld } from '../routers/harness';

describe('draining after adopting the demo router', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('claims each untagged secret by name instead of adding a duplicate, without kicking sessions', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const secrets = w.sim.state.menu('/ppp/secret');
    const before = secrets.all().length;
    const active = w.sim.state.menu('/ppp/active').all().map((a) => a.name).sort();
    expect(active.length).toBeGreaterThan(0);

    await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    const res = await routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId);
    expect(res).toMatchObject({ refused: 0, offline: false });

    const objects = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
      h.db.selectFrom('routerObjects').select(['status', 'lastError', 'menu', 'tag', 'desired']).where('routerId', '=', w.routerId).execute());
    expect(objects.length).toBeGreaterThanOrEqual(300);
    expect(objects.filter((o) => o.status !== 'synced')).toEqual([]);

    // Still one secret per name, now carrying our tag; profile and disabled as they were.
    const after = secrets.all();
    expect(after).toHaveLength(before);
    expect(new Set(after.map((s) => s.name)).size).toBe(before);
    for (const o of objects.filter((x) => x.menu === '/ppp/secret')) {
      const desired = JSON.parse(o.desired!) as Record<string, string>;
      const row = secrets.find({ name: desired.name! })!;
      expect(row.comment).toBe(desired.comment);
      expect(row.profile).toBe(desired.profile);
    }
    // Nobody was kicked off.
    expect(w.sim.state.menu('/ppp/active').all().map((a) => a.name).sort()).toEqual(active);
  });
});
