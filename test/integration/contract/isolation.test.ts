import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '@shared/contract';
import type { SampleRefs } from '@shared/contract/define';
import { isTenantAccess } from '@shared/domain/permissions';
import { addTenant, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { seedTenantRefs } from '../../fixtures/seed-refs';
import { snapshotTenant } from '../../fixtures/db-snapshot';

/** Records which ids a sample used, so we know whether a call targets tenant B's rows. */
function recording(refs: SampleRefs): { refs: SampleRefs; used: Set<string> } {
  const used = new Set<string>();
  return {
    used,
    refs: new Proxy(refs, {
      get(target, key: string) {
        used.add(key);
        return target[key as keyof SampleRefs];
      },
    }),
  };
}

/**
 * Walks every channel of the contract as tenant A's ADMIN (every permission) using ids from tenant B.
 * New channels join automatically: their `sample` says which ids they take.
 */
describe('tenant isolation across the whole contract', () => {
  let t: TestCore;
  let a: { tenantId: string; adminToken: string };
  let b: { tenantId: string; adminToken: string };
  let refsB: SampleRefs;
  let bName: string;

  beforeAll(async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t, 'Alpha Net');
    a = { tenantId: inst.tenantId, adminToken: inst.adminToken };
    bName = 'Bravo Broadband';
    b = await addTenant(t, inst.platformToken, bName, 'admin@bravo.test');
    await seedTenantRefs(t, a.tenantId, a.adminToken);
    refsB = await seedTenantRefs(t, b.tenantId, b.adminToken);
  });
  afterAll(() => t.close());

  const tenantChannels = (Object.keys(contract) as ChannelName[]).filter((c) => isTenantAccess(contract[c].access));
  const platformChannels = (Object.keys(contract) as ChannelName[]).filter((c) => contract[c].access === 'platform');

  it('covers at least the foundation channels', () => {
    expect(tenantChannels).toEqual(expect.arrayContaining(['staff.get', 'staff.update', 'audit.list', 'settings.update']));
  });

  it.each(tenantChannels)('%s: tenant A staff cannot reach tenant B rows, and neither file changes', async (name) => {
    const def = contract[name];
    const rec = recording(refsB);
    const input = def.sample(rec.refs);
    const targetsB = [...rec.used].some((k) => k !== 'tenant');
    const beforeB = await snapshotTenant(t, b.tenantId);
    const beforeA = await snapshotTenant(t, a.tenantId);

    const env = await t.raw(name, input, a.adminToken);

    expect(await snapshotTenant(t, b.tenantId), `${name} changed tenant B`).toEqual(beforeB);
    if (targetsB) {
      expect(env.ok, `${name} succeeded with tenant B's ids`).toBe(false);
      if (!env.ok) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(env.error.code);
      expect(await snapshotTenant(t, a.tenantId), `${name} changed tenant A on a failed call`).toEqual(beforeA);
    } else if (env.ok) {
      // Channels without ids act on A's own data; their answers must not mention B.
      const text = JSON.stringify(env.data);
      expect(text).not.toContain(b.tenantId);
      expect(text).not.toContain(refsB.staff);
      expect(text).not.toContain(bName);
    }
  });

  it.each(platformChannels)('%s: tenant staff cannot call platform channels', async (name) => {
    const before = await snapshotTenant(t, b.tenantId);
    const env = await t.raw(name, contract[name].sample(refsB), a.adminToken);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('FORBIDDEN');
    expect(await snapshotTenant(t, b.tenantId)).toEqual(before);
  });

  it('does not let a tenant A session sign into tenant B with A credentials', async () => {
    const env = await t.raw('auth.sign-in', { scope: 'tenant', tenantId: b.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('UNAUTHENTICATED');
  });

  it('does not show tenant operational data to the platform admin', async () => {
    const platform = await t.call('auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: 'platform pass 1' });
    for (const name of tenantChannels) {
      const env = await t.raw(name, contract[name].sample(refsB), platform.token);
      expect(env.ok, name).toBe(false);
      if (!env.ok) expect(env.error.code, name).toBe('FORBIDDEN');
    }
  });
});
