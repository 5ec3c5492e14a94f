import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uuidv7 } from '@shared/domain/ids';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { addStaff, e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * Issue 11 §4 in Chromium against the headless server: a cashier opens Voucher sales, sells 3 vouchers of a plan
 * for cash through the Sell dialog (the summary says what will happen), sees the 3 codes sold — the same the app
 * recorded — and the sale in the list; the day's collections then show the cash under the cashier's name.
 */

const TENANT = { name: 'Mtaani Wifi', ownerName: 'Otieno Owner', ownerEmail: 'owner@mtaani.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@mtaani.example', password: 'admin pass 2026' };
const CASHIER = { fullName: 'Chebet Cashier', email: 'chebet@mtaani.example', password: 'first pass 2026', own: 'chebet own pass 9' };
const API = { name: 'api', password: 'router api pw 7' };

let sim: RouterSimulator;
let page: Page;
let inst: Installation;

describe('voucher sales: a cashier sells vouchers and the collections show it', () => {
  const e2e = e2eSpec('voucher-sales', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' }, tenant: TENANT, admin: ADMIN });
      await addStaff(rpc, inst, { ...CASHIER, roles: ['CASHIER'], ownPassword: CASHIER.own });
      await rpc('agents.create', { name: 'Mama Njeri shop', phone: '0712000999', discountBp: 1000 }, inst.adminToken);
    },
  });

  beforeAll(async () => {
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    const router = await e2e.rpc('routers.create', { name: 'Mtaani core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    const plan = await e2e.rpc('hotspot.plans.create', {
      name: 'Daily 24h', routerId: router.id, profileName: 'daily', rateLimit: { rxKbps: 2000, txKbps: 4000 }, limit: { kind: 'validity', seconds: 86_400 }, priceMinor: 5_000,
    }, inst.adminToken);
    await e2e.rpc('hotspot.batches.create', { planId: plan.id, count: 10, requestKey: uuidv7() }, inst.adminToken);
    page = e2e.page;
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('sells 3 vouchers for cash from the Sell dialog and shows the codes sold', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: CASHIER.email, password: CASHIER.own });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Voucher sales' }).click();
    await page.getByRole('heading', { name: 'Voucher sales', exact: true }).waitFor();
    await visible(page, 'No vouchers sold yet');

    await page.getByRole('button', { name: 'Sell vouchers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sell vouchers' });
    await dialog.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Daily 24h — 10 left' }).click();
    await dialog.getByRole('textbox', { name: 'How many' }).fill('3');
    await visible(dialog, /3 vouchers of Daily 24h for Ksh\s?150\.00, paid by Cash\./);
    await e2e.shot(page, 'sell-dialog');
    await dialog.getByRole('button', { name: 'Sell' }).click();

    const sold = page.getByRole('dialog', { name: /3 vouchers sold for Ksh\s?150\.00/ });
    await sold.waitFor();
    const rows = await sold.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(4);
    // Each code on screen is a voucher of the batch, shown with its password (the code itself) and price.
    const all = new Set((await e2e.rpc('hotspot.vouchers.list', { page: 1, pageSize: 50 }, inst.adminToken)).items.map((v) => v.code));
    const shown = rows.slice(1).map((r) => r.split(/\s+/));
    for (const [code, password] of shown) {
      expect(all.has(code!)).toBe(true);
      expect(password).toBe(code);
    }
    expect(new Set(shown.map(([code]) => code)).size).toBe(3);
    const sales = await e2e.rpc('vouchers.sales.list', { page: 1, pageSize: 10 }, inst.adminToken);
    expect(sales.items).toEqual([expect.objectContaining({ count: 3, totalMinor: 15_000, method: 'cash', soldBy: expect.objectContaining({ name: CASHIER.fullName }) })]);
    await e2e.shot(page, 'codes-sold');
    await sold.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('table', { name: 'Voucher sales' }).getByRole('row', { name: /Daily 24h\s*3\s*Ksh\s?150\.00/ }).waitFor();
    const stock = await e2e.rpc('vouchers.stock', { page: 1, pageSize: 10 }, inst.adminToken);
    expect(stock.items[0]).toMatchObject({ available: 7, sold: 3 });
  });

  it("shows the sale in the day's collections by method and by cashier", async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('table', { name: 'By method' }).getByRole('row', { name: /Cash\s*1\s*Ksh\s?150\.00/ }).waitFor();
    await page.getByRole('table', { name: 'By who recorded them' }).getByRole('row', { name: new RegExp(`${CASHIER.fullName}\\s*1\\s*Ksh\\s?150\\.00`) }).waitFor();
    await e2e.shot(page, 'collections');
    expect(e2e.pageErrors).toEqual([]);
  });

  it("tops up an agent's float, which its statement and the reports show", async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Voucher sales' }).click();
    await page.getByRole('tab', { name: 'Agents' }).click();
    await page.getByRole('button', { name: 'Actions for Mama Njeri shop' }).click();
    await page.getByRole('menuitem', { name: 'Top up float' }).click();
    const dialog = page.getByRole('dialog', { name: 'Top up the float of Mama Njeri shop' });
    await dialog.getByRole('textbox', { name: /Amount/ }).fill('300');
    await dialog.getByRole('button', { name: 'Top up' }).click();
    await page.getByRole('table', { name: 'Agents' }).getByRole('row', { name: /Mama Njeri shop.*10 %.*Ksh\s?300\.00/ }).waitFor();
    await page.getByRole('button', { name: 'Actions for Mama Njeri shop' }).click();
    await page.getByRole('menuitem', { name: 'Statement' }).click();
    const statement = page.getByRole('dialog', { name: 'Float statement of Mama Njeri shop' });
    await statement.getByRole('row', { name: /Top-up\s*Ksh\s?300\.00\s*Ksh\s?300\.00/ }).waitFor();
    await e2e.shot(page, 'agent-statement');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Stock and revenue' }).click();
    await page.getByRole('table', { name: 'Stock per plan' }).getByRole('row', { name: /Daily 24h.*7\s*3/ }).waitFor();
    await page.getByRole('table', { name: 'Revenue' }).getByRole('row', { name: /Total\s*3\s*Ksh\s?150\.00\s*Ksh\s?150\.00/ }).waitFor();
    await e2e.shot(page, 'reports');
    expect(e2e.pageErrors).toEqual([]);
  });
});
