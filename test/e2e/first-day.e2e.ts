import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshotter, startServer, type BrowserSession, type RunningServer, screenshotFailures } from './harness';

/**
 * An ISP owner's first day (issue 8): the wizard with "use my details" ends inside their ISP profile,
 * platform administration is in the account menu and no profile switcher shows with one profile.
 * Screenshots: test/artifacts/e2e/first-day/.
 */

const OWNER = { name: 'Achieng Owner', email: 'achieng@mtaa.example', password: 'achieng pass 2026' };
const ISP = { name: 'Mtaa Fibre', phone: '0712 345 678' };

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const shot = screenshotter('first-day');
const pageErrors: string[] = [];

describe('first day of an ISP owner', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  screenshotFailures(shot, () => page);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers the demo on the first step, and checks the ISP step in one round', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Welcome to ISP Desk' }).waitFor();
    await page.getByText('Try a demo ISP').waitFor();
    await page.getByLabel('Full name', { exact: true }).fill(OWNER.name);
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(OWNER.password);
    await shot(page, 'wizard-account');
    await page.getByRole('button', { name: 'Next' }).click();

    // The owner's name and email are carried over from step 1.
    await page.getByLabel('ISP name').waitFor();
    expect(await page.getByLabel('Owner name').inputValue()).toBe(OWNER.name);
    expect(await page.getByLabel('Owner email').inputValue()).toBe(OWNER.email);
    // Every wrong field is reported at once, and the first one has the focus.
    await page.getByLabel('Owner phone').fill('12');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Enter at least 2 characters').first().waitFor();
    await page.getByText(/Enter a valid phone number/).waitFor();
    expect(await page.getByText("Enter a valid email address").count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('tenant.name');
    await shot(page, 'wizard-isp-errors');
  });

  it('ends inside the ISP profile after "use my details"', async () => {
    await page.getByLabel('ISP name').fill(ISP.name);
    await page.getByLabel('Owner phone').fill(ISP.phone);
    await page.getByLabel("Use my details for the ISP's administrator account").check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Same as the platform administrator').waitFor();
    await shot(page, 'wizard-review');
    await page.getByRole('button', { name: 'Create and sign in' }).click();

    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    expect(page.url()).toMatch(/#\/t\/[0-9a-f-]{36}\/home/);
    // One ISP profile: no switcher, platform words stay out of the way.
    expect(await page.getByRole('button', { name: /Switch ISP profile/ }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByText('ISP profiles').count()).toBe(0);
    await shot(page, 'inside-the-isp');

    // Platform administration is one click away in the account menu, already signed in.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Platform administration' }).click();
    await page.getByRole('heading', { name: 'ISP profiles' }).waitFor();
    await page.getByRole('row').filter({ hasText: ISP.name }).waitFor();
    await page.getByRole('button', { name: /Switch ISP profile/ }).click();
    await page.getByRole('menuitem', { name: ISP.name }).click();
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
