import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotter, startServer, type BrowserSession, type RunningServer, screenshotFailures } from './harness';

/**
 * The foundation end to end, in Chromium against the headless server: first-run wizard → tenant
 * created → its admin adds a CASHIER → the cashier changes the initial password and cannot reach
 * settings → the platform admin suspends the tenant → the cashier's open session ends and sign-in is
 * refused. Screenshots of every step land in test/artifacts/e2e/foundation/.
 */

const PLATFORM_ADMIN = { name: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Kilimani Fibre', owner: 'Otieno Owner', ownerEmail: 'owner@kilimani.example', ownerPhone: '0712 345 678' };
const TENANT_ADMIN = { name: 'Wanjiru Admin', email: 'wanjiru@kilimani.example', password: 'admin pass 2026' };
const CASHIER = { name: 'Chebet Cashier', email: 'chebet@kilimani.example', initial: 'first pass 2026', own: 'chebet own pass 9' };
const SUSPENDED_MESSAGE = 'This ISP profile is suspended. Contact your platform administrator.';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let tenantId = '';
const shot = screenshotter('foundation');
const pageErrors: string[] = [];

function watchErrors(p: Page): void {
  p.on('pageerror', (e) => pageErrors.push(e.message));
}

async function chooseProfile(p: Page, profile: string): Promise<void> {
  await p.getByRole('combobox', { name: 'Profile' }).click();
  await p.getByRole('option', { name: profile }).click();
}

async function signIn(p: Page, profile: string, email: string, password: string): Promise<void> {
  await p.getByRole('heading', { name: 'Sign in' }).waitFor();
  await chooseProfile(p, profile);
  await p.getByLabel('Email', { exact: true }).fill(email);
  await p.getByLabel('Password', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Account menu' }).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
  await p.getByRole('heading', { name: 'Sign in' }).waitFor();
}

async function visible(p: Page | Locator, text: string | RegExp): Promise<void> {
  await p.getByText(text).first().waitFor({ state: 'visible' });
}

describe('foundation: tenants, staff, roles and suspension', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    watchErrors(page);
  });

  screenshotFailures(shot, () => page);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the first-run wizard with another person as ISP administrator and lands on the platform ISP profiles page', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Welcome to ISP Desk' }).waitFor();
    expect(page.url()).toContain('#/setup');
    await shot(page, 'wizard-platform-admin');

    // Step 1 refuses an empty form with field errors from the contract's schema.
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page, 'Enter at least 2 characters');
    await page.getByLabel('Full name', { exact: true }).fill(PLATFORM_ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(PLATFORM_ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(PLATFORM_ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).fill('something else');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page, 'The passwords do not match');
    await page.getByLabel('Confirm password', { exact: true }).fill(PLATFORM_ADMIN.password);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('ISP name').waitFor();
    await page.getByLabel('ISP name').fill(TENANT.name);
    await page.getByLabel('Owner name').fill(TENANT.owner);
    await page.getByLabel('Owner phone').fill(TENANT.ownerPhone);
    await page.getByLabel('Owner email').fill(TENANT.ownerEmail);
    expect(await page.getByLabel('Country code').inputValue()).toBe('KE');
    expect(await page.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('KES');
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Africa/Nairobi');
    await page.getByLabel("Administrator's full name").fill(TENANT_ADMIN.name);
    await page.getByLabel("Administrator's email").fill(TENANT_ADMIN.email);
    await page.getByLabel("Administrator's password", { exact: true }).fill(TENANT_ADMIN.password);
    await page.getByLabel("Confirm administrator's password").fill(TENANT_ADMIN.password);
    await shot(page, 'wizard-first-tenant');
    await page.getByRole('button', { name: 'Next' }).click();

    await visible(page, 'Check the details below');
    await visible(page, `${TENANT_ADMIN.name} · ${TENANT_ADMIN.email}`);
    await shot(page, 'wizard-review');
    await page.getByRole('button', { name: 'Create and sign in' }).click();

    await page.getByRole('heading', { name: 'ISP profiles' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TENANT.name });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Active');
    await expect.poll(() => row.textContent()).toContain('1 of 1 active');
    expect(page.url()).toContain('#/platform/tenants');
    await shot(page, 'platform-tenants');
  });

  it("signs out and signs in as the tenant's administrator", async () => {
    await signOut(page);
    await shot(page, 'sign-in');
    await signIn(page, TENANT.name, TENANT_ADMIN.email, 'not the password');
    await visible(page, 'Wrong email or password.');
    await page.getByLabel('Password', { exact: true }).fill(TENANT_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Welcome, ${TENANT_ADMIN.name}` }).waitFor();
    tenantId = /#\/t\/([^/]+)\/home/.exec(page.url())?.[1] ?? '';
    expect(tenantId).toMatch(/^[0-9a-f-]{36}$/);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const area of ['Home', 'Staff & roles', 'Audit log', 'Settings']) {
      await nav.getByRole('link', { name: area }).waitFor();
    }
    await shot(page, 'admin-home');
  });

  it('adds a CASHIER with an initial password', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Staff & roles' }).click();
    await page.getByRole('heading', { name: 'Staff & roles' }).waitFor();
    await page.getByRole('row').filter({ hasText: TENANT_ADMIN.email }).waitFor();
    await visible(page, 'What each role can do');
    await page.getByRole('button', { name: 'Add staff member' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
    await dialog.waitFor();
    await dialog.getByLabel('Full name').fill(CASHIER.name);
    await dialog.getByLabel('Email', { exact: true }).fill(CASHIER.email);
    await dialog.getByLabel('Initial password', { exact: true }).fill(CASHIER.initial);
    await dialog.getByLabel('Confirm initial password').fill(CASHIER.initial);
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await visible(dialog, 'Choose at least one role');
    await dialog.getByRole('checkbox', { name: 'Cashier' }).check();
    await shot(page, 'add-cashier');
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: CASHIER.email });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Cashier');
    await expect.poll(() => row.textContent()).toContain('Must change password');
    await shot(page, 'staff-list');
  });

  it('shows the settings and the audit log to the administrator', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Business details' }).waitFor();
    await expect.poll(() => page.getByLabel('Legal name').inputValue()).toBe(TENANT.name);
    await page.getByLabel('VAT rate').fill('16');
    await page.getByLabel('Receipt footer').fill('Asante kwa kuchagua Kilimani Fibre');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, 'Settings saved');
    await shot(page, 'admin-settings');

    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('row').filter({ hasText: `Added ${CASHIER.name}` }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Business settings changed' }).waitFor();
    await shot(page, 'admin-audit-log');
  });

  it('makes the cashier change the initial password, and keeps settings out of reach', async () => {
    await signOut(page);
    await signIn(page, TENANT.name, CASHIER.email, CASHIER.initial);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect(page.url()).toContain('#/account/password');
    await shot(page, 'cashier-forced-password-change');
    await page.getByLabel('Temporary password').fill(CASHIER.initial);
    await page.getByLabel('New password', { exact: true }).fill(CASHIER.own);
    await page.getByLabel('Confirm new password').fill(CASHIER.own);
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.getByRole('heading', { name: `Welcome, ${CASHIER.name}` }).waitFor();
    // Home says who they are here, without a list of permission chips.
    await visible(page, `${TENANT.name} · Cashier`);
    expect(await page.getByText('Collect payments').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Home']);
    await shot(page, 'cashier-home');

    await page.goto(`${server.url}#/t/${tenantId}/settings`);
    await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await shot(page, 'cashier-settings-no-access');
  });

  it("suspends the tenant: the cashier's open session ends and sign-in is refused", async () => {
    // A second desk where the cashier stays signed in.
    const desk = await browser.newContext();
    watchErrors(desk.page);
    await desk.page.goto(server.url);
    await signIn(desk.page, TENANT.name, CASHIER.email, CASHIER.own);
    await desk.page.getByRole('heading', { name: `Welcome, ${CASHIER.name}` }).waitFor();

    // The first desk opens platform administration from the account menu (one ISP: no profile switcher).
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Platform administration' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Profile' }).inputValue()).toBe('Platform administration');
    await page.getByLabel('Email', { exact: true }).fill(PLATFORM_ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(PLATFORM_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'ISP profiles' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: TENANT.name });
    await expect.poll(() => row.textContent()).toContain('2 of 2 active');
    await page.getByRole('button', { name: `Actions for ${TENANT.name}` }).click();
    await page.getByRole('menuitem', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${TENANT.name}?` });
    await dialog.waitFor();
    await visible(dialog, 'signs out every staff member immediately');
    await dialog.getByLabel('Reason (optional)').fill('Licence unpaid');
    await shot(page, 'suspend-confirmation');
    await dialog.getByRole('button', { name: 'Suspend ISP profile' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Suspended');
    await shot(page, 'tenant-suspended');

    // The cashier's open session is ended by main and their window goes back to sign-in, saying why.
    await desk.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await visible(desk.page, 'This ISP profile was suspended');
    await shot(desk.page, 'cashier-session-ended');

    // Signing in again is refused with main's message.
    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: TENANT.name }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The profile's name shows once the directory of profiles has loaded.
    await expect.poll(() => page.getByRole('combobox', { name: 'Profile' }).inputValue()).toBe(TENANT.name);
    await visible(page, 'This ISP profile is suspended: its staff cannot sign in');
    await page.getByLabel('Email', { exact: true }).fill(CASHIER.email);
    await page.getByLabel('Password', { exact: true }).fill(CASHIER.own);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page, SUSPENDED_MESSAGE);
    expect(page.url()).toContain('#/sign-in');
    await shot(page, 'cashier-sign-in-refused');

    await desk.context.close();
    expect(pageErrors).toEqual([]);
  });
});
