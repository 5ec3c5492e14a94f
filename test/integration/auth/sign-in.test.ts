import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, ADMIN_PASSWORD, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
let inst: Installation;
beforeEach(async () => {
  t = await startTestCore({ sessionIdleMs: 30 * 60_000 });
  inst = await setUpInstallation(t);
});
afterEach(() => t.close());

const signIn = (password: string, email = 'ada@alpha.test') =>
  t.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email, password });

describe('sign-in', () => {
  it('answers the same way for a wrong password and an unknown email, and audits both', async () => {
    const a = await signIn('wrong password');
    const b = await signIn('wrong password', 'nobody@alpha.test');
    expect(a).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'auth.wrong-credentials', reason: 'BAD_CREDENTIALS' } });
    expect(b).toEqual(a);
    const audit = await t.call('audit.list', { page: 1, pageSize: 10, action: 'auth.sign-in-failed' }, inst.adminToken);
    expect(audit.items.map((i) => i.actorName).sort()).toEqual(['ada@alpha.test', 'nobody@alpha.test']);
  });

  it('locks an email after 5 failures, even with the right password, until the lock passes', async () => {
    for (let i = 0; i < 5; i++) await signIn('wrong password');
    const locked = await signIn(ADMIN_PASSWORD);
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', key: 'auth.rate-limited', params: { minutes: 1 } } });
    t.clock.advance(61_000);
    expect((await signIn(ADMIN_PASSWORD)).ok).toBe(true);
  });

  it('doubles the lock on repeated guessing', async () => {
    for (let i = 0; i < 5; i++) await signIn('wrong password');
    t.clock.advance(61_000);
    for (let i = 0; i < 5; i++) await signIn('wrong password');
    t.clock.advance(61_000);
    expect(await signIn(ADMIN_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    t.clock.advance(60_000);
    expect((await signIn(ADMIN_PASSWORD)).ok).toBe(true);
  });

  it('throttles per email: another staff member can still sign in', async () => {
    await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    for (let i = 0; i < 5; i++) await signIn('wrong password');
    expect((await signIn('staff pass 12x', 'cash@alpha.test')).ok).toBe(true);
  });

  it('ends a session after the idle timeout but keeps a busy one alive', async () => {
    const busy = await t.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * 60_000);
      expect((await t.raw('auth.session', {}, busy.token)).ok).toBe(true);
    }
    t.clock.advance(31 * 60_000);
    expect(await t.raw('auth.session', {}, busy.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } });
  });

  it('signs out', async () => {
    await t.call('auth.sign-out', {}, inst.adminToken);
    expect(await t.raw('staff.list', { page: 1, pageSize: 5 }, inst.adminToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('platform sign-in is separate from tenant sign-in', async () => {
    const p = await t.call('auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: 'platform pass 1' });
    expect(p.principal).toMatchObject({ kind: 'platform', fullName: 'Pat Platform' });
    const asStaff = await t.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'pat@platform.test', password: 'platform pass 1' });
    expect(asStaff.ok).toBe(false);
  });
});

describe('passwords', () => {
  it('changes your own password only with the current one', async () => {
    const wrong = await t.raw('auth.change-password', { currentPassword: 'nope nope', newPassword: 'brand new pass' }, inst.adminToken);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { currentPassword: 'not-current-password' } } });
    await t.call('auth.change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'brand new pass' }, inst.adminToken);
    expect((await signIn(ADMIN_PASSWORD)).ok).toBe(false);
    expect((await signIn('brand new pass')).ok).toBe(true);
  });

  it('enforces a minimum length', async () => {
    const env = await t.raw('auth.change-password', { currentPassword: ADMIN_PASSWORD, newPassword: 'short' }, inst.adminToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { newPassword: 'PASSWORD_TOO_SHORT' } } });
  });

  it('an admin reset forces a change at next sign-in and ends the member’s sessions', async () => {
    const cash = await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    await t.call('staff.reset-password', { staffId: cash.id, newPassword: 'temporary pass 1' }, inst.adminToken);
    expect(await t.raw('auth.session', {}, cash.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const s = await t.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'cash@alpha.test', password: 'temporary pass 1' });
    expect(s.principal.mustChangePassword).toBe(true);
  });
});
