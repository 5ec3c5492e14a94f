import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '@shared/contract';
import type { SampleRefs } from '@shared/contract/define';
import { isTenantAccess } from '@shared/domain/permissions';
import { setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { seedTenantRefs } from '../../fixtures/seed-refs';
import { snapshotAll } from '../../fixtures/db-snapshot';

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value && typeof value === 'object') return 'not an object';
  return { unexpected: true };
}

/** Malformed inputs the channel's own schema rejects: wrong root, each field of the wrong type, each required field missing. */
function malformedInputs(sample: unknown, accepts: (v: unknown) => boolean): { label: string; input: unknown; field?: string }[] {
  const out: { label: string; input: unknown; field?: string }[] = [
    { label: 'a number instead of an object', input: 42 },
    { label: 'a string instead of an object', input: 'drop table' },
    { label: 'an array instead of an object', input: [1, 2] },
  ];
  if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
    const obj = sample as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      out.push({ label: `${key} of the wrong type`, input: { ...obj, [key]: wrongTypeFor(obj[key]) }, field: key });
      const { [key]: _drop, ...without } = obj;
      out.push({ label: `${key} missing`, input: without, field: key });
    }
    out.push({ label: 'an unknown extra key', input: { ...obj, __proto_pollution__: { admin: true } } });
  }
  return out.filter((c) => !accepts(c.input));
}

describe('bad input on every channel', () => {
  let t: TestCore;
  let inst: Installation;
  let refs: SampleRefs;

  beforeAll(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
    refs = await seedTenantRefs(t, inst.tenantId, inst.adminToken);
  });
  afterAll(() => t.close());

  const tokenFor = (name: ChannelName): string | null => {
    const access = contract[name].access;
    if (access === 'public') return null;
    if (access === 'platform') return inst.platformToken;
    return isTenantAccess(access) || access === 'session' ? inst.adminToken : null;
  };

  it.each(Object.keys(contract) as ChannelName[])('%s: VALIDATION with field messages, nothing written, process alive', async (name) => {
    const def = contract[name];
    const cases = malformedInputs(def.sample(refs), (v) => def.input.safeParse(v).success);
    expect(cases.length).toBeGreaterThan(0);
    const before = await snapshotAll(t);
    for (const c of cases) {
      const env = await t.raw(name, c.input, tokenFor(name));
      expect(env.ok, `${name}: ${c.label} was accepted`).toBe(false);
      if (env.ok) continue;
      expect(env.error.code, `${name}: ${c.label}`).toBe('VALIDATION');
      expect(Object.keys(env.error.fields ?? {}).length, `${name}: ${c.label} has no field messages`).toBeGreaterThan(0);
      if (c.field) {
        const paths = Object.keys(env.error.fields ?? {});
        expect(paths.some((p) => p === c.field || p.startsWith(`${c.field}.`) || p === ''), `${name}: ${c.label} → ${paths.join(',')}`).toBe(true);
      }
      for (const message of Object.values(env.error.fields ?? {})) expect(message.length).toBeGreaterThan(0);
    }
    expect(await snapshotAll(t), `${name} wrote something on bad input`).toEqual(before);
    // Still serving.
    const alive = await t.raw('setup.status', {});
    expect(alive.ok).toBe(true);
  });

  it('answers an unknown channel with NOT_FOUND', async () => {
    const env = await t.raw('nope.nothing', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
