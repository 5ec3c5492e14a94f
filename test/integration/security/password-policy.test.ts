import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '@shared/contract';
import { addStaff, ADMIN_PASSWORD, PLATFORM_PASSWORD, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { snapshotAll } from '../../fixtures/db-snapshot';
import { appRows, setupInput } from './harness';

/**
 * Issue 6 §4: at least 12 characters, not the user's e-mail or name, not a common password — with
 * field-level codes — and changing one's own password ends the user's other sessions.
 */
type SetupInput = { platformAdmin: Record<string, string>; tenant: { admin: Record<string, string> } };

describe('password policy at first run', { timeout: 120_000 }, () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await startTestCore();
  });
  afterEach(() => t.close());

  const withPasswords = (platform: string, tenantAdmin = ADMIN_PASSWORD): SetupInput => {
    const input = setupInput(1) as SetupInput;
    input.platformAdmin.password = platform;
    input.tenant.admin.password = tenantAdmin;
    return input;
  };

  it.each([
    ['too short', withPasswords('short pass'), 'platformAdmin.password', 'PASSWORD_TOO_SHORT'],
    ['common', withPasswords('Password2024!'), 'platformAdmin.password', 'PASSWORD_COMMON'],
    ['the e-mail', withPasswords('pat1@platform.test'), 'platformAdmin.password', 'PASSWORD_IS_EMAIL'],
    ['the name', withPasswords('Pat Platform 1 !!'), 'platformAdmin.password', 'PASSWORD_IS_NAME'],
    ["the tenant admin's e-mail", withPasswords(PLATFORM_PASSWORD, 'ada@alpha.test'), 'tenant.admin.password', 'PASSWORD_IS_EMAIL'],
  ])('refuses a %s password with a field code and writes nothing', async (_label, input, field, code) => {
    const env = await t.raw('setup.complete', input);
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: code } } });
    expect(appRows(t.booted.core, 'platform_admins')).toBe(0);
    expect(appRows(t.booted.core, 'tenants')).toBe(0);
    expect(await t.call('setup.status', {})).toEqual({ needsSetup: true });
  });
});

describe('password policy for staff and own passwords', { timeout: 120_000 }, () => {
  let t: TestCore;
  let inst: Installation;
  beforeEach(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
  });
  afterEach(() => t.close());

  it('staff.create, staff.reset-password, tenants.create and auth.change-password refuse weak passwords and write nothing', async () => {
    const cash = await addStaff(t, inst.adminToken, 'cashier@alpha.test', ['CASHIER']);
    const before = await snapshotAll(t);
    const refusals: [string, unknown, string | null, string, string][] = [
      ['staff.create', { fullName: 'Wanjiru Kamau', email: 'wanjiru@alpha.test', roles: ['VIEWER'], password: 'qwertyuiop12' }, inst.adminToken, 'password', 'PASSWORD_COMMON'],
      ['staff.create', { fullName: 'Wanjiru Kamau', email: 'wanjiru@alpha.test', roles: ['VIEWER'], password: 'Wanjiru2026!!' }, inst.adminToken, 'password', 'PASSWORD_IS_EMAIL'],
      ['staff.create', { fullName: 'Wanjiru Kamau', email: 'wanjiru@alpha.test', roles: ['VIEWER'], password: 'eleven char' }, inst.adminToken, 'password', 'PASSWORD_TOO_SHORT'],
      ['staff.reset-password', { staffId: cash.id, newPassword: 'Staff cashier 2026' }, inst.adminToken, 'newPassword', 'PASSWORD_IS_NAME'],
      ['tenants.create', {
        name: 'Bravo Net', ownerName: 'Owner', ownerEmail: 'o@bravo.test', ownerPhone: '0712345678',
        admin: { fullName: 'Bravo Boss', email: 'boss@bravo.test', password: 'Bravo Boss 2026' },
      }, inst.platformToken, 'admin.password', 'PASSWORD_IS_NAME'],
      ['auth.change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'ada@alpha.test' }, inst.adminToken, 'newPassword', 'PASSWORD_IS_EMAIL'],
      ['auth.change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'letmein12345' }, inst.adminToken, 'newPassword', 'PASSWORD_COMMON'],
      ['auth.change-password', { currentPassword: PLATFORM_PASSWORD, newPassword: 'Pat Platform 1!' }, inst.platformToken, 'newPassword', 'PASSWORD_IS_NAME'],
    ];
    for (const [channel, input, token, field, code] of refusals) {
      const env = await t.raw(channel, input, token);
      expect(env, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: code } } });
    }
    expect(await snapshotAll(t)).toEqual(before);
    // The refused password changes ended no session.
    expect((await t.raw('auth.session', {}, inst.adminToken)).ok).toBe(true);
    expect((await t.raw('auth.session', {}, cash.token)).ok).toBe(true);
  });

  it("changing one's own password ends the user's other sessions (told why), not the current one nor anyone else's", async () => {
    const signIn = () => t.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD });
    const laptop = await signIn();
    const phone = await signIn();
    const cash = await addStaff(t, inst.adminToken, 'cashier@alpha.test', ['CASHIER']);
    const told: { name: EventName; payload: unknown }[] = [];
    t.booted.core.events.subscribe({ token: phone.token, send: (name, payload) => told.push({ name, payload }) });

    await t.call('auth.change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'a brand new phrase 7' }, laptop.token);
    expect((await t.raw('auth.session', {}, laptop.token)).ok).toBe(true);
    expect(await t.raw('auth.session', {}, phone.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.raw('auth.session', {}, inst.adminToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(told).toContainEqual({ name: 'session.ended', payload: { reason: 'password-changed' } });
    expect((await t.raw('auth.session', {}, cash.token)).ok).toBe(true);
    expect((await t.raw('auth.session', {}, inst.platformToken)).ok).toBe(true);
  });

  it('the same for a platform administrator', async () => {
    const other = await t.call('auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD });
    await t.call('auth.change-password', { currentPassword: PLATFORM_PASSWORD, newPassword: 'a brand new phrase 7' }, inst.platformToken);
    expect((await t.raw('auth.session', {}, inst.platformToken)).ok).toBe(true);
    expect(await t.raw('auth.session', {}, other.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await t.raw('auth.session', {}, inst.adminToken)).ok).toBe(true);
  });
});
