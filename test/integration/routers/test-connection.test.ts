import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routerWorld, ROUTER_PASSWORD, type RouterWorld } from './harness';
import { routersOf } from '../../../src-main/core/routers/runtime';

let w: RouterWorld;
beforeEach(async () => {
  w = await routerWorld();
});
afterEach(() => w.close());

const test = (input: Record<string, unknown>) => w.t.call('routers.test-connection', input as never, w.inst.adminToken);
const form = (port: number, extra: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port, username: 'api', password: ROUTER_PASSWORD, ...extra });

async function closedPort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('test connection says why', () => {
  it('reports version, board, identity and clock skew on success', async () => {
    const d = await test(form(w.sim.port));
    expect(d).toMatchObject({ ok: true, kind: 'ok', details: { routerOsVersion: expect.stringMatching(/^7\.16/), boardName: expect.any(String), identity: 'MikroTik', missingPolicies: [] } });
    expect(Math.abs(d.details.clockSkewMs!)).toBeLessThan(5_000 + Math.abs(w.t.clock.now().getTime() - Date.now()));
    // The test clock runs apart from the simulator's, so the skew is whatever details report, in minutes past 2 min.
    const skew = d.details.clockSkewMs!;
    const clockSkewMinutes = Math.abs(skew) > 120_000 ? Math.round(skew / 60_000) : null;
    expect(d.note).toEqual({ code: 'connected', params: { identity: 'MikroTik', routerOsVersion: expect.stringMatching(/^7\.16/), boardName: d.details.boardName, clockSkewMinutes } });
  });

  it('wrong password → bad credentials', async () => {
    const d = await test(form(w.sim.port, { password: 'nope' }));
    expect(d).toMatchObject({ ok: false, kind: 'bad-credentials', note: { code: 'bad-credentials', params: {} } });
  });

  it('API service off / wrong port → refused', async () => {
    const port = await closedPort();
    const d = await test(form(port));
    expect(d).toMatchObject({ ok: false, kind: 'refused', note: { code: 'refused', params: { host: '127.0.0.1', port, service: 'api' } } });
  });

  it('unknown host name → DNS', async () => {
    const d = await test({ ...form(8728), host: 'no-such-router.invalid' });
    expect(d).toMatchObject({ ok: false, kind: 'dns', note: { code: 'dns', params: { host: 'no-such-router.invalid' } } });
  });

  it('a router that never answers → timeout within the limit, not a hung screen', async () => {
    w.sim.faults.set({ stall: true });
    // Returning at all (a diagnosis, within the test's own timeout) is the behaviour; how long is not asserted.
    const d = await test(form(w.sim.port));
    expect(d.kind).toBe('timeout');
    expect(d.note.code).toMatch(/^(connect|login)-timeout$/);
  });

  it("user whose group lacks the 'api' policy → no-api-policy", async () => {
    const sim = await w.simulator({ groups: [{ name: 'noapi', policy: 'read,write,!api' }], users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'noapi' }] });
    const d = await test(form(sim.port));
    expect(d).toMatchObject({ ok: false, kind: 'no-api-policy', note: { code: 'no-api-policy' } });
  });

  it('read-only group → connected but the missing write policy is named', async () => {
    const sim = await w.simulator({ users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'read' }] });
    const d = await test(form(sim.port));
    expect(d).toMatchObject({ ok: true, kind: 'missing-policy', details: { missingPolicies: ['write'], userGroup: 'read' } });
    expect(d.note).toEqual({ code: 'missing-policies', params: { group: 'read', missing: ['write'], policy: expect.stringMatching(/(^|,)write$/) } });
  });

  it('API-SSL: trust on first use, then a changed certificate is refused until trusted again', async () => {
    const sim = await w.simulator({ tls: true });
    const first = await test(form(sim.tlsPort!, { useTls: true }));
    expect(first).toMatchObject({ ok: true, details: { tlsFingerprint: sim.tlsFingerprintSha256 } });
    const created = await w.t.call('routers.create', { name: 'Secure', host: '127.0.0.1', port: sim.tlsPort!, useTls: true, username: 'api', password: ROUTER_PASSWORD, tlsFingerprint: first.details.tlsFingerprint }, w.inst.adminToken);
    expect(created.tlsFingerprint).toBe(sim.tlsFingerprintSha256);
    expect((await w.t.raw('routers.dashboard.overview', { routerId: created.id }, w.inst.adminToken)).ok).toBe(true);

    // A new certificate appears when the router is reset or re-keyed; its old sessions are gone then.
    sim.regenerateCertificate();
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, created.id);
    const changed = await test({ routerId: created.id });
    expect(changed).toMatchObject({ ok: false, kind: 'tls-pin-mismatch', details: { tlsFingerprint: sim.tlsFingerprintSha256, expectedFingerprint: first.details.tlsFingerprint } });
    const refused = await w.t.raw('routers.dashboard.overview', { routerId: created.id }, w.inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'tls-pin-mismatch', key: 'router.unavailable', params: { note: { code: 'tls-pin-mismatch' } } } });

    await w.t.call('routers.trust-certificate', { routerId: created.id, tlsFingerprint: sim.tlsFingerprintSha256! }, w.inst.adminToken);
    expect((await w.t.raw('routers.dashboard.overview', { routerId: created.id }, w.inst.adminToken)).ok).toBe(true);
    const audit = await w.t.call('audit.list', { page: 1, pageSize: 5, action: 'router.certificate-trusted' }, w.inst.adminToken);
    expect(audit.total).toBe(1);
  });

  it('pins the certificate on first use when the router was saved without one', async () => {
    const sim = await w.simulator({ tls: true });
    const created = await w.t.call('routers.create', { name: 'Tofu', host: '127.0.0.1', port: sim.tlsPort!, useTls: true, username: 'api', password: ROUTER_PASSWORD }, w.inst.adminToken);
    expect(created.tlsFingerprint).toBeNull();
    await w.t.call('routers.dashboard.overview', { routerId: created.id }, w.inst.adminToken);
    expect((await w.t.call('routers.get', { routerId: created.id }, w.inst.adminToken)).tlsFingerprint).toBe(sim.tlsFingerprintSha256);
  });

  it('a saved router test updates its status', async () => {
    const d = await test({ routerId: w.routerId });
    expect(d.ok).toBe(true);
    expect(await w.t.call('routers.get', { routerId: w.routerId }, w.inst.adminToken)).toMatchObject({ status: 'online', routerOsVersion: expect.stringMatching(/^7/), identity: 'MikroTik' });
  });
});
