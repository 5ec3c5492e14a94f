import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { pppoePackage, startSubsWorld, type SubsWorld } from './harness';

const HOUR = 3_600_000;

/**
 * The list's total for status/router/package filters comes from trigger-kept counts: after creates,
 * suspensions, expiry, moves between routers and packages, soft and hard deletes it must equal count(*).
 */
describe('subscriber list totals', () => {
  let w: SubsWorld;
  let pkgA: string;
  let pkgB: string;
  beforeAll(async () => {
    w = await startSubsWorld();
    pkgA = (await w.call('packages.create', pppoePackage([w.routerA, w.routerB]))).id;
    pkgB = (await w.call('packages.create', pppoePackage([w.routerA, w.routerB], { name: 'Business', pppProfile: { mode: 'managed', name: 'biz' } }))).id;
    const now = w.t.clock.now().getTime();
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const s = await w.call('subscribers.create', {
        fullName: `Count ${i}`, phones: ['0712000555'], routerId: i % 3 === 0 ? w.routerB : w.routerA, packageId: i % 2 === 0 ? pkgA : pkgB,
        expiresAt: new Date(now + (i % 4 === 0 ? HOUR : 30 * 24 * HOUR)).toISOString(),
      });
      ids.push(s.id);
    }
    for (const id of ids.slice(0, 3)) await w.call('subscribers.suspend', { subscriberId: id });
    for (const id of ids.slice(5, 8)) await w.call('subscribers.delete', { subscriberId: id });
    const move = { ids: ids.slice(9, 13), operation: { action: 'moveRouter' as const, routerId: w.routerB, packageId: pkgB } };
    await w.call('subscribers.bulk.apply', { ...move, token: (await w.call('subscribers.bulk.preview', move)).token });
    w.t.clock.advance(2 * HOUR);
    expect((await w.sweep()).expired).toBeGreaterThan(0);
    // A row removed outright (not through the app) leaves the totals right too.
    await w.db((db) => db.deleteFrom('subscribers').where('id', '=', ids[23]!).execute());
  });
  afterAll(() => w.close());

  it('equals a plain count for every combination of status, router and package', async () => {
    const filters: Omit<InputOf<'subscribers.list'>, 'page' | 'pageSize'>[] = [];
    for (const status of [undefined, 'active', 'expired', 'suspended', 'disabled'] as const) {
      for (const routerId of [undefined, w.routerA, w.routerB]) {
        for (const packageId of [undefined, pkgA, pkgB]) filters.push({ status, routerId, packageId });
      }
    }
    const nonZero = new Set<number>();
    for (const f of filters) {
      const listed = await w.call('subscribers.list', { page: 1, pageSize: 500, ...f });
      const counted = await w.db(async (db) => {
        let q = db.selectFrom('subscribers').select((eb) => eb.fn.countAll<number>().as('n')).where('deletedAt', 'is', null);
        if (f.status) q = q.where('status', '=', f.status);
        if (f.routerId) q = q.where('routerId', '=', f.routerId);
        if (f.packageId) q = q.where('packageId', '=', f.packageId);
        return Number((await q.executeTakeFirstOrThrow()).n);
      });
      expect({ f, total: listed.total, items: listed.items.length }).toEqual({ f, total: counted, items: counted });
      nonZero.add(counted);
    }
    // The fixture spreads rows over the groups: the totals compared are not all the same number.
    expect(nonZero.size).toBeGreaterThan(4);
    expect((await w.call('subscribers.list', { page: 1, pageSize: 1 })).total).toBe(24 - 3 - 1);
  });
});
