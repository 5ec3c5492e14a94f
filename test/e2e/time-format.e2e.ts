import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { addRouter, e2eSpec, setUpInstallation, signInUi } from './fixture';

/**
 * One way to show time (issue 8 §4): an instant reads the same on every screen, in the ISP profile's
 * zone and its locale's format — for a Kenyan ISP (country KE, Africa/Nairobi) `02 Dec 2026, 17:32`,
 * 24 h. The instants come from the server (audit entry, the admin's last sign-in, a configuration
 * version); the spec derives the expected words itself and finds them on three screens.
 * Screenshots: test/artifacts/e2e/time-format/.
 */

const API = { name: 'api', password: 'api pass 2026' };
const ADMIN = { fullName: 'Njeri Admin', email: 'njeri@kitengela.example', password: 'njeri pass 2026' };
/** en-KE in Nairobi: day, short month, year, then a 24-hour clock. */
const KE_FORMAT = /^\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/;
const keDateTime = (iso: string) =>
  new Intl.DateTimeFormat('en-KE', { timeZone: 'Africa/Nairobi', hourCycle: 'h23', year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

let sim: RouterSimulator;
let page: Page;
let tenantId = '';
let routerId = '';
let adminToken = '';
let backupAt = '';

describe('dates on three screens use one format', () => {
  const e2e = e2eSpec('time-format', {
    prepare: async ({ rpc }) => {
      sim = await startRouterSimulator({ users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'demo', demoVariant: 'core', randomSeed: 7 });
      const inst = await setUpInstallation(rpc, {
        platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' },
        tenant: { name: 'Kitengela Net', ownerName: 'Kitengela Owner', ownerEmail: 'owner@kitengela.example', ownerPhone: '0711 222 444' },
        admin: ADMIN,
      });
      tenantId = inst.tenantId;
      adminToken = inst.adminToken;
      routerId = (await addRouter(rpc, inst.adminToken, { name: 'Kitengela core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password, isCore: true })).id;
      backupAt = (await rpc('routers.backups.fetch', { routerId }, inst.adminToken)).fetchedAt;
    },
  });

  beforeAll(() => {
    page = e2e.page;
  });

  afterAll(async () => {
    await sim?.stop();
  });

  const at = (path: string) => `${e2e.server.url}#/t/${tenantId}/${path}`;

  it('shows the audit log, the staff list and the router backups in the ISP\'s one format', async () => {
    await page.goto(at('audit'));
    await signInUi(page, ADMIN);
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` }).waitFor();

    // 1. Audit log: the newest entry's instant.
    await page.goto(at('audit'));
    const audit = await e2e.rpc('audit.list', { page: 1, pageSize: 1, sort: { field: 'at', dir: 'desc' } }, adminToken);
    const auditWords = keDateTime(audit.items[0]!.at);
    await page.getByRole('cell', { name: auditWords, exact: true }).first().waitFor();
    await e2e.shot(page, 'audit-log');

    // The audit log's day filter reads the same way (no mm/dd/yyyy for a Kenyan ISP), and filters by that day.
    const today = new Date(audit.items[0]!.at);
    const keDay = new Intl.DateTimeFormat('en-KE', { timeZone: 'Africa/Nairobi', year: 'numeric', month: 'short', day: '2-digit' }).format(today);
    const calendarName = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Nairobi', year: 'numeric', month: 'long', day: 'numeric' }).format(today);
    await page.getByRole('button', { name: 'From date', exact: true }).click();
    await page.getByRole('button', { name: calendarName, exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'From date', exact: true }).textContent()).toBe(keDay);
    expect(keDay).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4}$/);
    await page.getByRole('cell', { name: auditWords, exact: true }).first().waitFor();
    await e2e.shot(page, 'audit-day-filter');

    // 2. Staff list: the administrator's last sign-in (the one just made in the UI).
    await page.goto(at('staff'));
    const staff = await e2e.rpc('staff.list', { page: 1, pageSize: 50 }, adminToken);
    const signedIn = staff.items.find((s) => s.email === ADMIN.email)!.lastSignInAt!;
    const staffWords = keDateTime(signedIn);
    await page.getByRole('cell', { name: staffWords, exact: true }).first().waitFor();
    await e2e.shot(page, 'staff-last-sign-in');

    // 3. Router backups: when the configuration version was fetched.
    await page.goto(at(`routers/${routerId}/backups`));
    const backupWords = keDateTime(backupAt);
    await page.getByRole('cell', { name: backupWords, exact: true }).first().waitFor();
    await e2e.shot(page, 'router-backups');

    for (const words of [auditWords, staffWords, backupWords]) expect(words).toMatch(KE_FORMAT);
    expect(e2e.pageErrors).toEqual([]);
  });
});
