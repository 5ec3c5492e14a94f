import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addStaff, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
let inst: Installation;
beforeEach(async () => {
  t = await startTestCore();
  inst = await setUpInstallation(t);
});
afterEach(() => t.close());

describe('staff and roles', () => {
  it('keeps emails unique per tenant', async () => {
    await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    const dup = await t.raw('staff.create', { fullName: 'Other Person', email: 'CASH@alpha.test', roles: ['VIEWER'], password: 'viewer pass 1' }, inst.adminToken);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'staff.email-taken', fields: { email: 'taken' } } });
  });

  it('lets each role reach only what the matrix allows', async () => {
    const cashier = await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    const viewer = await addStaff(t, inst.adminToken, 'view@alpha.test', ['VIEWER']);
    for (const token of [cashier.token, viewer.token]) {
      for (const [channel, input] of [['settings.get', {}], ['staff.list', { page: 1, pageSize: 5 }], ['audit.list', { page: 1, pageSize: 5 }]] as const) {
        expect(await t.raw(channel, input, token), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    const me = await t.call('auth.session', {}, cashier.token);
    expect(me).toMatchObject({ kind: 'staff', roles: ['CASHIER'], permissions: expect.arrayContaining(['payments.collect', 'vouchers.sell']) });
  });

  it('applies role changes at once', async () => {
    const s = await addStaff(t, inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    expect((await t.raw('staff.list', { page: 1, pageSize: 5 }, s.token)).ok).toBe(false);
    await t.call('staff.update', { staffId: s.id, roles: ['TECHNICIAN', 'ADMIN'] }, inst.adminToken);
    expect((await t.raw('staff.list', { page: 1, pageSize: 5 }, s.token)).ok).toBe(true);
    const audit = await t.call('audit.list', { page: 1, pageSize: 5, action: 'staff.roles-changed' }, inst.adminToken);
    expect(audit.items[0]!.summary).toMatch(/TECHNICIAN → TECHNICIAN, ADMIN/);
  });

  it('never leaves a tenant without an active admin', async () => {
    const demote = await t.raw('staff.update', { staffId: inst.adminId, roles: ['VIEWER'] }, inst.adminToken);
    expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const self = await t.raw('staff.set-active', { staffId: inst.adminId, isActive: false }, inst.adminToken);
    expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('deactivation signs the member out and blocks sign-in; reactivation restores', async () => {
    const s = await addStaff(t, inst.adminToken, 'sup@alpha.test', ['SUPPORT']);
    await t.call('staff.set-active', { staffId: s.id, isActive: false }, inst.adminToken);
    expect(await t.raw('auth.session', {}, s.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const blocked = await t.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'sup@alpha.test', password: 'staff pass 12x' });
    // The same answer as a wrong password: the account's state is no one's business before it can sign in.
    expect(blocked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } });
    await t.call('staff.set-active', { staffId: s.id, isActive: true }, inst.adminToken);
    expect((await t.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'sup@alpha.test', password: 'staff pass 12x' })).ok).toBe(true);
  });

  it('pages, sorts and filters the staff list on the main side', async () => {
    for (const n of ['bea', 'cal', 'dan', 'eli']) await t.call('staff.create', { fullName: `${n} Person`, email: `${n}@alpha.test`, roles: [n === 'dan' ? 'CASHIER' : 'VIEWER'], password: 'viewer pass 1' }, inst.adminToken);
    const p1 = await t.call('staff.list', { page: 1, pageSize: 2, sort: { field: 'fullName', dir: 'asc' } }, inst.adminToken);
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items.map((s) => s.fullName)).toEqual(['Ada Admin', 'bea Person']);
    const cashiers = await t.call('staff.list', { page: 1, pageSize: 10, role: 'CASHIER' }, inst.adminToken);
    expect(cashiers.items.map((s) => s.email)).toEqual(['dan@alpha.test']);
    const search = await t.call('staff.list', { page: 1, pageSize: 10, q: 'ELI' }, inst.adminToken);
    expect(search.total).toBe(1);
    const pct = await t.call('staff.list', { page: 1, pageSize: 10, q: '%' }, inst.adminToken);
    expect(pct.total).toBe(0);
  });
});

describe('audit log', () => {
  it('records sign-ins, staff changes and settings changes, filterable by action and actor', async () => {
    await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    await t.call('settings.update', {
      legalName: 'Alpha Net Ltd', address: 'Moi Avenue', phone: '', email: '', taxId: 'P0512', vatRateBasisPoints: 1600, receiptFooter: 'Asante',
    }, inst.adminToken);
    const all = await t.call('audit.list', { page: 1, pageSize: 100 }, inst.adminToken);
    expect(all.items.map((i) => i.action)).toEqual(expect.arrayContaining(['auth.sign-in', 'staff.created', 'settings.updated', 'auth.password-changed']));
    expect(all.items[0]!.at >= all.items.at(-1)!.at).toBe(true);
    const mine = await t.call('audit.list', { page: 1, pageSize: 100, actorId: inst.adminId, action: 'settings.updated' }, inst.adminToken);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.summary).toMatch(/legalName/);
  });

  it('refuses edits and deletions at the database level', async () => {
    await t.booted.core.tenants.use(inst.tenantId, async (h) => {
      await expect(sql`UPDATE audit_log SET summary = 'x'`.execute(h.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(h.db)).rejects.toThrow(/append-only/);
    });
  });
});
