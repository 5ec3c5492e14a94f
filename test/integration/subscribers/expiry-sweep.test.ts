import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pppoePackage, startSubsWorld, type SubsWorld } from './harness';

const HOUR = 3_600_000;

describe('catch-up expiry sweep', () => {
  let w: SubsWorld;
  let noGrace: string;
  let withGrace: string;
  beforeAll(async () => {
    w = await startSubsWorld();
    noGrace = (await w.call('packages.create', pppoePackage([w.routerA], { name: 'No grace' }))).id;
    withGrace = (await w.call('packages.create', pppoePackage([w.routerA], { name: 'Grace 6h', pppProfile: { mode: 'managed', name: 'grace-6h' }, graceHours: 6 }))).id;
  });
  afterAll(() => w.close());

  const secretOf = (id: string) => w.db(async (db) => {
    const o = await db.selectFrom('routerObjects').select(['id', 'desired', 'version']).where('ownerId', '=', id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow();
    const outbox = await db.selectFrom('routerOutbox').select('version').where('objectId', '=', o.id).orderBy('version').execute();
    return { props: JSON.parse(o.desired!) as Record<string, string>, outboxVersions: outbox.map((x) => x.version) };
  });

  it('expires past expiry + grace, leaves the rest, and queues the cut to the router in the same run', async () => {
    const now = w.t.clock.now().getTime();
    const mk = (name: string, packageId: string, expiresInMs: number) =>
      w.call('subscribers.create', { fullName: name, phones: ['0712000333'], routerId: w.routerA, packageId, expiresAt: new Date(now + expiresInMs).toISOString() });
    const a = await mk('Expires Soon', noGrace, HOUR);
    const b = await mk('In Grace', withGrace, HOUR);
    const c = await mk('Later', noGrace, 48 * HOUR);
    const suspended = await mk('Suspended', noGrace, HOUR);
    await w.call('subscribers.suspend', { subscriberId: suspended.id });

    expect(await w.sweep()).toEqual({ expired: 0, reactivated: 0 });
    w.t.clock.advance(2 * HOUR);
    expect(await w.sweep()).toEqual({ expired: 1, reactivated: 0 });
    const statuses = async () => Object.fromEntries((await w.call('subscribers.list', { page: 1, pageSize: 50 })).items.map((s) => [s.fullName, s.status]));
    expect(await statuses()).toEqual({ 'Expires Soon': 'expired', 'In Grace': 'active', Later: 'active', Suspended: 'suspended' });
    expect(await secretOf(a.id)).toMatchObject({ props: { disabled: 'yes', profile: 'home-10m' }, outboxVersions: [1, 2] });

    w.t.clock.advance(5 * HOUR);
    expect(await w.sweep()).toEqual({ expired: 1, reactivated: 0 });
    expect(await statuses()).toMatchObject({ 'In Grace': 'expired', Later: 'active', Suspended: 'suspended' });
    expect((await secretOf(b.id)).props.disabled).toBe('yes');
    expect((await secretOf(c.id)).outboxVersions).toEqual([1]);
    // Running again changes nothing and queues nothing.
    expect(await w.sweep()).toEqual({ expired: 0, reactivated: 0 });
    expect((await secretOf(a.id)).outboxVersions).toEqual([1, 2]);
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['action', 'actorId']).where('targetId', '=', a.id).orderBy('at').orderBy('id').execute());
    expect(audit.at(-1)).toEqual({ action: 'subscriber.expired', actorId: 'system:expiry-sweep' });
  });

  it('re-activates an expired subscriber whose expiry moved ahead, never a suspended one', async () => {
    const a = (await w.call('subscribers.list', { page: 1, pageSize: 50, q: 'Expires Soon' })).items[0]!;
    // Renewed by another path (payments) writing only the expiry: the sweep brings the router back.
    await w.db((db) => db.updateTable('subscribers').set({ expiresAt: new Date(w.t.clock.now().getTime() + 24 * HOUR).toISOString() }).where('id', '=', a.id).execute());
    expect(await w.sweep()).toEqual({ expired: 0, reactivated: 1 });
    expect((await w.call('subscribers.get', { subscriberId: a.id })).status).toBe('active');
    expect(await secretOf(a.id)).toMatchObject({ props: { disabled: 'no' }, outboxVersions: [1, 2, 3] });
    const s = (await w.call('subscribers.list', { page: 1, pageSize: 50, q: 'Suspended' })).items[0]!;
    expect(s.status).toBe('suspended');
  });

  it("uses the tenant's expiry action: the expired profile instead of disabling", async () => {
    const b = (await w.call('subscribers.list', { page: 1, pageSize: 50, q: 'In Grace' })).items[0]!;
    await w.call('subscribers.settings.update', { expiryAction: 'expired-profile' });
    expect(await secretOf(b.id)).toMatchObject({ props: { disabled: 'no', profile: 'ispdesk-expired' } });
  });

  it('is declared as a scheduled job running every minute, catching up once after downtime', () => {
    const job = w.t.booted.core.modules.get({ name: 'subscribers' } as never) as { scheduledJobs: { key: string; schedule: unknown; missed: string }[] };
    expect(job.scheduledJobs.map((j) => [j.key, j.schedule, j.missed])).toEqual([['subscribers.expiry-sweep', { everyMs: 60_000 }, 'run-once']]);
  });
});
