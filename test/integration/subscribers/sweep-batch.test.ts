import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pppoePackage, startSubsWorld, type SubsWorld } from './harness';

const HOUR = 3_600_000;
const COUNT = 1_100; // more than two chunks of 500: the batched audit and enqueue must cover every row

describe('expiry sweep in batches', () => {
  let w: SubsWorld;
  beforeAll(async () => {
    w = await startSubsWorld();
    const pkg = (await w.call('packages.create', pppoePackage([w.routerA]))).id;
    const now = w.t.clock.now().getTime();
    for (let i = 0; i < COUNT; i++) {
      await w.call('subscribers.create', { fullName: `Batch ${i}`, phones: ['0712000444'], routerId: w.routerA, packageId: pkg, expiresAt: new Date(now + HOUR).toISOString() });
    }
  });
  afterAll(() => w.close());

  it('expires, queues and audits every subscriber exactly once', async () => {
    w.t.clock.advance(2 * HOUR);
    expect(await w.sweep()).toEqual({ expired: COUNT, reactivated: 0 });
    const counts = await w.db(async (db) => {
      const audited = await db.selectFrom('auditLog').select(['targetId', 'actorId']).where('action', '=', 'subscriber.expired').execute();
      const secrets = await db.selectFrom('routerObjects').select(['id', 'version', 'desired']).where('menu', '=', '/ppp/secret').execute();
      const queued = await db.selectFrom('routerOutbox').select(['objectId', 'version']).where('version', '=', 2).execute();
      return { audited, secrets, queued };
    });
    expect(new Set(counts.audited.map((a) => a.targetId)).size).toBe(COUNT);
    expect(counts.audited.every((a) => a.actorId === 'system:expiry-sweep')).toBe(true);
    expect(counts.audited).toHaveLength(COUNT);
    expect(counts.secrets).toHaveLength(COUNT);
    expect(counts.secrets.every((s) => s.version === 2 && (JSON.parse(s.desired!) as { disabled: string }).disabled === 'yes')).toBe(true);
    expect(new Set(counts.queued.map((q) => q.objectId))).toEqual(new Set(counts.secrets.map((s) => s.id)));
    // A second run finds nothing left to do.
    expect(await w.sweep()).toEqual({ expired: 0, reactivated: 0 });
  });
});
