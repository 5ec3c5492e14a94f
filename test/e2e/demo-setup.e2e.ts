import { describe, expect, it } from 'vitest';
import { e2eSpec } from './fixture';

/**
 * "Try a demo ISP" in the first-run wizard (the wizard is what this spec tests, so it is driven through
 * the UI): only the platform administrator is asked for, the demo profile is marked DEMO in the tenants
 * list, the switcher and the header, and the platform admin's account administers it.
 * Screenshots: test/artifacts/e2e/demo-setup/.
 */

const ADMIN = { name: 'Dana Demo', email: 'dana@platform.example', password: 'dana pass 2026' };

describe('demo ISP from the first-run wizard', () => {
  const e2e = e2eSpec('demo-setup');
  const shot = e2e.shot;

  it('creates the demo ISP and marks it DEMO everywhere', async () => {
    const page = e2e.page;
    await page.goto(e2e.server.url);
    // The demo is offered on the first step; only the owner's own account is asked for.
    await page.getByText('Try a demo ISP').click();
    await page.getByText('A demo ISP to explore').waitFor();
    await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
    await shot(page, 'wizard-demo-choice');
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await page.getByLabel('ISP name').count()).toBe(0);
    await page.getByRole('button', { name: 'Create and sign in' }).click();

    // Straight into the demo ISP, signed in as its administrator.
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
    await page.getByRole('banner').getByText('DEMO', { exact: true }).waitFor();
    await shot(page, 'demo-home');

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Platform administration' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Demo ISP' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('DEMO');
    await expect.poll(() => row.textContent()).toContain('Active');
    await shot(page, 'tenants-with-demo');

    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: /Demo ISP/ }).click();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
