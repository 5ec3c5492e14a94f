import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORM_PASSWORD, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { probeJob, register, runsOf } from './harness';

let t: TestCore | undefined;
afterEach(() => t?.close());

describe('scheduler in the background', () => {
  it('runs due slots on its own while the tenant is active, again after the tenant is reactivated', async () => {
    t = await startTestCore({ background: true, scheduler: { tickMs: 50 } });
    const j = probeJob('test.background');
    register(t, j);
    const inst = await setUpInstallation(t);
    await expect.poll(async () => (await runsOf(t!, inst.tenantId, 'test.background')).map((r) => r.status), { timeout: 10_000 }).toEqual(['succeeded']);
    expect(j.runs).toEqual([{ slot: '2026-11-27T08:00:00.000Z', tenantId: inst.tenantId, actor: 'Scheduled tasks' }]);
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'suspended' }, inst.platformToken);
    t.clock.set('2026-11-27T09:00:10Z');
    // Reactivated: the tenant's ticks start again and the 09:00 slot runs.
    const platform = await t.call('auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD });
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'active' }, platform.token);
    await expect.poll(async () => (await runsOf(t!, inst.tenantId, 'test.background')).map((r) => [r.scheduledFor, r.status]), { timeout: 10_000 })
      .toEqual([['2026-11-27T08:00:00.000Z', 'succeeded'], ['2026-11-27T09:00:00.000Z', 'succeeded']]);
  });
});
