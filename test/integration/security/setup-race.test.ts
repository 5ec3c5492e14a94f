import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../fixtures/test-core';
import { appRows, http, rpc, setupInput, startTestServer, type TestServer } from './harness';

/** Issue 6 §4: three concurrent `setup.complete` calls all succeeded (3 platform admins, 3 "first" tenants). */
describe('first-run setup race', () => {
  let t: TestCore | undefined;
  let s: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    await s?.close();
    t = s = undefined;
  });

  it('lets exactly one of three concurrent setup.complete calls win; the others get CONFLICT and write nothing', { timeout: 120_000 }, async () => {
    t = await startTestCore();
    const results = await Promise.all([1, 2, 3].map((n) => t!.raw('setup.complete', setupInput(n))));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const core = t.booted.core;
    expect(appRows(core, 'platform_admins')).toBe(1);
    expect(appRows(core, 'tenants')).toBe(1);
    expect(readdirSync(join(t.dataDir, 'tenants'))).toHaveLength(1);
    // The one admin and the one tenant are the winner's.
    const won = winners[0]!.ok ? (winners[0]!.data as { tenantId: string }) : null;
    expect(core.registry.all().map((x) => x.id)).toEqual([won?.tenantId]);
    expect(await t.call('setup.status', {})).toEqual({ needsSetup: false });
  });

  it('over HTTP: one 200 and two 409, one platform admin and one tenant, the server still answering', { timeout: 120_000 }, async () => {
    s = await startTestServer();
    const replies = await Promise.all([1, 2, 3].map((n) => rpc(s!.port, 'setup.complete', setupInput(n))));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const core = s.server.booted.core;
    expect(appRows(core, 'platform_admins')).toBe(1);
    expect(appRows(core, 'tenants')).toBe(1);
    expect(readdirSync(join(s.dataDir, 'tenants'))).toHaveLength(1);
    expect((await http(s.port, 'GET', '/healthz')).status).toBe(200);
  });

  it('after setup, another setup.complete is refused before any work and changes nothing', async () => {
    t = await startTestCore();
    await t.call('setup.complete', setupInput(1) as never);
    const again = await t.raw('setup.complete', setupInput(2));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(appRows(t.booted.core, 'platform_admins')).toBe(1);
    expect(appRows(t.booted.core, 'tenants')).toBe(1);
  });
});
