import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionChanges } from '../../../src-main/core/rpc/sessions';
import { ADMIN_PASSWORD, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

/** The dispatcher tells a transport which sessions a call opened or ended; transports never read outputs for tokens. */
describe('dispatcher session reports', () => {
  let t: TestCore;
  let inst: Installation;
  beforeAll(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
  });
  afterAll(() => t.close());

  const dispatch = async (channel: string, input: unknown, token: string | null) => {
    const reports: SessionChanges[] = [];
    const envelope = await t.booted.dispatcher.dispatch(channel, input, { token, transport: 'test' }, { onSessions: (c) => reports.push(c) });
    return { envelope, reports };
  };

  it('reports the session a sign-in opened, and the one a sign-out ended', async () => {
    const signIn = await dispatch('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD }, null);
    const token = (signIn.envelope as { ok: true; data: { token: string } }).data.token;
    expect(signIn.reports).toHaveLength(1);
    expect(signIn.reports[0]!.created.map((s) => s.token)).toEqual([token]);
    expect(signIn.reports[0]!.created[0]).toMatchObject({ kind: 'staff', tenantId: inst.tenantId, userId: inst.adminId });
    expect(signIn.reports[0]!.ended).toEqual([]);

    const signOut = await dispatch('auth.sign-out', {}, token);
    expect(signOut.reports.map((r) => ({ created: r.created.length, ended: r.ended.map((s) => s.token) }))).toEqual([{ created: 0, ended: [token] }]);
  });

  it('says nothing for calls that open or end no session, including failed sign-ins', async () => {
    expect((await dispatch('auth.session', {}, inst.adminToken)).reports).toEqual([]);
    const wrong = await dispatch('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: 'not the password' }, null);
    expect(wrong.envelope.ok).toBe(false);
    expect(wrong.reports).toEqual([]);
  });

  it('keeps concurrent calls apart: each sign-in is told only its own session', async () => {
    const input = { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD };
    const [a, b] = await Promise.all([dispatch('auth.sign-in', input, null), dispatch('auth.sign-in', input, null)]);
    const tokenOf = (r: typeof a) => (r.envelope as { ok: true; data: { token: string } }).data.token;
    expect(a.reports.flatMap((r) => r.created.map((s) => s.token))).toEqual([tokenOf(a)]);
    expect(b.reports.flatMap((r) => r.created.map((s) => s.token))).toEqual([tokenOf(b)]);
    expect(tokenOf(a)).not.toBe(tokenOf(b));
  });
});
