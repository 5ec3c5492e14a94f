import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSpec, signInUi } from './fixture';

/**
 * `npm run demo`: the headless app started with --demo prints random sign-in details for a demo ISP whose
 * routers are simulators; a new user explores the router dashboard without hardware. The interfaces
 * screenshot of this spec is the one in the README (resources/docs/demo-router-dashboard.png).
 */

let page: Page;

describe('npm run demo', () => {
  const e2e = e2eSpec('demo-command', { serverArgs: ['--demo'] });
  const shot = e2e.shot;
  beforeAll(() => {
    page = e2e.page;
  });

  it('prints sign-in details (random passwords) and they open the demo ISP', async () => {
    const output = e2e.server.output();
    const m = /Sign in to it as: (\S+) \/ (\S+)/.exec(output);
    expect(m, output).not.toBeNull();
    expect(output).toMatch(/Platform administration: \S+ \/ \S+/);
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: /Demo ISP/, email: m![1]!, password: m![2]! });
    await page.getByRole('banner').getByText('DEMO', { exact: true }).waitFor();
  });

  it('lists two simulated routers, online', async () => {
    await page.getByRole('navigation').getByText('Routers').click();
    const core = page.getByRole('row').filter({ hasText: 'Core — Kahawa West' });
    await expect.poll(() => core.textContent(), { timeout: 20_000 }).toMatch(/online/i);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Branch — Kitengela' }).textContent(), { timeout: 20_000 }).toMatch(/online/i);
    await shot(page, 'demo-routers');
  });

  it('shows the core router with live traffic', async () => {
    await page.getByRole('row').filter({ hasText: 'Core — Kahawa West' }).getByRole('link', { name: /Core — Kahawa West/ }).first().click();
    await page.getByRole('tab', { name: 'Interfaces' }).click();
    const rx = page.getByLabel(/Receive rate of ether1-WAN/);
    const first = await rx.textContent();
    await expect.poll(() => rx.textContent(), { timeout: 10_000 }).not.toBe(first);
    // Let the chart gather a few points for the picture.
    await page.waitForTimeout(4_000);
    await shot(page, 'demo-router-dashboard');
    await page.getByRole('tab', { name: 'PPP' }).click();
    await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await shot(page, 'demo-ppp-active');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('plays an outage of the branch router from the demo banner: it goes offline and an alert is raised', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Play an outage' }).click();
    await page.getByText('Outage started').waitFor();
    await page.getByRole('navigation').getByText('Routers').click();
    const branch = page.getByRole('row').filter({ hasText: 'Branch — Kitengela' });
    // Monitoring checks every minute: the outage shows at the next check.
    await expect.poll(() => branch.textContent(), { timeout: 90_000, interval: 1_000 }).toMatch(/offline/i);
    await page.getByText('Router Branch — Kitengela is down').first().waitFor();
    await shot(page, 'demo-outage');
    expect(e2e.pageErrors).toEqual([]);
  });
});
