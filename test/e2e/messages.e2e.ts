import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * Messages a person understands, in Chromium: the sign-in page says what to do about a forgotten
 * password; a bad optional phone (Settings, Add staff) gets a sentence, never zod's "Invalid input";
 * phone placeholders read as examples. Installation over RPC. Screenshots: test/artifacts/e2e/messages/.
 */

const ADMIN = { fullName: 'Wanjiru Platform', email: 'wanjiru@platform.example', password: 'wanjiru pass 2026' };
const TENANT = { name: 'Kitengela Net', ownerName: 'Kitengela Owner', ownerEmail: 'owner@kitengela.example', ownerPhone: '0722 111 222' };
const ISP_ADMIN = { fullName: 'Otieno Admin', email: 'otieno@kitengela.example', password: 'otieno pass 2026' };
const PHONE_SENTENCE = 'Enter a valid phone number, e.g. 0712 345 678 or +254712345678';
const RAW = /Invalid input|expected|received|Too small/;

let page: Page;
let installation: Installation | undefined;

describe('messages a person understands', () => {
  const e2e = e2eSpec('messages', {
    prepare: async ({ rpc }) => {
      installation = await setUpInstallation(rpc, { platformAdmin: ADMIN, tenant: TENANT, admin: ISP_ADMIN });
    },
  });

  beforeAll(async () => {
    page = e2e.page;
    await page.goto(e2e.server.url);
  });

  it('tells a person who forgot their password to ask an administrator', async () => {
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const forgot = page.getByTestId('forgot-password');
    await expect.poll(() => forgot.textContent()).toContain('Forgot your password?');
    expect(await forgot.textContent()).toContain('the platform administrator can reset yours');
  });

  it('shows a sentence for a bad optional phone in Settings, and the placeholder as an example', async () => {
    await signInUi(page, { profile: TENANT.name, email: ISP_ADMIN.email, password: ISP_ADMIN.password });
    await visible(page, `Welcome, ${ISP_ADMIN.fullName}`);
    await page.goto(`${e2e.server.url}#/t/${encodeURIComponent(installation?.tenantId ?? '')}/settings`);
    const phone = page.getByLabel('Phone', { exact: true });
    await phone.waitFor();
    expect(await phone.getAttribute('placeholder')).toBe('e.g. 0712 345 678');
    await phone.fill('not a phone');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, PHONE_SENTENCE);
    expect(await page.locator('body').innerText()).not.toMatch(RAW);
    await e2e.shot(page, 'settings-bad-phone');
  });

  it('shows the same sentence for a bad optional phone in Add staff', async () => {
    await page.goto(`${e2e.server.url}#/t/${encodeURIComponent(installation?.tenantId ?? '')}/staff`);
    await page.getByRole('button', { name: 'Add staff member' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
    await dialog.getByLabel('Full name').fill('Achieng Cashier');
    await dialog.getByLabel('Phone (optional)').fill('12');
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await visible(dialog, PHONE_SENTENCE);
    expect(await dialog.innerText()).not.toMatch(RAW);
    await e2e.shot(page, 'staff-bad-phone');
    expect(e2e.pageErrors).toEqual([]);
  });
});
