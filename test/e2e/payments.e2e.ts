import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { renderPdf } from '../unit/documents/render-pdf';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { addStaff, e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * The Payments area in Chromium against the headless server: two M-Pesa SMS that match nobody land in the
 * unmatched queue and its tab shows 2; one is assigned to a subscriber picked by search (the confirmation
 * names amount and subscriber), the other is set aside with a reason; the badge goes away, All payments
 * lists both with their new status, and the day's collections show the assigned amount by method. A payment
 * arriving unmatched over RPC shows on the tab's badge through the pushed event, without a reload. An applied
 * payment's receipt is saved from its row as a PDF naming it; the filtered list and the day's collections export
 * as CSV with exactly the rows and totals on screen. An issued invoice's PDF is saved from the same dialog as
 * receipts, and the invoice settings dialog opens.
 */

async function saved(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  return readFileSync((await download.path())!);
}

const TENANT = { name: 'Kahawa Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@kahawa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kahawa.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };
const SMS = [
  'RKA1AAAAA1 Confirmed.on 2/10/26 at 7:37 PMKSH1,500.00 received from 254799000001 JOHN DOE.',
  'RKA2BBBBB2 Confirmed.on 2/10/26 at 7:40 PMKSH40.00 received from 254799000002 MARY ROE.',
].join('\n');

let sim: RouterSimulator;
let page: Page;
let inst: Installation;
let subscriberId: string;

describe('payments: unmatched queue, assign, set aside, collections', () => {
  const e2e = e2eSpec('payments', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' }, tenant: TENANT, admin: ADMIN });
    },
  });

  beforeAll(async () => {
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    const router = await e2e.rpc('routers.create', { name: 'Kahawa core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    const pkg = await e2e.rpc('packages.create', {
      name: 'Home 10M', serviceType: 'pppoe', routerIds: [router.id], rateLimit: { rxKbps: 5000, txKbps: 10000 },
      pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150000, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, inst.adminToken);
    ({ id: subscriberId } = await e2e.rpc('subscribers.create', { fullName: 'Achieng Odhiambo', phones: ['0712000444'], routerId: router.id, packageId: pkg.id }, inst.adminToken));
    const applied = await e2e.rpc('mpesa.sms.apply', { text: SMS, confirm: true }, inst.adminToken);
    expect(applied.unmatched).toBe(2);
    page = e2e.page;
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('shows the unmatched count on the tab, assigns one payment and sets the other aside', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    // Home shows the queue as a figure, and it opens Payments on the Unmatched tab.
    await page.getByRole('link', { name: 'Unmatched payments: 2' }).click();
    await page.getByRole('heading', { name: 'Payments', exact: true }).waitFor();
    await page.getByLabel('2 unmatched payments').waitFor();
    expect(await page.getByRole('tab', { name: /Unmatched/ }).getAttribute('aria-selected')).toBe('true');
    const table = page.getByRole('table', { name: 'Unmatched' });
    await table.getByRole('row', { name: /RKA1AAAAA1/ }).waitFor();
    await e2e.shot(page, 'unmatched-queue');

    await page.getByRole('button', { name: 'Actions for payment RKA1AAAAA1' }).click();
    await page.getByRole('menuitem', { name: 'Assign to subscriber' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign payment RKA1AAAAA1' });
    await assign.getByRole('combobox', { name: 'Subscriber' }).fill('Achieng');
    await page.getByRole('option', { name: /Achieng Odhiambo/ }).click();
    await visible(assign, /Give Ksh\s?1,500\.00 to Achieng Odhiambo/);
    await e2e.shot(page, 'assign-confirm');
    await assign.getByRole('button', { name: 'Assign payment' }).click();
    await assign.waitFor({ state: 'hidden' });
    await visible(page, 'Payment assigned');
    await page.getByLabel('1 unmatched payment', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Actions for payment RKA2BBBBB2' }).click();
    await page.getByRole('menuitem', { name: 'Set aside' }).click();
    const aside = page.getByRole('dialog', { name: 'Set payment RKA2BBBBB2 aside' });
    expect(await aside.getByRole('button', { name: 'Set aside' }).isDisabled()).toBe(true);
    await aside.getByLabel('Reason').fill('Refunded to the sender');
    await aside.getByRole('button', { name: 'Set aside' }).click();
    await aside.waitFor({ state: 'hidden' });
    await visible(table, 'Nothing to match');
    expect(await page.getByLabel(/unmatched payments/).count()).toBe(0);
    expect((await e2e.rpc('payments.unmatched.count', {}, inst.adminToken)).count).toBe(0);
  });

  it('lists both payments with their new status and filters by status', async () => {
    await page.getByRole('tab', { name: 'All payments' }).click();
    const table = page.getByRole('table', { name: 'All payments' });
    await table.getByRole('row', { name: /RKA1AAAAA1.*Achieng Odhiambo.*Applied/ }).waitFor();
    await table.getByRole('row', { name: /RKA2BBBBB2.*Set aside/ }).waitFor();
    // Only the applied payment has a receipt; its PDF names the payment and the subscriber.
    expect(await table.getByRole('button', { name: 'Receipt for payment RKA2BBBBB2' }).count()).toBe(0);
    await table.getByRole('button', { name: 'Receipt for payment RKA1AAAAA1' }).click();
    const receipt = page.getByRole('dialog', { name: 'Receipt for payment RKA1AAAAA1' });
    await receipt.getByText('A4', { exact: true }).click();
    // A browser has no direct printing: Open receipt shows the PDF in a new tab.
    const [tab] = await Promise.all([e2e.browser.context.waitForEvent('page'), receipt.getByRole('button', { name: 'Open receipt' }).click()]);
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();
    const pdf = renderPdf(await saved(page, () => receipt.getByRole('button', { name: 'Save PDF' }).click()));
    expect(pdf).toHaveLength(1);
    for (const part of ['RKA1AAAAA1', 'Achieng Odhiambo', 'M-Pesa', 'Ksh 1,500.00']) expect(pdf[0]!.text.replace(/\s/g, '')).toContain(part.replace(/\s/g, ''));
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });

    await page.getByRole('combobox', { name: 'Filter by status' }).click();
    await page.getByRole('option', { name: 'Set aside' }).click();
    await expect.poll(() => table.getByRole('row', { name: /RKA1AAAAA1/ }).count()).toBe(0);
    await table.getByRole('row', { name: /RKA2BBBBB2/ }).waitFor();
    // The export holds the filtered list: the one payment set aside.
    const csv = parse(await saved(page, () => page.getByRole('button', { name: 'Export CSV' }).click()), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.reference, r.status, r.amount])).toEqual([['RKA2BBBBB2', 'set-aside', '40.00']]);
  });

  it("shows the day's collections by method", async () => {
    await page.getByRole('tab', { name: 'Collections' }).click();
    // The page opens on the ISP's today: the assigned 1,500 was credited today; the 40 set aside is unapplied.
    await visible(page, 'Collected');
    await visible(page, /^1 payment$/);
    await page.getByRole('table', { name: 'By method' }).getByRole('row', { name: /M-Pesa\s*1\s*Ksh\s?1,500\.00/ }).waitFor();
    await page.getByRole('table', { name: 'By who recorded them' }).waitFor();
    await visible(page, /Ksh\s?40\.00/);
    await e2e.shot(page, 'collections');
    const csv = parse(await saved(page, () => page.getByRole('button', { name: 'Export CSV' }).click()), { columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r.group === 'total')).toMatchObject({ count: '1', amount: '1500.00' });
    expect(csv.find((r) => r.group === 'unapplied')).toMatchObject({ amount: '40.00' });
  });

  it('shows a payment arriving unmatched elsewhere on the tab without a reload (payments.unmatched-changed)', async () => {
    await e2e.rpc('mpesa.sms.apply', { text: 'RKA3CCCCC3 Confirmed.on 2/10/26 at 7:45 PMKSH200.00 received from 254799000003 ALI KAMAU.', confirm: true }, inst.adminToken);
    await page.getByLabel('1 unmatched payment', { exact: true }).waitFor();
  });

  it("saves an invoice's PDF from the same dialog as receipts and shows the invoice settings", async () => {
    const draft = await e2e.rpc('invoices.create', { subscriberId, lines: [{ description: 'Router installation', quantity: 1, unitPriceMinor: 250000 }] }, inst.adminToken);
    const { number } = await e2e.rpc('invoices.issue', { invoiceId: draft.id }, inst.adminToken);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('button', { name: `Actions for invoice ${number}` }).click();
    await page.getByRole('menuitem', { name: 'PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: `Invoice ${number}` });
    const text = renderPdf(await saved(page, () => dialog.getByRole('button', { name: 'Save PDF' }).click())).map((p) => p.text).join(' ');
    for (const want of [number!, 'Router installation', 'Achieng Odhiambo']) expect(text).toContain(want);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Invoice settings' }).click();
    await page.getByRole('dialog', { name: 'Invoice settings' }).getByLabel('Number prefix').waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows a viewer (payments.read without payments.collect) the queue but no Assign or Set aside', async () => {
    const viewer = { fullName: 'Vera Viewer', email: 'vera@kahawa.example', password: 'viewer initial 1', ownPassword: 'viewer pass 2026' };
    await addStaff(e2e.rpc, inst, { ...viewer, roles: ['VIEWER'] });
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signInUi(page, { profile: TENANT.name, email: viewer.email, password: viewer.ownPassword });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('tab', { name: /Unmatched/ }).click();
    await page.getByRole('table', { name: 'Unmatched' }).getByRole('row', { name: /RKA3CCCCC3/ }).waitFor();
    expect(await page.getByRole('button', { name: /Actions for payment/ }).count()).toBe(0);
  });
});
