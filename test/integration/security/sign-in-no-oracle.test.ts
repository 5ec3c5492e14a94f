import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, addTenant, ADMIN_PASSWORD, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { tenantRows } from './harness';

/**
 * Issue 6 §4: sign-in answers the same for a wrong password and for a suspended/deactivated account (or a
 * suspended tenant) until the password is verified *and* the account is usable — no oracle.
 */
describe('sign-in gives no account-status oracle', () => {
  let t: TestCore;
  let inst: Installation;
  beforeEach(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
  });
  afterEach(() => t.close());

  const signIn = (tenantId: string, email: string, password: string) => t.raw('auth.sign-in', { scope: 'tenant', tenantId, email, password });

  it('answers identically for wrong password, unknown e-mail, deactivated account and suspended tenant, right password or not', { timeout: 120_000 }, async () => {
    const sup = await addStaff(t, inst.adminToken, 'sup@alpha.test', ['SUPPORT']);
    await t.call('staff.set-active', { staffId: sup.id, isActive: false }, inst.adminToken);
    const bravo = await addTenant(t, inst.platformToken, 'Bravo Broadband', 'admin@bravo.test');
    await t.call('tenants.set-status', { tenantId: bravo.tenantId, status: 'suspended' }, inst.platformToken);

    const reference = await signIn(inst.tenantId, 'ada@alpha.test', 'wrong password 1');
    expect(reference).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'auth.wrong-credentials', params: {}, reason: 'BAD_CREDENTIALS' } });
    const cases = {
      'unknown e-mail': await signIn(inst.tenantId, 'nobody@alpha.test', 'wrong password 1'),
      'deactivated, wrong password': await signIn(inst.tenantId, 'sup@alpha.test', 'wrong password 1'),
      'deactivated, right password': await signIn(inst.tenantId, 'sup@alpha.test', 'staff pass 12x'),
      'suspended tenant, wrong password': await signIn(bravo.tenantId, 'admin@bravo.test', 'wrong password 1'),
      'suspended tenant, right password': await signIn(bravo.tenantId, 'admin@bravo.test', ADMIN_PASSWORD),
    };
    for (const [label, env] of Object.entries(cases)) expect(env, label).toEqual(reference);
    // No session was created for the unusable accounts.
    expect(t.booted.core.sessions.all().filter((s) => s.userId === sup.id || (s.kind === 'staff' && s.tenantId === bravo.tenantId))).toEqual([]);
  });

  it('a right password on an unusable account still counts as a failed attempt and is audited with the real reason', { timeout: 120_000 }, async () => {
    const sup = await addStaff(t, inst.adminToken, 'sup@alpha.test', ['SUPPORT']);
    await t.call('staff.set-active', { staffId: sup.id, isActive: false }, inst.adminToken);
    for (let i = 0; i < 5; i++) await signIn(inst.tenantId, 'sup@alpha.test', 'staff pass 12x');
    // Locked like any guessed account: knowing the password of a deactivated account does not reset the count.
    expect(await signIn(inst.tenantId, 'sup@alpha.test', 'staff pass 12x')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await tenantRows(t.booted.core, inst.tenantId, 'audit_log', "action = 'auth.sign-in-failed' AND details LIKE '%deactivated%'")).toBe(5);
  });

  it('still signs in a usable account with the right password', async () => {
    expect((await signIn(inst.tenantId, 'ada@alpha.test', ADMIN_PASSWORD)).ok).toBe(true);
  });
});
