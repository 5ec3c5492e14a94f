import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { e2eSpec } from './fixture';

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const ch = (v: number) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const fg = rgb(getComputedStyle(node).color);
    let bgNode: Element | null = node;
    let bg = [255, 255, 255];
    while (bgNode) {
      const c = rgb(getComputedStyle(bgNode).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3]! > 0.99)) { bg = c; break; }
      bgNode = bgNode.parentElement;
    }
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  });
}

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
    // The slim demo marker in the header stays readable in the dark theme too (WCAG AA, 4.5:1).
    for (const scheme of ['Dark', 'Light'] as const) {
      await page.getByRole('button', { name: 'Colour theme' }).click();
      await page.getByRole('menuitem', { name: scheme }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe(scheme.toLowerCase());
      expect(await contrastOf(page.getByRole('banner').getByText('DEMO', { exact: true }))).toBeGreaterThanOrEqual(4.5);
      if (scheme === 'Dark') await shot(page, 'demo-home-dark');
    }

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
