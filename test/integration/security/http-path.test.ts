import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotAll } from '../../fixtures/db-snapshot';
import type { TestCore } from '../../fixtures/test-core';
import { http, setUpOverHttp, startTestServer, type TestServer } from './harness';

/** Issue 6 §4: a malformed `%` escape in an RPC path returned 500 (decodeURIComponent threw). */
describe('malformed RPC paths', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await setUpOverHttp(s.port);
  });
  afterAll(() => s.close());

  it.each(['/rpc/%', '/rpc/auth.sign-in%E0%A4%A', '/rpc/%ZZ', '/rpc/setup.complete%'])('%s → 400 VALIDATION, nothing written, server up', async (path) => {
    const asCore = { booted: s.server.booted } as TestCore;
    const before = await snapshotAll(asCore);
    const reply = await http(s.port, 'POST', path, '{}', { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await snapshotAll(asCore)).toEqual(before);
    expect((await http(s.port, 'GET', '/healthz')).status).toBe(200);
  });

  it('a well-formed escape still reaches its channel', async () => {
    const reply = await http(s.port, 'POST', '/rpc/setup%2Estatus', '{}', { 'content-type': 'application/json' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true, data: { needsSetup: false } });
  });
});
