import { afterEach, describe, expect, it } from 'vitest';
import { UNKNOWN_ACCOUNT_AUDITS_PER_WINDOW } from '../../../src-main/core/auth/throttle';
import { ADMIN_PASSWORD, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { http, rpc, setUpOverHttp, startTestServer, tenantRows, type TestServer } from './harness';

/**
 * Issue 6 §4: 48 concurrent wrong guesses were all checked (no 429) and the 48th, right, password signed
 * in; random e-mails were never throttled and each wrote an audit row without authentication.
 */
describe('sign-in throttle', () => {
  let t: TestCore | undefined;
  let s: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    await s?.close();
    t = s = undefined;
  });

  const failedAudits = (core: TestCore['booted']['core'], tenantId: string) => tenantRows(core, tenantId, 'audit_log', "action = 'auth.sign-in-failed'");

  it('evaluates at most 5 of 48 concurrent wrong guesses; the rest are RATE_LIMITED and the right password is refused after them', { timeout: 120_000 }, async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t);
    const guess = (password: string) => t!.raw('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password });
    const results = await Promise.all(Array.from({ length: 48 }, (_, i) => guess(`wrong guess number ${i}`)));
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(43);
    // Only the evaluated guesses left a trace.
    expect(await failedAudits(t.booted.core, inst.tenantId)).toBe(5);
    const right = await guess(ADMIN_PASSWORD);
    expect(right).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(t.booted.core.sessions.all().filter((x) => x.userId === inst.adminId)).toHaveLength(1); // only the fixture's own session
  });

  it('over HTTP: 5 × 401 and 43 × 429 for 48 concurrent guesses, then 429 for the right password; the server stays up', { timeout: 120_000 }, async () => {
    s = await startTestServer();
    const { tenantId } = await setUpOverHttp(s.port);
    const guess = (password: string) => rpc(s!.port, 'auth.sign-in', { scope: 'tenant', tenantId, email: 'ada@alpha.test', password });
    const replies = await Promise.all(Array.from({ length: 48 }, (_, i) => guess(`wrong guess number ${i}`)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(43);
    expect((await guess(ADMIN_PASSWORD)).status).toBe(429);
    expect(await failedAudits(s.server.booted.core, tenantId)).toBe(5);
    expect((await http(s.port, 'GET', '/healthz')).status).toBe(200);
  });

  it('throttles one client across accounts: random e-mails get 429, and unknown e-mails write a bounded number of audit rows', { timeout: 120_000 }, async () => {
    s = await startTestServer();
    const { tenantId } = await setUpOverHttp(s.port);
    // Every e-mail is different, so only the per-client count can stop them — even all at once.
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      rpc(s!.port, 'auth.sign-in', { scope: 'tenant', tenantId, email: `random${i}@guess.test`, password: 'some guess 123' })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(20);
    expect(statuses.filter((x) => x === 429)).toHaveLength(10);
    expect(await failedAudits(s.server.booted.core, tenantId)).toBe(UNKNOWN_ACCOUNT_AUDITS_PER_WINDOW);
    // Platform sign-in from the same client is throttled too.
    expect((await rpc(s.port, 'auth.sign-in', { scope: 'platform', email: 'nobody@guess.test', password: 'some guess 123' })).status).toBe(429);
    expect((await http(s.port, 'GET', '/healthz')).status).toBe(200);
  });

  it('the per-client lock holds for one client only: another window still signs in', { timeout: 120_000 }, async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t);
    const attempt = (client: string, email: string, password: string) =>
      t!.booted.dispatcher.dispatch('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email, password }, { token: null, transport: 'ipc', client });
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('window-1', `random${i}@guess.test`, 'some guess 123')));
    expect(await attempt('window-1', 'ada@alpha.test', ADMIN_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await attempt('window-2', 'ada@alpha.test', ADMIN_PASSWORD)).ok).toBe(true);
  });
});
