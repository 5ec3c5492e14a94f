import { afterEach, describe, expect, it } from 'vitest';
import { demoOf } from '../../../src-main/core/demo/runtime';
import { prepareDemo } from '../../../src-main/headless/demo';
import { startTestCore, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
afterEach(() => t.close());

describe('demo ISP', () => {
  it('"Try a demo ISP" in the first-run wizard creates a labelled demo tenant with two live simulated routers', async () => {
    t = await startTestCore();
    const setup = await t.call('setup.complete', { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' }, demo: true });
    const tenant = t.booted.core.registry.get(setup.tenantId)!;
    expect(tenant.isDemo).toBe(1);
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: tenant.id, email: 'pat@platform.test', password: 'platform pass 1' });
    expect(admin.principal).toMatchObject({ kind: 'staff', roles: ['ADMIN'], tenant: { isDemo: true } });
    const routers = await t.call('routers.list', { page: 1, pageSize: 10 }, admin.token);
    expect(routers.items.map((r) => r.isDemo)).toEqual([true, true]);
    const core = routers.items.find((r) => r.isCore)!;
    const secrets = await t.call('routers.ppp.secrets', { routerId: core.id, page: 1, pageSize: 1 }, admin.token);
    expect(secrets.total).toBeGreaterThanOrEqual(300);
    const profiles = await t.call('routers.ppp.profiles', { routerId: core.id }, admin.token);
    expect(profiles.items.filter((p) => !p.isDefault).length).toBeGreaterThanOrEqual(4);
    const hotspot = await t.call('routers.hotspot.users', { routerId: core.id, page: 1, pageSize: 1 }, admin.token);
    expect(hotspot.total).toBe(50);
  });

  it('restarts the simulated routers when the app starts again (ports may change)', async () => {
    t = await startTestCore({ keepDir: true });
    const setup = await t.call('setup.complete', { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' }, demo: true });
    const dataDir = t.dataDir;
    await t.close();
    t = await startTestCore({ dataDir });
    const { activateTenants } = await import('../../../src-main/core/boot');
    await activateTenants(t.booted.core);
    expect(demoOf(t.booted.core).simulatorsOf(setup.tenantId)).toHaveLength(2);
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: 'pat@platform.test', password: 'platform pass 1' });
    const routers = await t.call('routers.list', { page: 1, pageSize: 10 }, admin.token);
    for (const r of routers.items) expect((await t.raw('routers.dashboard.overview', { routerId: r.id }, admin.token)).ok).toBe(true);
    const { rmSync } = await import('node:fs');
    t.onClose(() => rmSync(dataDir, { recursive: true, force: true }));
  });

  it('npm run demo: creates the demo with random credentials, printed once, and they work', async () => {
    t = await startTestCore();
    const lines = await prepareDemo(t.booted.core);
    const m = /Sign in to it as: (\S+) \/ (\S+)/.exec(lines.join('\n'))!;
    const tenant = t.booted.core.registry.all().find((x) => x.isDemo === 1)!;
    expect((await t.raw('auth.sign-in', { scope: 'tenant', tenantId: tenant.id, email: m[1]!, password: m[2]! })).ok).toBe(true);
    expect(lines.join('\n')).toMatch(/Platform administration: \S+ \/ \S+/);
    const again = await prepareDemo(t.booted.core);
    expect(t.booted.core.registry.all().filter((x) => x.isDemo === 1)).toHaveLength(1);
    expect(again.join('\n')).not.toMatch(/Platform administration/);
  });
});
