import { describe, expect, it } from 'vitest';
import { e2eSpec, signInUi } from './fixture';

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
    await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Try a demo ISP').click();
    await page.getByText('A demo ISP to explore').waitFor();
    expect(await page.getByLabel('ISP name').count()).toBe(0);
    await shot(page, 'wizard-demo-choice');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create and sign in' }).click();

    // Creating the demo ISP starts its simulated routers: wait for the tenants page, not the review table's "ISP name" row.
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Demo ISP' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('DEMO');
    await expect.poll(() => row.textContent()).toContain('Active');
    await shot(page, 'tenants-with-demo');

    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: /Demo ISP/ }).click();
    await signInUi(page, { email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
    await page.getByRole('banner').getByText('DEMO', { exact: true }).waitFor();
    await shot(page, 'demo-home');
    expect(e2e.pageErrors).toEqual([]);
  });
});
