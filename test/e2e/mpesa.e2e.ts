import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDarajaSimulator, type DarajaSimulator } from '../../src-main/daraja-simulator';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { SANDBOX } from '../fixtures/mpesa/daraja';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * The M-Pesa area in Chromium against the headless server and a fake Daraja started in this process: the
 * admin saves the Daraja settings through the screen (a bad shortcode is refused on its field first), asks a
 * subscriber to pay from their page (STK push, followed until paid) and sees the expiry move; a statement with
 * one known and one unknown account previews 1 new + 1 unmatched, applies, the unknown one waits in
 * Payments › Unmatched (badge 1) until assigned; the same file again previews as all duplicates. On the
 * M-Pesa screen a cancelled prompt is worded and Try again is paid; a pasted SMS matching nobody goes unmatched.
 * Screenshots: test/artifacts/e2e/mpesa/.
 */

const TENANT = { name: 'Mpesa Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@mpesa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@mpesa.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };

let sim: RouterSimulator;
let daraja: DarajaSimulator;
let page: Page;
let inst: Installation;
let subscriber: { id: string; accountNumber: string };
let dir: string;

function statementCsv(knownAccount: string): string {
  return [
    'Receipt No,Completion Time,Details,Transaction Status,Paid In (KSHs),Withdrawn (KSHs),Balance (KSHs)',
    'UAF0000002,15-01-2026 10:05:00,Pay Bill Online from 2547****002 - MARY ROE Acc. NOBODY42,Completed,"40.00",0.00,"1,540.00"',
    `UAF0000001,15-01-2026 10:00:00,Pay Bill Online from 2547****001 - ACHIENG ODHIAMBO Acc. ${knownAccount},Completed,"1,500.00",0.00,"1,500.00"`,
  ].join('\r\n') + '\r\n';
}

async function chooseStatement(path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose file|Choose another file/ }).click();
  await (await chooser).setFiles(path);
}

