import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAlert } from '../../../src-main/core/ops/alerts';
import { addStaff, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
let inst: Installation;
beforeEach(async () => {
  t = await startTestCore();
  inst = await setUpInstallation(t);
});
afterEach(() => t.close());

async function raiseAlert(): Promise<string> {
  const core = t.booted.core;
  const a = await core.tenants.use(inst.tenantId, (h) => insertAlert(h.db, core, { severity: 'critical', kind: 'router.down', params: { routerName: 'Core', cause: null }, routerId: null }));
  return a.id;
}

describe('shared state needs the right role and is audited', () => {
  it('alerts.mark-read: a viewer may read alerts but not clear them for the team; an operator may, audited', async () => {
    await raiseAlert();
    const viewer = await addStaff(t, inst.adminToken, 'view@alpha.test', ['VIEWER']);
    expect((await t.call('alerts.list', { page: 1, pageSize: 5 }, viewer.token)).unread).toBe(1);
    const refused = await t.raw('alerts.mark-read', { all: true }, viewer.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('alerts.list', { page: 1, pageSize: 5 }, inst.adminToken)).unread).toBe(1);

    const tech = await addStaff(t, inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    expect((await t.call('alerts.mark-read', { all: true }, tech.token)).unread).toBe(0);
    const audit = await t.call('audit.list', { page: 1, pageSize: 5, action: 'alerts.marked-read' }, inst.adminToken);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorKind: 'staff', actorId: tech.id, summary: 'Marked 1 alert as read' });
  });

  it('preferences.set is installation-wide: staff of a tenant are refused, a platform admin is audited', async () => {
    const before = await t.call('preferences.get', {});
    const refused = await t.raw('preferences.set', { language: 'en', colorScheme: 'dark' }, inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('preferences.get', {})).toEqual(before);
    const app = t.booted.core.app.db;
    expect(await app.selectFrom('platformAudit').selectAll().execute()).toHaveLength(0);

    await t.call('preferences.set', { colorScheme: 'dark' }, inst.platformToken);
    expect((await t.call('preferences.get', {})).colorScheme).toBe('dark');
    const rows = await app.selectFrom('platformAudit').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'preferences.changed', actorKind: 'platform', actorName: 'Pat Platform' });
    expect(JSON.parse(rows[0]!.details!)).toEqual({ colorScheme: { before: before.colorScheme, after: 'dark' } });
  });
});
