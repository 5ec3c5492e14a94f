import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_CONTROL_CHARS } from '@shared/domain/text';
import { appendAudit } from '../../../src-main/core/auth/audit';
import { setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { snapshotAll } from '../../fixtures/db-snapshot';

/**
 * Issue 6 §4: names and free text reject control characters (NUL, newlines in single-line fields, bidi
 * overrides, zero-width characters) with a field error; the audit summary cannot be forged with a newline.
 */
const FORBIDDEN: [string, string][] = [
  ['NUL', '\u0000'], ['CR', '\r'], ['LF', '\n'], ['ESC', '\u001B'], ['RLO (bidi override)', '\u202E'], ['LRE', '\u202A'],
  ['FSI (bidi isolate)', '\u2068'], ['PDI', '\u2069'], ['zero-width space', '\u200B'], ['zero-width joiner', '\u200D'], ['BOM', '\uFEFF'],
];

describe('control characters in names and free text', () => {
  let t: TestCore;
  let inst: Installation;
  let routerId: string;
  beforeAll(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
    const sim = await import('../../../src-main/routeros-simulator');
    const router = await sim.startRouterSimulator({ users: [{ name: 'api', password: 'router api pass 1', group: 'full' }], seed: 'minimal' });
    t.onClose(() => router.stop());
    routerId = (await t.call('routers.create', { name: 'Core', host: '127.0.0.1', port: router.port, username: 'api', password: 'router api pass 1' }, inst.adminToken)).id;
  });
  afterAll(() => t.close());

  /** Single-line fields across the contract: [channel, token, input with the field set to `v`, field path]. */
  const singleLine = (): [string, string, (v: string) => unknown, string][] => [
    ['staff.create', inst.adminToken, (v) => ({ fullName: `Bob${v}Admin signed in`, email: 'bob@alpha.test', roles: ['VIEWER'], password: 'viewer pass 2026' }), 'fullName'],
    ['tenants.update', inst.platformToken, (v) => ({ tenantId: inst.tenantId, name: `Alpha${v}Net` }), 'name'],
    ['tenants.update', inst.platformToken, (v) => ({ tenantId: inst.tenantId, ownerName: `Olive${v}Owner` }), 'ownerName'],
    ['tenants.set-status', inst.platformToken, (v) => ({ tenantId: inst.tenantId, status: 'suspended', reason: `Unpaid${v}Status suspended → active` }), 'reason'],
    ['settings.update', inst.adminToken, (v) => settings({ legalName: `Alpha${v}Ltd` }), 'legalName'],
    ['routers.update', inst.adminToken, (v) => ({ routerId, name: `Core${v}router` }), 'name'],
    ['routers.update', inst.adminToken, (v) => ({ routerId, site: `Mast${v}A` }), 'site'],
    ['routers.create', inst.adminToken, (v) => ({ name: 'Edge', host: '127.0.0.1', username: `a${v}pi`, password: 'x' }), 'username'],
  ];
  const settings = (patch: Record<string, unknown>) => ({
    legalName: 'Alpha Net Ltd', address: 'Nairobi', phone: '', email: '', taxId: '', vatRateBasisPoints: 1600, receiptFooter: '', ...patch,
  });

  it.each(FORBIDDEN)('refuses %s in every single-line field with TEXT_CONTROL_CHARS, writing nothing', async (_label, c) => {
    const before = await snapshotAll(t);
    for (const [channel, token, input, field] of singleLine()) {
      const env = await t.raw(channel, input(c), token);
      expect(env, `${channel}.${field}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: TEXT_CONTROL_CHARS } } });
    }
    expect(await snapshotAll(t)).toEqual(before);
    expect((await t.raw('setup.status', {})).ok).toBe(true);
  });

  it('multi-line fields keep line breaks but refuse every other control character', async () => {
    const saved = await t.call('settings.update', settings({ address: 'Plot 12\nNgong Road', receiptFooter: 'Asante!\nKaribu tena' }), inst.adminToken);
    expect(saved).toMatchObject({ address: 'Plot 12\nNgong Road', receiptFooter: 'Asante!\nKaribu tena' });
    const notes = await t.call('routers.update', { routerId, notes: 'Mast A\nKey with the caretaker' }, inst.adminToken);
    expect(notes.notes).toBe('Mast A\nKey with the caretaker');
    const before = await snapshotAll(t);
    for (const c of ['\r', '\t', '\u0000', '\u202E', '\u200B']) {
      expect(await t.raw('settings.update', settings({ address: `Plot 12${c}Ngong Road` }), inst.adminToken))
        .toMatchObject({ ok: false, error: { fields: { address: TEXT_CONTROL_CHARS } } });
      expect(await t.raw('routers.update', { routerId, notes: `Mast A${c}B` }, inst.adminToken))
        .toMatchObject({ ok: false, error: { fields: { notes: TEXT_CONTROL_CHARS } } });
    }
    expect(await snapshotAll(t)).toEqual(before);
  });

  it('an audit summary is always one line, whatever text reaches it', async () => {
    await t.booted.core.tenants.use(inst.tenantId, (h) =>
      appendAudit(h.db, t.booted.core.clock, { kind: 'staff', id: inst.adminId, name: 'Eve\nAda Admin' }, {
        action: 'staff.updated', summary: 'Edited Bob\n2026-11-27 08:00 Ada Admin signed in\u202E',
      }));
    const audit = await t.call('audit.list', { page: 1, pageSize: 5, action: 'staff.updated' }, inst.adminToken);
    expect(audit.items[0]!.summary).toBe('Edited Bob\uFFFD2026-11-27 08:00 Ada Admin signed in\uFFFD');
    expect(audit.items[0]!.actorName).toBe('Eve\uFFFDAda Admin');
  });

  it('ordinary names in any script still pass', async () => {
    const s = await t.call('staff.create', { fullName: 'Zoë Wanjirũ-Ó’Brien مريم', email: 'zoe@alpha.test', roles: ['VIEWER'], password: 'viewer pass 2026' }, inst.adminToken);
    expect(s.fullName).toBe('Zoë Wanjirũ-Ó’Brien مريم');
  });
});
