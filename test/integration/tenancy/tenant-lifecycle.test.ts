import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, addTenant, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
let inst: Installation;
beforeEach(async () => {
  t = await startTestCore();
  inst = await setUpInstallation(t);
});
afterEach(() => t.close());

describe('first run', () => {
  it('reports setup done and refuses a second setup', async () => {
    expect(await t.call('setup.status', {})).toEqual({ needsSetup: false });
    const again = await t.raw('setup.complete', {
      platformAdmin: { fullName: 'Eve Platform', email: 'eve@x.test', password: 'eve password 1' },
      tenant: { name: 'Other', ownerName: 'Oscar Owner', ownerEmail: 'o@x.test', ownerPhone: '0712345678', admin: { fullName: 'Eve Admin', email: 'eve@x.test', password: 'eve password 1' } },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('creates the tenant file with its first admin and default business settings', async () => {
    expect(existsSync(join(t.dataDir, 'tenants', inst.tenantId, 'data.sqlite'))).toBe(true);
    const staff = await t.call('staff.list', { page: 1, pageSize: 10 }, inst.adminToken);
    expect(staff.items).toEqual([expect.objectContaining({ email: 'ada@alpha.test', roles: ['ADMIN'], mustChangePassword: false })]);
    const settings = await t.call('settings.get', {}, inst.adminToken);
    expect(settings.business).toMatchObject({ legalName: 'Alpha Net', email: 'olive@alpha.test', phone: '+254712345678' });
    expect(settings.tenant).toMatchObject({ currency: 'KES', timezone: 'Africa/Nairobi', country: 'KE', status: 'active' });
  });
});

describe('platform tenant management', () => {
  it('lists tenants with status and staff counts, searchable and sortable', async () => {
    await addTenant(t, inst.platformToken, 'Bravo Broadband', 'admin@bravo.test');
    await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    const list = await t.call('tenants.list', { page: 1, pageSize: 10, sort: { field: 'name', dir: 'desc' } }, inst.platformToken);
    expect(list.items.map((i) => i.name)).toEqual(['Bravo Broadband', 'Alpha Net']);
    expect(list.items[1]).toMatchObject({ staffCount: 2, activeStaffCount: 2, status: 'active' });
    const search = await t.call('tenants.list', { page: 1, pageSize: 10, q: 'bravo' }, inst.platformToken);
    expect(search.total).toBe(1);
  });

  it('keeps tenant names unique, ignoring case and spaces', async () => {
    const env = await t.raw('tenants.create', {
      name: '  alpha   NET ', ownerName: 'Owner', ownerEmail: 'o@o.test', ownerPhone: '0712345678',
      admin: { fullName: 'Someone', email: 's@o.test', password: 'long password' },
    }, inst.platformToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'tenant.name-taken', fields: { name: 'taken' } } });
    expect(t.booted.core.registry.all()).toHaveLength(1);
    expect(readdirSync(join(t.dataDir, 'tenants'))).toHaveLength(1);
  });

  it('makes a new tenant admin choose a password at first sign-in', async () => {
    await t.call('tenants.create', {
      name: 'Charlie', ownerName: 'Owner', ownerEmail: 'o@c.test', ownerPhone: '0712345678',
      admin: { fullName: 'Cee Admin', email: 'cee@c.test', password: 'given by platform' },
    }, inst.platformToken);
    const tenantId = t.booted.core.registry.all().find((x) => x.name === 'Charlie')!.id;
    const s = await t.call('auth.sign-in', { scope: 'tenant', tenantId, email: 'cee@c.test', password: 'given by platform' });
    expect(s.principal.mustChangePassword).toBe(true);
    const blocked = await t.raw('staff.list', { page: 1, pageSize: 5 }, s.token);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' } });
    await t.call('auth.change-password', { currentPassword: 'given by platform', newPassword: 'my own password' }, s.token);
    expect((await t.raw('staff.list', { page: 1, pageSize: 5 }, s.token)).ok).toBe(true);
  });

  it('edits a tenant and records it in the tenant audit log', async () => {
    const updated = await t.call('tenants.update', { tenantId: inst.tenantId, ownerName: 'New Owner', timezone: 'Africa/Kampala' }, inst.platformToken);
    expect(updated).toMatchObject({ ownerName: 'New Owner', timezone: 'Africa/Kampala', currency: 'KES' });
    const audit = await t.call('audit.list', { page: 1, pageSize: 50, action: 'tenant.updated' }, inst.adminToken);
    expect(audit.items[0]).toMatchObject({ actorKind: 'platform', actorName: 'Pat Platform' });
  });

  it('suspends a tenant: its sessions end, its staff cannot sign in, background work stops; reactivation restores', async () => {
    const events: string[] = [];
    t.booted.core.hooks.add({ onInactive: (id, why) => void events.push(`inactive:${id}:${why}`), onActive: (id) => void events.push(`active:${id}`) });
    const cashier = await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'suspended', reason: 'Unpaid licence' }, inst.platformToken);
    expect(events).toContain(`inactive:${inst.tenantId}:suspended`);
    const stale = await t.raw('auth.session', {}, cashier.token);
    expect(stale).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const signIn = await t.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'cash@alpha.test', password: 'staff pass 12x' });
    // The same answer as a wrong password (no status oracle); the sign-in screen's directory shows the suspension.
    expect(signIn).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } });
    // Data kept.
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'active' }, inst.platformToken);
    expect(events).toContain(`active:${inst.tenantId}`);
    const again = await t.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'cash@alpha.test', password: 'staff pass 12x' });
    expect(again.principal.kind).toBe('staff');
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    const audit = await t.call('audit.list', { page: 1, pageSize: 50, action: 'tenant.status-changed' }, admin.token);
    expect(audit.items.map((i) => i.summary)).toEqual(['Status suspended → active', 'Status active → suspended: Unpaid licence']);
  });

  it('deletes a tenant only when its exact name is typed, leaving nothing behind', async () => {
    const bravo = await addTenant(t, inst.platformToken, 'Bravo Broadband', 'admin@bravo.test');
    const wrong = await t.raw('tenants.delete', { tenantId: bravo.tenantId, confirmName: 'bravo broadband' }, inst.platformToken);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'tenant.confirm-name-mismatch', fields: { confirmName: 'type-name-exactly' } } });
    expect(existsSync(join(t.dataDir, 'tenants', bravo.tenantId))).toBe(true);

    await t.call('tenants.delete', { tenantId: bravo.tenantId, confirmName: 'Bravo Broadband' }, inst.platformToken);
    expect(existsSync(join(t.dataDir, 'tenants', bravo.tenantId))).toBe(false);
    expect(t.booted.core.registry.get(bravo.tenantId)).toBeUndefined();
    expect(await t.raw('auth.session', {}, bravo.adminToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const dir = await t.call('tenants.directory', {});
    expect(dir.items.map((i) => i.name)).toEqual(['Alpha Net']);
    expect(await t.raw('tenants.get', { tenantId: bravo.tenantId }, inst.platformToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
