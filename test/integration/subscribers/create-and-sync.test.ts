import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriberTagPrefix } from '@shared/domain/enforcement-tag';
import { addStaff } from '../../fixtures/test-core';
import { snapshotTenant } from '../../fixtures/db-snapshot';
import { pppoePackage, startSubsWorld, staticPackage, type SubsWorld } from './harness';

describe('packages and subscribers write desired router state through the outbox', () => {
  let w: SubsWorld;
  beforeAll(async () => {
    w = await startSubsWorld();
  });
  afterAll(() => w.close());

  it('queues the managed PPP profile of a new package on each of its routers', async () => {
    const pkg = await w.call('packages.create', pppoePackage([w.routerA, w.routerB]));
    const objects = await w.db((db) => db.selectFrom('routerObjects').selectAll().where('ownerId', '=', pkg.id).orderBy('routerId').execute());
    expect(objects.map((o) => [o.routerId, o.menu, o.tag, o.status])).toEqual(
      [w.routerA, w.routerB].sort().map((r) => [r, '/ppp/profile', 'name=home-10m', 'pending']),
    );
    expect(JSON.parse(objects[0]!.desired!)).toEqual({ name: 'home-10m', 'rate-limit': '5000k/10000k' });
    const outbox = await w.db((db) => db.selectFrom('routerOutbox').selectAll().where('objectId', 'in', objects.map((o) => o.id)).execute());
    expect(outbox).toHaveLength(2);
    expect(outbox.every((o) => o.status === 'pending')).toBe(true);
  });

  it('saves a PPPoE subscriber with a sealed password and its secret queued (router offline: outbox pending)', async () => {
    const pkg = (await w.call('packages.list', { page: 1, pageSize: 10 })).items.find((p) => p.name === 'Home 10M')!;
    const s = await w.call('subscribers.create', {
      fullName: 'Wanjiku Kamau', phones: ['0712 345 678'], routerId: w.routerA, packageId: pkg.id, expiresAt: '2026-12-27T08:00:00.000Z',
    });
    expect(s).toMatchObject({ status: 'active', serviceType: 'pppoe', phones: ['+254712345678'], hasPassword: true, syncState: 'pending' });
    expect(s.accountNumber).toMatch(/^[1-9]\d{5}$/);
    expect(s.username).toBe(s.accountNumber.toLowerCase());

    const secret = await w.db((db) => db.selectFrom('routerObjects').selectAll().where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow());
    expect(secret.tag).toBe(subscriberTagPrefix(s.id));
    expect(secret.routerId).toBe(w.routerA);
    expect(JSON.parse(secret.sealed!)).toEqual({ password: 'pppoe-password' });
    const props = JSON.parse(secret.desired!) as Record<string, string>;
    expect(props).toMatchObject({ name: s.username, service: 'pppoe', profile: 'home-10m', disabled: 'no' });
    expect(props.comment).toBe(`${subscriberTagPrefix(s.id)}exp=${Date.parse('2026-12-27T08:00:00.000Z') / 1000};plan=home-10m`);
    expect(props).not.toHaveProperty('password');
    const outbox = await w.db((db) => db.selectFrom('routerOutbox').selectAll().where('objectId', '=', secret.id).execute());
    expect(outbox).toMatchObject([{ status: 'pending', version: 1, routerId: w.routerA }]);
    const sealed = await w.db((db) => db.selectFrom('secrets').selectAll().where('ownerId', '=', s.id).executeTakeFirstOrThrow());
    expect(sealed.ciphertext.length).toBeGreaterThan(10);

    const reveal = await w.call('subscribers.reveal-password', { subscriberId: s.id });
    expect(reveal.password).toMatch(/^[a-z2-9]{10}$/);
    expect(sealed.ciphertext).not.toContain(reveal.password);
    const history = await w.call('subscribers.history', { subscriberId: s.id });
    expect(history.items.map((h) => h.action)).toEqual(['subscriber.password-revealed', 'subscriber.created']);
  });

  it('refuses to reveal a password to a role without subscribers.manage', async () => {
    const viewer = await addStaff(w.t, w.inst.adminToken, 'vera@alpha.test', ['VIEWER']);
    const s = (await w.call('subscribers.list', { page: 1, pageSize: 1 })).items[0]!;
    const env = await w.t.raw('subscribers.reveal-password', { subscriberId: s.id }, viewer.token);
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('allocates static addresses from the per-router pool and queues lease, queue and address-list', async () => {
    const pkg = await w.call('packages.create', staticPackage([{ routerId: w.routerA, cidr: '10.20.0.0/29' }, { routerId: w.routerB, cidr: '10.30.0.0/24' }]));
    const first = await w.call('subscribers.create', { fullName: 'Otieno Ouma', phones: ['0722000001'], routerId: w.routerA, packageId: pkg.id, macAddress: 'aa-bb-cc-dd-ee-01' });
    const second = await w.call('subscribers.create', { fullName: 'Achieng Atieno', phones: ['0722000002'], routerId: w.routerA, packageId: pkg.id });
    expect([first.ipAddress, second.ipAddress]).toEqual(['10.20.0.2', '10.20.0.3']);
    expect(first.macAddress).toBe('AA:BB:CC:DD:EE:01');
    const objs = await w.db((db) => db.selectFrom('routerObjects').select(['menu', 'desired']).where('ownerId', '=', first.id).orderBy('menu').execute());
    expect(objs.map((o) => [o.menu, JSON.parse(o.desired!)])).toEqual([
      ['/ip/dhcp-server/lease', { address: '10.20.0.2', 'mac-address': 'AA:BB:CC:DD:EE:01', comment: expect.stringMatching(/^ispdesk:v1;sid=/) }],
      ['/ip/firewall/address-list', { list: 'ispdesk-static', address: '10.20.0.2', comment: expect.stringMatching(/;plan=ispdesk-static$/) }],
      ['/queue/simple', { name: `ispdesk-${first.accountNumber}`, target: '10.20.0.2/32', 'max-limit': '10000k/20000k', comment: expect.any(String) }],
    ]);
    // No MAC: no lease (RouterOS needs one), queue and list only.
    const menus = await w.db((db) => db.selectFrom('routerObjects').select('menu').where('ownerId', '=', second.id).execute());
    expect(menus.map((m) => m.menu).sort()).toEqual(['/ip/firewall/address-list', '/queue/simple']);
  });

  describe('bad input: field errors, nothing written', () => {
    const expectRefused = async (channel: 'subscribers.create' | 'subscribers.update', input: unknown, fields: Record<string, string>) => {
      const before = await snapshotTenant(w.t, w.inst.tenantId);
      const env = await w.t.raw(channel, input, w.inst.adminToken);
      expect(env.ok).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('VALIDATION');
        expect(env.error.fields).toMatchObject(fields);
      }
      expect(await snapshotTenant(w.t, w.inst.tenantId)).toEqual(before);
    };
    const pkgs = async () => {
      const items = (await w.call('packages.list', { page: 1, pageSize: 10 })).items;
      return { ppp: items.find((p) => p.name === 'Home 10M')!, stat: items.find((p) => p.name === 'Static 20M')! };
    };

    it('duplicate account number', async () => {
      const { ppp } = await pkgs();
      const existing = (await w.call('subscribers.list', { page: 1, pageSize: 1 })).items[0]!;
      await expectRefused('subscribers.create', { fullName: 'Dup Account', phones: ['0711111111'], routerId: w.routerA, packageId: ppp.id, accountNumber: existing.accountNumber.toLowerCase() }, { accountNumber: 'taken' });
    });

    it('duplicate PPPoE user name (any case)', async () => {
      const { ppp } = await pkgs();
      const existing = (await w.call('subscribers.list', { page: 1, pageSize: 50 })).items.find((s) => s.username)!;
      await expectRefused('subscribers.create', { fullName: 'Dup User', phones: ['0711111112'], routerId: w.routerA, packageId: ppp.id, username: existing.username!.toUpperCase() }, { username: 'taken' });
    });

    it('address outside the pool, and an address already taken', async () => {
      const { stat } = await pkgs();
      await expectRefused('subscribers.create', { fullName: 'Outside Pool', phones: ['0711111113'], routerId: w.routerA, packageId: stat.id, ipAddress: '10.20.1.5' }, { ipAddress: 'outside-pool' });
      await expectRefused('subscribers.create', { fullName: 'Taken Address', phones: ['0711111114'], routerId: w.routerA, packageId: stat.id, ipAddress: '10.20.0.2' }, { ipAddress: 'taken' });
    });

    it('package not offered on the router', async () => {
      const other = await w.call('packages.create', pppoePackage([w.routerB], { name: 'Tower B only', pppProfile: { mode: 'existing', name: 'default' } }));
      await expectRefused('subscribers.create', { fullName: 'Wrong Router', phones: ['0711111115'], routerId: w.routerA, packageId: other.id }, { packageId: 'package-other-router' });
    });

    it('disabled package', async () => {
      const pkg = await w.call('packages.create', pppoePackage([w.routerA], { name: 'Old plan', pppProfile: { mode: 'existing', name: 'default' }, status: 'disabled' }));
      await expectRefused('subscribers.create', { fullName: 'Disabled Plan', phones: ['0711111116'], routerId: w.routerA, packageId: pkg.id }, { packageId: 'package-disabled' });
    });

    it('invalid phone', async () => {
      const { ppp } = await pkgs();
      await expectRefused('subscribers.create', { fullName: 'Bad Phone', phones: ['0812345678'], routerId: w.routerA, packageId: ppp.id }, { 'phones.0': expect.any(String) as unknown as string });
    });

    it('a pool that runs out', async () => {
      const { stat } = await pkgs();
      // 10.20.0.0/29 has 10.20.0.2 – .6 usable; two are used.
      for (const n of [3, 4, 5]) await w.call('subscribers.create', { fullName: `Filler ${n}`, phones: [`072200010${n}`], routerId: w.routerA, packageId: stat.id });
      await expectRefused('subscribers.create', { fullName: 'No Room', phones: ['0711111117'], routerId: w.routerA, packageId: stat.id }, { ipAddress: 'pool-exhausted' });
    });
  });

  it('suspends, reconnects, extends and deletes through desired state (delete removes router objects)', async () => {
    const s = (await w.call('subscribers.list', { page: 1, pageSize: 50 })).items.find((x) => x.fullName === 'Wanjiku Kamau')!;
    const secretProps = async () => w.db(async (db) => {
      const o = await db.selectFrom('routerObjects').select(['desired', 'version']).where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow();
      return { props: o.desired === null ? null : (JSON.parse(o.desired) as Record<string, string>), version: o.version };
    });
    expect((await w.call('subscribers.suspend', { subscriberId: s.id, reason: 'Unpaid install fee' })).status).toBe('suspended');
    expect((await secretProps()).props).toMatchObject({ disabled: 'yes', profile: 'home-10m' });
    expect((await w.call('subscribers.reconnect', { subscriberId: s.id })).status).toBe('active');
    expect((await secretProps()).props).toMatchObject({ disabled: 'no' });
    const extended = await w.call('subscribers.extend', { subscriberId: s.id, count: 1 });
    expect(extended.expiresAt).toBe('2027-01-27T08:00:00.000Z');
    expect((await secretProps()).props!.comment).toContain(`exp=${Date.parse('2027-01-27T08:00:00.000Z') / 1000}`);
    await w.call('subscribers.delete', { subscriberId: s.id });
    expect(await secretProps()).toMatchObject({ props: null, version: 5 });
    const pending = await w.db((db) => db.selectFrom('routerOutbox').selectAll().where('objectId', 'in', db.selectFrom('routerObjects').select('id').where('ownerId', '=', s.id)).execute());
    expect(pending).toHaveLength(5);
    expect((await w.t.raw('subscribers.get', { subscriberId: s.id }, w.inst.adminToken))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await w.db((db) => db.selectFrom('auditLog').select('action').where('targetId', '=', s.id).orderBy('at').orderBy('id').execute());
    expect(audit.map((a) => a.action)).toEqual([
      'subscriber.created', 'subscriber.password-revealed', 'subscriber.suspended', 'subscriber.reconnected', 'subscriber.extended', 'subscriber.deleted',
    ]);
  });

  it('refuses to delete a package that subscribers use', async () => {
    const stat = (await w.call('packages.list', { page: 1, pageSize: 10 })).items.find((p) => p.name === 'Static 20M')!;
    const env = await w.t.raw('packages.delete', { packageId: stat.id }, w.inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'package.in-use', params: { count: 5 } } });
  });

  it('moves a subscriber between routers: objects removed on the old one, created on the new', async () => {
    const stat = (await w.call('packages.list', { page: 1, pageSize: 10 })).items.find((p) => p.name === 'Static 20M')!;
    const s = (await w.call('subscribers.list', { page: 1, pageSize: 50, packageId: stat.id })).items[0]!;
    const moved = await w.call('subscribers.update', { subscriberId: s.id, routerId: w.routerB });
    expect(moved.ipAddress).toBe('10.30.0.2');
    const objs = await w.db((db) => db.selectFrom('routerObjects').select(['routerId', 'menu', 'desired']).where('ownerId', '=', s.id).execute());
    expect(objs.filter((o) => o.routerId === s.routerId).every((o) => o.desired === null)).toBe(true);
    expect(objs.filter((o) => o.routerId === w.routerB && o.desired !== null).map((o) => o.menu).sort())
      .toEqual(s.macAddress ? ['/ip/dhcp-server/lease', '/ip/firewall/address-list', '/queue/simple'] : ['/ip/firewall/address-list', '/queue/simple']);
  });
});
