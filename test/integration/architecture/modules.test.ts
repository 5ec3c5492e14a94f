import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '@shared/contract';
import { defineModule, handlersOf, tenantMigrationsOf } from '../../../src-main/core/module';
import { coreModules } from '../../../src-main/core/modules';
import { systemActor } from '../../../src-main/core/context';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { insertAlert } from '../../../src-main/core/ops/alerts';
import { markAlertsRead } from '../../../src-main/core/ops/alerts';
import { setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
afterEach(() => t?.close());

describe('domain modules', () => {
  it('the module list handles every channel of the contract exactly once', () => {
    const table = handlersOf(coreModules);
    expect(Object.keys(table).sort()).toEqual([...CHANNEL_NAMES].sort());
    const twice = defineModule({ name: 'copy', handlers: { 'alerts.list': table['alerts.list'] } });
    expect(() => handlersOf([...coreModules, twice])).toThrow(/alerts\.list is handled twice/);
  });

  it('schema steps come from the modules, in order, and a step claimed twice is refused', () => {
    const steps = Object.keys(tenantMigrationsOf(coreModules));
    expect(steps.slice(0, 2)).toEqual(['0001-init', '0002-routers']);
    expect(steps).toEqual([...steps].sort());
    const clash = defineModule({ name: 'clash', tenantMigrations: { '0002-routers': { up: async () => undefined } } });
    expect(() => tenantMigrationsOf([...coreModules, clash])).toThrow(/0002-routers is declared twice/);
  });

  it('services run without a request under a named system actor, and the audit log names it', async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t);
    const core = t.booted.core;
    const alert = await core.tenants.use(inst.tenantId, (h) =>
      insertAlert(h.db, core, { severity: 'warning', kind: 'router.down', params: { routerName: 'Core', cause: null }, routerId: null }),
    );
    const out = await withTenantScope(core, inst.tenantId, systemActor('system:expiry-sweep'), (scope) => markAlertsRead(scope, { alertIds: [alert.id] }));
    expect(out.unread).toBe(0);
    const audit = await t.call('audit.list', { page: 1, pageSize: 10, action: 'alerts.marked-read' }, inst.adminToken);
    expect(audit.items[0]).toMatchObject({ actorKind: 'system', actorId: 'system:expiry-sweep', actorName: 'Expiry sweep' });
  });

  it('the demo ISP is created through the services: its routers and admin are audited as system:demo', async () => {
    t = await startTestCore();
    const setup = await t.call('setup.complete', { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' }, demo: true });
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: 'pat@platform.test', password: 'platform pass 1' });
    const created = await t.call('audit.list', { page: 1, pageSize: 10, action: 'router.created' }, admin.token);
    expect(created.items).toHaveLength(2);
    for (const e of created.items) expect(e).toMatchObject({ actorKind: 'system', actorId: 'system:demo', actorName: 'ISP Desk demo' });
    const tenant = await t.call('audit.list', { page: 1, pageSize: 10, action: 'tenant.created' }, admin.token);
    expect(tenant.items[0]).toMatchObject({ actorKind: 'platform', actorName: 'Pat Platform' });
  });
});
