import { describe, expect, it } from 'vitest';
import { e2eSpec, visible } from './fixture';

/**
 * The first-run wizard itself, driven through the UI (every other spec sets the installation up over RPC):
 * field errors from the contract's schema, the three steps with a separate ISP administrator, and the
 * "use my details" shortcut. Each describe runs its own fresh server. Screenshots:
 * test/artifacts/e2e/setup-wizard/ and setup-wizard-my-details/.
 */

describe('first-run wizard with a separate ISP administrator', () => {
  const e2e = e2eSpec('setup-wizard');
  const ADMIN = { name: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
  const TENANT = { name: 'Kilimani Fibre', owner: 'Otieno Owner', ownerEmail: 'owner@kilimani.example', ownerPhone: '0712 345 678' };
  const TENANT_ADMIN = { name: 'Wanjiru Admin', email: 'wanjiru@kilimani.example', password: 'admin pass 2026' };

  it('checks each step, creates the ISP and lands on the platform tenants page', async () => {
    const { page, shot } = e2e;
    await page.goto(e2e.server.url);
    await page.getByRole('heading', { name: 'Welcome to ISP Desk' }).waitFor();
    expect(page.url()).toContain('#/setup');
    await shot(page, 'wizard-platform-admin');

    // Step 1 refuses an empty form with field errors from the contract's schema.
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page, 'Enter at least 2 characters');
    await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    // The strength hint applies the server's rule as one types: the e-mail as a password is refused.
    const strength = page.getByTestId('password-strength');
    await expect.poll(() => strength.textContent()).toContain('Use at least 12 characters');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.email);
    await expect.poll(() => strength.getAttribute('data-score')).toBe('0');
    await expect.poll(() => strength.textContent()).toContain('Password strength: too weak');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await expect.poll(async () => Number(await strength.getAttribute('data-score'))).toBeGreaterThanOrEqual(2);
    expect(await strength.textContent()).not.toContain('too weak');
    await page.getByLabel('Confirm password', { exact: true }).fill('something else');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page, 'The passwords do not match');
    await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
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

    // Another person administers the ISP: the platform admin lands on the ISP profiles page.
    await page.getByRole('heading', { name: 'ISP profiles' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TENANT.name });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Active');
    await expect.poll(() => row.textContent()).toContain('1 of 1 active');
    expect(page.url()).toContain('#/platform/tenants');
    await shot(page, 'platform-tenants');

    // What the wizard created is what the contract reports.
    const directory = await e2e.rpc('tenants.directory', {});
    expect(directory.items.map((t) => t.name)).toEqual([TENANT.name]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('first-run wizard: "use my details" for the ISP administrator', () => {
  const e2e = e2eSpec('setup-wizard-my-details');
  const ADMIN = { name: 'Amina Platform', email: 'amina@platform.example', password: 'amina pass 2026' };

  it('skips the administrator fields and signs the platform admin in to the ISP with the same account', async () => {
    const { page, shot } = e2e;
    await page.goto(e2e.server.url);
    await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('ISP name').fill('Langata Net');
    await page.getByLabel('Owner name').fill('Langata Owner');
    await page.getByLabel('Owner phone').fill('0733 444 555');
    await page.getByLabel('Owner email').fill('owner@langata.example');
    await page.getByLabel("Use my details for the ISP's administrator account").check();
    await expect.poll(() => page.getByLabel("Administrator's email").count()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page, 'Same as the platform administrator');
    await shot(page, 'wizard-review-my-details');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    // "Use my details" lands inside the ISP, signed in; platform administration is in the account menu.
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Platform administration' }).click();
    await page.getByRole('row').filter({ hasText: 'Langata Net' }).waitFor();

    // The ISP's administrator account is the platform admin's name, e-mail and password.
    const tenantId = (await e2e.rpc('tenants.directory', {})).items[0]!.id;
    const session = await e2e.rpc('auth.sign-in', { scope: 'tenant', tenantId, email: ADMIN.email, password: ADMIN.password });
    expect(session.principal).toMatchObject({ kind: 'staff', fullName: ADMIN.name, email: ADMIN.email });
    expect(e2e.pageErrors).toEqual([]);
  });
});
