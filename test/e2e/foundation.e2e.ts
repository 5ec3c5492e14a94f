import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSpec, setUpInstallation, signInUi, visible } from './fixture';

/**
 * Staff, roles and suspension end to end, in Chromium against the headless server. The installation
 * (platform admin, tenant, its admin) is set up over RPC; the wizard has its own spec. Through the UI:
 * the tenant's admin signs in and adds a CASHIER → the cashier changes the initial password and cannot
 * reach settings → the platform admin suspends the tenant → the cashier's open session ends and sign-in
 * is refused. Screenshots of every step land in test/artifacts/e2e/foundation/.
 */

const PLATFORM_ADMIN = { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Kilimani Fibre', ownerName: 'Otieno Owner', ownerEmail: 'owner@kilimani.example', ownerPhone: '0712 345 678' };
const TENANT_ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kilimani.example', password: 'admin pass 2026' };
const CASHIER = { name: 'Chebet Cashier', email: 'chebet@kilimani.example', initial: 'first pass 2026', own: 'chebet own pass 9' };

let tenantId = '';

async function signIn(p: Page, profile: string, email: string, password: string): Promise<void> {
  await signInUi(p, { profile, email, password });
}

async function signOut(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Account menu' }).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
  await p.getByRole('heading', { name: 'Sign in' }).waitFor();
}

describe('foundation: staff, roles and suspension', () => {
  const e2e = e2eSpec('foundation', {
    prepare: async ({ rpc }) => {
      ({ tenantId } = await setUpInstallation(rpc, { platformAdmin: PLATFORM_ADMIN, tenant: TENANT, admin: TENANT_ADMIN }));
    },
  });
  let page: Page;
  const shot = e2e.shot;
  beforeAll(() => {
    page = e2e.page;
  });

  it("signs in as the tenant's administrator", async () => {
    await page.goto(e2e.server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'sign-in');
    await signIn(page, TENANT.name, TENANT_ADMIN.email, 'not the password');
    await visible(page, 'Wrong email or password.');
    await page.getByLabel('Password', { exact: true }).fill(TENANT_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Welcome, ${TENANT_ADMIN.fullName}` }).waitFor();
    expect(page.url()).toContain(`#/t/${tenantId}/home`);
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
    // A cashier reads subscribers and plans, takes payments (M-Pesa too), reads invoices, and reaches the hotspot vouchers they sell (issue 8).
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Home', 'Subscribers', 'Packages', 'Payments', 'M-Pesa', 'Invoices', 'Hotspot vouchers', 'Voucher sales', 'Voucher templates', 'Hotspot portal']);
    await shot(page, 'cashier-home');
    // Every area in their sidebar opens for them: no "no access" page and no refused call.
    for (const [area, heading] of [['Subscribers', 'Subscribers'], ['Packages', 'Packages'], ['Payments', 'Payments'], ['M-Pesa', 'M-Pesa'], ['Invoices', 'Invoices'], ['Voucher templates', 'Voucher templates'], ['Voucher sales', 'Voucher sales'], ['Hotspot portal', 'Hotspot portal'], ['Hotspot vouchers', 'Hotspot vouchers']] as const) {
      await nav.getByRole('link', { name: area }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await page.getByRole('heading', { name: "You don't have access to this page" }).count()).toBe(0);
    }
    await visible(page, 'No voucher batches yet');
    // No error box on the page (the "Password changed" toast is an alert too, so boxes are counted, not roles).
    expect(await page.locator('.mantine-Alert-root').count()).toBe(0);
    await shot(page, 'cashier-hotspot-vouchers');

    await page.goto(`${e2e.server.url}#/t/${tenantId}/settings`);
    await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await shot(page, 'cashier-settings-no-access');
  });

  it("suspends the tenant: the cashier's open session ends and sign-in is refused", async () => {
    // A second desk where the cashier stays signed in.
    const desk = await e2e.browser.newContext();
    e2e.watch(desk.page);
    await desk.page.goto(e2e.server.url);
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
    // Same answer as a wrong password (no account-status oracle); the profile's hint above says why.
    await visible(page, 'Wrong email or password.');
    expect(page.url()).toContain('#/sign-in');
    await shot(page, 'cashier-sign-in-refused');

    await desk.context.close();
    expect(e2e.pageErrors).toEqual([]);
  });
});