describe('M-Pesa: settings, payment requests, statement import, SMS paste', () => {
  const e2e = e2eSpec('mpesa', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' }, tenant: TENANT, admin: ADMIN });
    },
  });

  beforeAll(async () => {
    daraja = await startDarajaSimulator({ consumerKey: SANDBOX.consumerKey, consumerSecret: SANDBOX.consumerSecret, shortcode: SANDBOX.shortcode, passkey: SANDBOX.passkey });
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    const router = await e2e.rpc('routers.create', { name: 'Core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    const pkg = await e2e.rpc('packages.create', {
      name: 'Home 10M', serviceType: 'pppoe', routerIds: [router.id], rateLimit: { rxKbps: 5000, txKbps: 10000 },
      pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150000, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, inst.adminToken);
    subscriber = await e2e.rpc('subscribers.create', { fullName: 'Achieng Odhiambo', phones: ['0712000444'], routerId: router.id, packageId: pkg.id }, inst.adminToken);
    dir = mkdtempSync(join(tmpdir(), 'mpesa-e2e-'));
    page = e2e.page;
  });

  afterAll(async () => {
    await daraja?.close();
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('saves the Daraja settings through the screen, refusing a bad shortcode on its field first', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'M-Pesa' }).click();
    await page.getByRole('heading', { name: 'M-Pesa', exact: true }).waitFor();
    await visible(page, 'M-Pesa is not set up yet');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Shortcode').fill('12');
    await page.getByLabel('Daraja base URL (optional)').fill(daraja.url);
    await page.getByLabel('Consumer key').fill(SANDBOX.consumerKey);
    await page.getByLabel('Consumer secret').fill(SANDBOX.consumerSecret);
    await page.getByLabel('Lipa Na M-Pesa passkey').fill(SANDBOX.passkey);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, 'Enter the shortcode (5 to 8 digits)');
    expect((await e2e.rpc('mpesa.settings.get', {}, inst.adminToken)).configured).toBe(false);

    await page.getByLabel('Shortcode').fill(SANDBOX.shortcode);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, 'M-Pesa settings saved');
    await visible(page, 'Ready to take payments');
    // Secrets are write-only: the fields empty again, each marked saved.
    expect(await page.getByText('Saved', { exact: true }).count()).toBe(3);
    expect(await page.getByLabel('Consumer key').inputValue()).toBe('');
    await e2e.shot(page, 'settings-saved');
    expect(await e2e.rpc('mpesa.settings.get', {}, inst.adminToken)).toMatchObject({ configured: true, shortcode: SANDBOX.shortcode, hasPasskey: true });
    // The C2B addresses to register with Safaricom, with their secret part, on request.
    await page.getByRole('button', { name: 'Show the C2B addresses' }).click();
    const urls = await e2e.rpc('payments.callback-urls', {}, inst.adminToken);
    await visible(page, urls.confirmationPath);
    await visible(page, urls.validationPath);
  });

  it('requests payment from the subscriber page and shows the new expiry once paid', async () => {
    const before = await e2e.rpc('subscribers.get', { subscriberId: subscriber.id }, inst.adminToken);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('table', { name: 'Subscribers' }).getByRole('row', { name: /Achieng Odhiambo/ }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Achieng Odhiambo' }).waitFor();
    const expiry = page.getByText('Expiry', { exact: true }).locator('xpath=..');
    const shownBefore = await expiry.innerText();

    await page.getByRole('button', { name: 'Request payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request payment from Achieng Odhiambo' });
    expect(await dialog.getByLabel('Phone').inputValue()).toBe('+254712000444');
    expect(await dialog.getByLabel(/^Amount/).inputValue()).toBe('1500');
    await dialog.getByRole('button', { name: 'Send payment request' }).click();
    await visible(dialog, /Waiting for the customer to enter their PIN/);
    await e2e.shot(page, 'stk-waiting');
    await visible(dialog, /Paid: Ksh\s?1,500\.00 received/);
    await e2e.shot(page, 'stk-paid');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const after = await e2e.rpc('subscribers.get', { subscriberId: subscriber.id }, inst.adminToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    await expect.poll(() => expiry.innerText()).not.toBe(shownBefore);
    // The wallet card follows at once: the M-Pesa credit and the renewal's debit.
    const wallet = page.getByRole('table', { name: 'Wallet' });
    expect(await wallet.getByRole('row', { name: /Credit/ }).innerText()).toMatch(/\+Ksh\s1,500\.00/);
    expect(daraja.stkRequests).toHaveLength(1);
  });

  it('imports a statement: preview counts, apply, the unknown account waits in Unmatched until assigned', async () => {
    const file = join(dir, 'statement.csv');
    writeFileSync(file, statementCsv(subscriber.accountNumber));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'M-Pesa' }).click();
    await page.getByRole('tab', { name: 'Import statement' }).click();
    await chooseStatement(file);
    await page.getByLabel('New, matched to a subscriber: 1').waitFor();
    await page.getByLabel('New, matching no subscriber: 1').waitFor();
    await page.getByLabel('Already in ISP Desk: 0').waitFor();
    await e2e.shot(page, 'statement-preview');
    await page.getByRole('button', { name: 'Apply 2 payments' }).click();
    await visible(page, '1 applied to subscribers, 1 waiting in Payments › Unmatched, 0 already known.');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments' }).click();
    await page.getByLabel('1 unmatched payment', { exact: true }).waitFor();
    await page.getByRole('tab', { name: /Unmatched/ }).click();
    await page.getByRole('button', { name: 'Actions for payment UAF0000002' }).click();
    await page.getByRole('menuitem', { name: 'Assign to subscriber' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign payment UAF0000002' });
    await assign.getByRole('combobox', { name: 'Subscriber' }).fill('Achieng');
    await page.getByRole('option', { name: /Achieng Odhiambo/ }).click();
    await assign.getByRole('button', { name: 'Assign payment' }).click();
    await assign.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByLabel(/unmatched payment/).count()).toBe(0);
    expect((await e2e.rpc('payments.unmatched.count', {}, inst.adminToken)).count).toBe(0);
  });

  it('previews the same statement again as all duplicates, with nothing to apply', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'M-Pesa' }).click();
    await page.getByRole('tab', { name: 'Import statement' }).click();
    await chooseStatement(join(dir, 'statement.csv'));
    await page.getByLabel('Already in ISP Desk: 2').waitFor();
    await visible(page, 'Nothing new to apply');
    expect(await page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
    await e2e.shot(page, 'statement-reimport');
  });

  it('requests payment from the M-Pesa screen: a cancelled prompt is said in plain words, Try again sends a new one that is paid', async () => {
    daraja.scriptStk({ resultCode: 1032, pendingQueries: 0 });
    await page.getByRole('tab', { name: 'Request payment' }).click();
    await page.getByRole('combobox', { name: 'Subscriber (optional)' }).fill('Achieng');
    await page.getByRole('option', { name: /Achieng Odhiambo/ }).click();
    await expect.poll(() => page.getByLabel(/^Amount/).inputValue()).toBe('1500');
    expect(await page.getByLabel('Phone').inputValue()).toBe('+254712000444');
    await page.getByRole('button', { name: 'Send payment request' }).click();
    await visible(page, 'The customer cancelled the prompt. Nothing was paid.');
    await e2e.shot(page, 'stk-cancelled');
    await page.getByRole('button', { name: 'Try again' }).click();
    await visible(page, /Paid: Ksh\s?1,500\.00 received/);
    expect(daraja.stkRequests).toHaveLength(3);
  });

  it('pastes an M-Pesa SMS: the preview says it matches nobody, apply sends it to the unmatched queue', async () => {
    await page.getByRole('tab', { name: 'Paste SMS' }).click();
    await page.getByLabel('Messages').fill('RKA3CCCCC3 Confirmed.on 2/10/26 at 7:45 PMKSH200.00 received from 254799000003 ALI KAMAU.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await visible(page, '0 matched, 1 unmatched, 0 already known, 0 ignored.');
    await page.getByRole('table', { name: 'Messages' }).getByRole('row', { name: /RKA3CCCCC3.*Ksh\s?200\.00.*Matches no subscriber/ }).waitFor();
    await e2e.shot(page, 'sms-preview');
    await page.getByRole('button', { name: 'Apply messages' }).click();
    await visible(page, '0 applied to subscribers, 1 waiting in Payments › Unmatched, 0 already known, 0 ignored.');
    expect((await e2e.rpc('payments.unmatched.count', {}, inst.adminToken)).count).toBe(1);
    expect(e2e.pageErrors).toEqual([]);
  });
});
