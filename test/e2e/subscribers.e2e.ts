import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderPdf } from '../unit/documents/render-pdf';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { addStaff, e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * Packages and subscribers end to end, in Chromium against the headless server and a RouterOS simulator
 * this process runs: create a package and a PPPoE subscriber through the forms and see them listed; a
 * duplicate PPPoE user name comes back as a field error and nothing is written; a bulk "extend 7 days"
 * dry run lists exactly the selected rows with their expiry before → after, then applies. The secret
 * reaches the simulator through the router outbox; a secret changed on the router shows as drift after
 * "Reconcile now" and "apply ours" puts it back; the enforcement pre-flight lists what Install then puts on
 * the router, and Remove takes it away; a CSV import applies only its valid rows; the detail page reveals
 * the PPPoE password after a confirmation and its history records that; cash equal to the package price recorded
 * there shows in the wallet card as a credit and the renewal's debit, and its receipt is offered; a cashier at a second
 * desk records cash for an expired subscriber: the expiry moves on screen, the PPPoE secret is enabled again on the
 * simulator, and the receipt PDF (saved from the dialog, and fetched through its channel) names the receipt number,
 * amount and subscriber (issue 10 §10). The installation and the router are set up over RPC. Screenshots: test/artifacts/e2e/subscribers/.
 */

const PLATFORM_ADMIN = { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Kahawa Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@kahawa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kahawa.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };
const ROUTER_NAME = 'Kahawa core';
const PACKAGE_NAME = 'Home 10M';

let sim: RouterSimulator;
let page: Page;
let inst: Installation;
let routerId: string;
/** Failed RPC answers (channel, status, body), for the one place a failure is expected. */
const failedCalls: string[] = [];

describe('subscribers: packages, PPPoE subscribers, field errors, bulk extend with dry run', () => {
  const e2e = e2eSpec('subscribers', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: PLATFORM_ADMIN, tenant: TENANT, admin: ADMIN });
    },
  });
  const shot = e2e.shot;

  beforeAll(async () => {
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    const router = await e2e.rpc('routers.create', { name: ROUTER_NAME, host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    routerId = router.id;
    page = e2e.page;
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/rpc/')) {
        void r.text().then((body) => failedCalls.push(`${r.url().replace(/.*\/rpc\//, '')} ${r.status()} ${body}`), () => undefined);
      }
    });
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('creates a package through the form and lists it with its speed and price', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Packages' }).click();
    await page.getByRole('heading', { name: 'Packages', exact: true }).waitFor();
    await visible(page, 'No packages yet — create the first');
    await shot(page, 'packages-empty');

    await page.getByRole('button', { name: 'New package' }).click();
    const dialog = page.getByRole('dialog', { name: 'New package' });
    await dialog.getByLabel('Package name').fill(PACKAGE_NAME);
    await dialog.getByLabel('Routers', { exact: true }).click();
    await page.getByRole('option', { name: ROUTER_NAME }).click();
    await dialog.getByLabel('Upload (Mbit/s)').fill('5');
    await dialog.getByLabel('Download (Mbit/s)').fill('10');
    await dialog.getByLabel('Profile name').fill('home-10m');
    await dialog.getByLabel('Price (KES)').fill('1500');
    await shot(page, 'package-form');
    await dialog.getByRole('button', { name: 'Create package' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'Packages' }).getByRole('row', { name: new RegExp(PACKAGE_NAME) });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('5M/10M');
    expect(text).toContain('1,500.00');
    expect(text).toContain('PPPoE');
    expect(text).toContain(ROUTER_NAME);
    expect(text).toContain('Active');
    await shot(page, 'package-listed');
  });

  it('adds a PPPoE subscriber through the form and sees it in the list', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('heading', { name: 'Subscribers', exact: true }).waitFor();
    await visible(page, 'No subscribers yet');
    await addSubscriberUi(page, { fullName: 'Jane Wanjiku', phone: '0712 000 111', username: 'jane.w' });
    await page.getByRole('dialog', { name: 'Add a subscriber' }).waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Jane Wanjiku/ });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(PACKAGE_NAME);
    expect(text).toContain(ROUTER_NAME);
    expect(text).toContain('Active');
    await shot(page, 'subscriber-listed');

    // The router outbox worker puts the PPPoE secret on the router with the package's profile.
    await expect.poll(() => sim.state.menu('/ppp/secret').find({ name: 'jane.w' })?.profile).toBe('home-10m');
    expect(sim.state.menu('/ppp/profile').find({ name: 'home-10m' })?.['rate-limit']).toBe('5000k/10000k');
    await expect.poll(async () => {
      const list = await e2e.rpc('subscribers.list', { page: 1, pageSize: 25, q: 'Jane' }, inst.adminToken);
      return list.items[0]?.syncState;
    }).toBe('synced');
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Jane Wanjiku/ }).innerText()).toContain('Synced');
  });

  it('shows a duplicate PPPoE user name as a field error and writes nothing', async () => {
    failedCalls.length = 0;
    await addSubscriberUi(page, { fullName: 'Juma Otieno', phone: '0712 000 222', username: 'jane.w' });
    const dialog = page.getByRole('dialog', { name: 'Add a subscriber' });
    const username = dialog.getByLabel('PPPoE user name');
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    await visible(dialog, 'Already in use');
    await shot(page, 'duplicate-username');
    expect(failedCalls.some((c) => c.startsWith('subscribers.create 400'))).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const list = await e2e.rpc('subscribers.list', { page: 1, pageSize: 25, q: 'Juma' }, inst.adminToken);
    expect(list.total).toBe(0);
  });

  it('previews a bulk "extend 7 days" on exactly the selected rows with expiry before → after, then applies it', async () => {
    const pkg = (await e2e.rpc('packages.list', { page: 1, pageSize: 25 }, inst.adminToken)).items[0]!;
    for (const [fullName, phone] of [['Kamau Njoroge', '0712000333'], ['Achieng Odhiambo', '0712000444']] as const) {
      await e2e.rpc('subscribers.create', { fullName, phones: [phone], routerId, packageId: pkg.id }, inst.adminToken);
    }
    await page.reload();
    const table = page.getByRole('table', { name: 'Subscribers' });
    await table.getByRole('row', { name: /Achieng Odhiambo/ }).waitFor();
    const before = new Map((await e2e.rpc('subscribers.list', { page: 1, pageSize: 25 }, inst.adminToken)).items.map((s) => [s.fullName, s]));

    await table.getByRole('checkbox', { name: 'Select Jane Wanjiku' }).check();
    await table.getByRole('checkbox', { name: 'Select Achieng Odhiambo' }).check();
    await visible(page, '2 selected');
    await page.getByRole('button', { name: 'Bulk action…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk action on 2 subscribers' });
    await dialog.getByLabel('Periods').fill('7');
    await dialog.getByRole('combobox', { name: 'Unit' }).click();
    await page.getByRole('option', { name: 'Days' }).click();
    await dialog.getByRole('button', { name: 'Preview changes' }).click();

    const preview = dialog.getByRole('table', { name: 'Changes to apply' });
    await preview.waitFor();
    const rows = preview.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // header + exactly the two selected rows
    const previewText = await preview.innerText();
    expect(previewText).toContain('Jane Wanjiku');
    expect(previewText).toContain('Achieng Odhiambo');
    expect(previewText).not.toContain('Kamau Njoroge');
    await visible(dialog, '2 of 2 subscribers will change');
    await shot(page, 'bulk-preview');

    // Nothing changed by the dry run.
    const still = await e2e.rpc('subscribers.get', { subscriberId: before.get('Jane Wanjiku')!.id }, inst.adminToken);
    expect(still.expiresAt).toBe(before.get('Jane Wanjiku')!.expiresAt);

    await dialog.getByRole('button', { name: 'Apply to 2 subscribers' }).click();
    await visible(dialog, '2 changed, 0 left alone');
    await shot(page, 'bulk-applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const fmt = new Intl.DateTimeFormat('en-KE', { timeZone: 'Africa/Nairobi', hourCycle: 'h23', year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    for (const name of ['Jane Wanjiku', 'Achieng Odhiambo']) {
      const was = before.get(name)!;
      const now = await e2e.rpc('subscribers.get', { subscriberId: was.id }, inst.adminToken);
      expect(new Date(now.expiresAt).getTime() - new Date(was.expiresAt).getTime()).toBe(7 * 86_400_000);
      // The preview showed this row's expiry before and after, in the ISP's time zone.
      expect(previewText).toContain(fmt.format(new Date(was.expiresAt)));
      expect(previewText).toContain(fmt.format(new Date(now.expiresAt)));
    }
    const untouched = await e2e.rpc('subscribers.get', { subscriberId: before.get('Kamau Njoroge')!.id }, inst.adminToken);
    expect(untouched.expiresAt).toBe(before.get('Kamau Njoroge')!.expiresAt);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('reconciles on demand, lists a secret changed on the router as different, and "apply ours" puts it back', async () => {
    const secrets = sim.state.menu('/ppp/secret');
    secrets.update(secrets.find({ name: 'jane.w' })!['.id']!, { profile: 'default' });

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Router sync' }).click();
    await page.getByRole('heading', { name: 'Router sync', exact: true }).waitFor();
    const card = page.getByLabel(ROUTER_NAME, { exact: true });
    await card.getByRole('button', { name: 'Reconcile now' }).click();
    const drift = page.getByRole('table', { name: 'Differences' });
    const row = drift.getByRole('row', { name: /jane\.w/ });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/different/i); // a badge, drawn in capitals
    expect(text).toContain('home-10m');
    expect(text).toContain('default');
    await shot(page, 'drift-different');

    await row.getByRole('button', { name: 'Actions for jane.w' }).click();
    await page.getByRole('menuitem', { name: 'Apply ours' }).click();
    const confirm = page.getByRole('dialog', { name: /Apply ours: 1 differences/ });
    await confirm.getByRole('button', { name: 'Apply ours' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page, '1 resolved, 0 skipped.');
    await expect.poll(() => secrets.find({ name: 'jane.w' })?.profile).toBe('home-10m');
    await shot(page, 'drift-applied');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('pre-flights expiry enforcement, installs exactly what it listed, and removes it again', async () => {
    const card = page.getByLabel(ROUTER_NAME, { exact: true });
    await card.getByRole('button', { name: 'Expiry enforcement…' }).click();
    const dialog = page.getByRole('dialog', { name: `Expiry enforcement on ${ROUTER_NAME}` });
    const planned = dialog.getByRole('table', { name: 'Planned changes' });
    await planned.waitFor();
    const listed = await planned.innerText();
    expect(listed).toContain('ispdesk-tick');
    expect(listed).toContain('/system/scheduler');
    expect(sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })).toBeUndefined(); // the pre-flight wrote nothing
    await shot(page, 'enforcement-preflight');

    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    const confirmInstall = page.getByRole('dialog', { name: `Install expiry enforcement on ${ROUTER_NAME}?` });
    await confirmInstall.getByRole('button', { name: 'Install', exact: true }).click();
    await visible(page, 'Queued for the router');
    await expect.poll(() => sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })?.interval).toBe('1m');
    await expect.poll(() => sim.state.menu('/system/scheduler').find({ name: 'ispdesk-boot' }) !== undefined).toBe(true);

    await card.getByRole('button', { name: 'Expiry enforcement…' }).click();
    await dialog.getByRole('button', { name: 'Remove from router…' }).click();
    const confirmRemove = page.getByRole('dialog', { name: `Remove expiry enforcement from ${ROUTER_NAME}?` });
    await confirmRemove.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })).toBeUndefined();
    expect(sim.state.menu('/ppp/secret').find({ name: 'jane.w' })).toBeDefined(); // subscribers stay
    expect(e2e.pageErrors).toEqual([]);
  });

  it('imports a CSV: the preview reports the bad row by line and column, confirm imports only the valid row', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import subscribers from CSV' });
    const csv = `fullName,phones,router,package,username\nPeter Mwangi,0712000555,${ROUTER_NAME},${PACKAGE_NAME},peter.m\nMary Atieno,0712000666,${ROUTER_NAME},No Such Plan,mary.a\n`;
    await dialog.locator('input[type=file]').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await visible(dialog, '1 rows can be imported, 1 have errors');
    const errors = dialog.getByRole('table', { name: 'Rows with errors' });
    const errorRow = errors.getByRole('row', { name: /package/ });
    expect(await errorRow.innerText()).toMatch(/^3\s+package\s+No such package/);
    await shot(page, 'import-preview');
    expect((await e2e.rpc('subscribers.list', { page: 1, pageSize: 25, q: 'Peter' }, inst.adminToken)).total).toBe(0); // preview wrote nothing

    await dialog.getByRole('button', { name: 'Import 1 valid row' }).click();
    await visible(dialog, '1 subscribers imported, 1 rows left out.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Peter Mwangi/ }).waitFor();
    expect((await e2e.rpc('subscribers.list', { page: 1, pageSize: 25, q: 'Mary' }, inst.adminToken)).total).toBe(0);
  });

  it("opens a subscriber's page, reveals the PPPoE password after a confirmation, and the history records it", async () => {
    const row = page.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Jane Wanjiku/ });
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Jane Wanjiku' }).waitFor();
    await visible(page, 'jane.w');
    await page.getByRole('button', { name: 'Show password' }).click();
    const confirm = page.getByRole('dialog', { name: 'Show the PPPoE password?' });
    await confirm.getByRole('button', { name: 'Show password' }).click();
    const shown = page.getByTestId('revealed-password');
    await shown.waitFor();
    // The same password the router holds for the secret.
    const onRouter = sim.state.menu('/ppp/secret').find({ name: 'jane.w' })?.password;
    expect(onRouter).toBeTruthy();
    expect(await shown.innerText()).toBe(onRouter);
    const history = page.getByRole('table', { name: 'History' });
    await visible(history, 'PPPoE password shown');
    await visible(history, 'Subscriber added');
    await shot(page, 'subscriber-detail');

    // Cash equal to the package price: credited to the wallet, then debited by the renewal it pays for.
    await page.getByRole('button', { name: 'Record payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Record a payment for Jane Wanjiku' });
    await pay.getByLabel('Amount (KES)').fill('1500');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await pay.waitFor({ state: 'hidden' });
    await visible(page, 'Payment recorded');
    // The receipt is offered at once; closing it leaves the wallet card.
    const receipt = page.getByRole('dialog', { name: /^Receipt for payment CASH-/ });
    await receipt.getByRole('button', { name: 'Open receipt' }).waitFor();
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });
    const wallet = page.getByRole('table', { name: 'Wallet' });
    await wallet.getByRole('row', { name: /Credit/ }).waitFor();
    expect(await wallet.getByRole('row', { name: /Credit/ }).innerText()).toMatch(/\+Ksh\s1,500\.00/);
    expect(await wallet.getByRole('row', { name: /Debit/ }).innerText()).toMatch(/−Ksh\s1,500\.00/);
    await shot(page, 'subscriber-wallet');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('§10: a cashier records cash for an expired subscriber: expiry extended on screen, PPPoE secret enabled again, receipt PDF', async () => {
    const pkg = (await e2e.rpc('packages.list', { page: 1, pageSize: 25 }, inst.adminToken)).items[0]!;
    const expired = await e2e.rpc('subscribers.create', {
      fullName: 'Esther Expired', phones: ['0712000777'], routerId, packageId: pkg.id, username: 'esther.e',
      expiresAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    }, inst.adminToken);
    // Expired: the router holds the secret, disabled.
    await expect.poll(() => sim.state.menu('/ppp/secret').find({ name: 'esther.e' })?.disabled).toMatch(/^(yes|true)$/);

    const cashier = { fullName: 'Cyrus Cashier', email: 'cyrus@kahawa.example', password: 'cashier initial 1', ownPassword: 'cashier pass 2026' };
    await addStaff(e2e.rpc, inst, { ...cashier, roles: ['CASHIER'] });
    const desk = await e2e.browser.newContext();
    e2e.watch(desk.page);
    const p2 = desk.page;
    await p2.goto(e2e.server.url);
    await signInUi(p2, { profile: TENANT.name, email: cashier.email, password: cashier.ownPassword });
    await p2.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscribers' }).click();
    await p2.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Esther Expired/ }).getByRole('link').first().click();
    await p2.getByRole('heading', { name: 'Esther Expired' }).waitFor();
    const fmt = new Intl.DateTimeFormat('en-KE', { timeZone: 'Africa/Nairobi', hourCycle: 'h23', year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    await visible(p2, fmt.format(new Date(expired.expiresAt)));

    await p2.getByRole('button', { name: 'Record payment' }).click();
    const pay = p2.getByRole('dialog', { name: 'Record a payment for Esther Expired' });
    await pay.getByLabel('Amount (KES)').fill('1500');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await pay.waitFor({ state: 'hidden' });

    const after = await e2e.rpc('subscribers.get', { subscriberId: expired.id }, inst.adminToken);
    expect(new Date(after.expiresAt).getTime()).toBeGreaterThan(Date.now());
    await visible(p2, fmt.format(new Date(after.expiresAt)));
    await expect.poll(() => sim.state.menu('/ppp/secret').find({ name: 'esther.e' })?.disabled).toMatch(/^(no|false)$/);

    // The receipt dialog: a 58 mm roll, saved as a PDF (a browser has no direct printing).
    const receipt = p2.getByRole('dialog', { name: /^Receipt for payment CASH-/ });
    await receipt.getByText('58 mm roll').click();
    await shot(p2, 'cash-receipt-offered');
    const [download] = await Promise.all([p2.waitForEvent('download'), receipt.getByRole('button', { name: 'Save PDF' }).click()]);
    const saved = renderPdf(readFileSync((await download.path())!));
    expect(saved).toHaveLength(1);
    expect(Math.round(saved[0]!.widthPt)).toBe(Math.round((58 * 72) / 25.4));

    // The same receipt through its channel, as the cashier: number, amount and subscriber in its text.
    const payment = (await e2e.rpc('payments.list', { page: 1, pageSize: 5, subscriberId: expired.id }, inst.adminToken)).items[0]!;
    const token = (await e2e.rpc('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: cashier.email, password: cashier.ownPassword })).token;
    const pdf = await e2e.rpc('payments.receipt.pdf', { paymentId: payment.id, format: 'a4' }, token);
    const text = renderPdf(Buffer.from(pdf.pdfBase64, 'base64'))[0]!.text;
    for (const part of [pdf.receiptNumber, 'Ksh 1,500.00', 'Esther Expired', after.accountNumber, payment.reference, 'Cyrus Cashier']) {
      expect(text.replace(/\s/g, '')).toContain(part.replace(/\s/g, ''));
    }
    expect(saved[0]!.text.replace(/\s/g, '')).toContain(pdf.receiptNumber);
    await desk.context.close();
    expect(e2e.pageErrors).toEqual([]);
  });
});

async function addSubscriberUi(page: Page, s: { fullName: string; phone: string; username: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add subscriber' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a subscriber' });
  await dialog.waitFor();
  await dialog.getByLabel('Full name').fill(s.fullName);
  await dialog.getByLabel('Phone', { exact: true }).fill(s.phone);
  await dialog.getByRole('combobox', { name: 'Package' }).click();
  await page.getByRole('option', { name: PACKAGE_NAME }).click();
  await dialog.getByLabel('PPPoE user name').fill(s.username);
  await dialog.getByRole('button', { name: 'Add subscriber' }).click();
}
