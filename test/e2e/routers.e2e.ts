import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { e2eSpec, setUpInstallation, signInUi, visible } from './fixture';

/**
 * Routers end to end, in Chromium against the headless server and a RouterOS simulator this process
 * runs on loopback: add the router through the form (a wrong password shows the "bad credentials"
 * diagnosis, the right one the RouterOS version), open its dashboard, watch the live traffic chart
 * move, kick a PPP session and see it gone from the simulator, then stop the simulator and see
 * "refused" from Test connection and the down alert. The installation is set up over RPC (the wizard
 * has its own spec). Screenshots: test/artifacts/e2e/routers/.
 */

const PLATFORM_ADMIN = { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Kahawa Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@kahawa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kahawa.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };
const ROUTER_NAME = 'Kahawa core';

let sim: RouterSimulator;
let page: Page;
let simStopped = false;
const consoleErrors: string[] = [];
/** Failed RPC answers (channel, status, body): the browser's console only says "Failed to load resource". */
const failedCalls: string[] = [];

describe('routers: add, dashboard, live traffic, PPP kick, diagnosis', () => {
  const e2e = e2eSpec('routers', {
    prepare: async ({ rpc }) => {
      await setUpInstallation(rpc, { platformAdmin: PLATFORM_ADMIN, tenant: TENANT, admin: ADMIN });
    },
  });
  const shot = e2e.shot;
  const pageErrors = e2e.pageErrors;

  beforeAll(async () => {
    sim = await startRouterSimulator({
      host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'demo', demoVariant: 'core', randomSeed: 11,
    });
    page = e2e.page;
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/rpc/')) {
        void r.text().then((body) => failedCalls.push(`${r.url().replace(/.*\/rpc\//, '')} ${r.status()} ${body}`), () => undefined);
      }
    });
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // The browser's line for any HTTP error; failed RPCs are checked precisely through failedCalls.
      if (m.text().startsWith('Failed to load resource')) return;
      consoleErrors.push(m.text());
    });
  });

  afterAll(async () => {
    if (!simStopped) await sim?.stop();
  });

  it("signs in as the ISP's administrator and opens Routers", async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` }).waitFor();
    await visible(page, 'MikroTik routers: status, live traffic, PPP sessions');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Routers' }).click();
    await page.getByRole('heading', { name: 'Routers', exact: true }).waitFor();
    await visible(page, 'No routers yet');
    await page.getByRole('button', { name: 'Alerts', exact: true }).waitFor();
    await shot(page, 'routers-empty');
  });

  it('explains a wrong password, shows the version with the right one, and saves the router', async () => {
    await page.getByRole('button', { name: 'Add router', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a router' });
    await dialog.waitFor();
    await dialog.getByLabel('Router name').fill(ROUTER_NAME);
    await dialog.getByLabel('Site / location').fill('Kahawa West mast');
    await dialog.getByLabel('Address', { exact: true }).fill('127.0.0.1');
    await dialog.getByLabel('API port').fill(String(sim.port));
    await dialog.getByLabel('API user').fill(API.name);
    await dialog.getByLabel('API password', { exact: true }).fill('not the password');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await visible(dialog, 'Wrong user name or password');
    await visible(dialog, 'The router rejected the user name or password.');
    await dialog.getByTestId('diagnosis').scrollIntoViewIfNeeded();
    await shot(page, 'add-router-bad-credentials');

    await dialog.getByLabel('API password', { exact: true }).fill(API.password);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await visible(dialog, 'Connection works');
    await visible(dialog, sim.version.split(' ')[0]!);
    expect(sim.version).toContain('7.16.2');
    await visible(dialog, 'CCR2004-16G-2S+');
    await dialog.getByTestId('diagnosis').scrollIntoViewIfNeeded();
    await shot(page, 'add-router-test-ok');

    await dialog.getByRole('button', { name: 'Add router' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: ROUTER_NAME });
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Online');
    await expect.poll(() => row.textContent()).toContain(`127.0.0.1:${sim.port}`);
    await expect.poll(() => row.textContent()).toContain('7.16.2');
    // Day one: adding a router offers to import the PPPoE users it already has (adoption preview).
    const offer = page.getByRole('link', { name: 'Import its PPPoE users' });
    await offer.waitFor();
    expect(await offer.getAttribute('href')).toMatch(/\/subscribers\/adopt\?router=[0-9a-f-]{36}$/);
    await shot(page, 'routers-list-online');
  });

  it('opens the dashboard and shows the overview', async () => {
    await page.getByRole('link', { name: ROUTER_NAME }).click();
    await page.getByRole('heading', { name: ROUTER_NAME }).waitFor();
    await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    expect(page.url()).toMatch(/#\/t\/[0-9a-f-]{36}\/routers\/[0-9a-f-]{36}\/overview$/);
    await visible(page, 'CPU load');
    await visible(page, 'Serial number');
    await shot(page, 'dashboard-overview');
  });

  it('shows live traffic on the Interfaces tab: the rx rate changes', async () => {
    await page.getByRole('tab', { name: 'Interfaces' }).click();
    expect(page.url()).toMatch(/\/interfaces$/);
    const rx = page.getByRole('status', { name: 'Receive rate of ether1-WAN' });
    await rx.waitFor();
    await expect.poll(() => rx.textContent(), { timeout: 15_000 }).toMatch(/bps$/);
    const first = await rx.textContent();
    // The documented wait: one sample a second, so a new value shows within a few seconds.
    await expect.poll(() => rx.textContent(), { timeout: 10_000, interval: 500 }).not.toBe(first);
    const chart = page.getByRole('img', { name: 'Live traffic chart' });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(2);
    await shot(page, 'dashboard-interfaces-live');
  });

  it('kicks the first PPP session; it is gone from the table and from the router', async () => {
    // Leaving the Interfaces tab stops its live stream on the server.
    const stopped = page.waitForResponse((r) => r.url().endsWith('/rpc/routers.stream.stop'));
    await page.getByRole('tab', { name: 'PPP' }).click();
    expect((await stopped).status()).toBe(200);
    expect(page.url()).toMatch(/\/ppp$/);
    const table = page.getByRole('table', { name: 'Active sessions' });
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.getByRole('button', { name: /^Actions for / }).waitFor();
    const name = (await firstRow.getByRole('cell').first().textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    expect(sim.state.menu('/ppp/active').find({ name })).toBeDefined();
    // The row names the subscriber's plan and that plan's rate, as the router has them.
    const plan = sim.state.menu('/ppp/secret').find({ name })!.profile!;
    const rate = sim.state.menu('/ppp/profile').find({ name: plan })!['rate-limit']!;
    // The row is read by name (the list refreshes live and the first row may be re-rendered meanwhile).
    const sessionRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await expect.poll(() => sessionRow.textContent()).toContain(plan);
    await expect.poll(() => sessionRow.textContent()).toContain(rate);
    await shot(page, 'dashboard-ppp-active');

    await sessionRow.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Kick' }).click();
    const confirm = page.getByRole('dialog', { name: `Disconnect ${name}?` });
    await confirm.waitFor();
    await shot(page, 'dashboard-ppp-kick-confirm');
    await confirm.getByRole('button', { name: 'Kick session' }).click();
    await confirm.waitFor({ state: 'hidden' });
    // The lasting proof (not the short-lived "Session disconnected" toast, which a busy machine can miss):
    await expect.poll(() => table.getByRole('cell', { name, exact: true }).count()).toBe(0);
    expect(sim.state.menu('/ppp/active').find({ name })).toBeUndefined();
    await shot(page, 'dashboard-ppp-kicked');

    // Secrets: who is online now is the router's active list.
    await page.getByRole('tab', { name: 'Secrets' }).click();
    const secrets = page.getByRole('table', { name: 'Secrets' });
    const activeNames = new Set(sim.state.menu('/ppp/active').all().map((r) => r.name));
    const online = [...activeNames][0]!;
    const offline = sim.state.menu('/ppp/secret').all().find((r) => !activeNames.has(r.name) && r.disabled !== 'true')!.name!;
    for (const [who, word] of [[online, 'Online'], [offline, 'Offline']] as const) {
      await page.getByLabel('Search', { exact: true }).fill(who);
      const line = secrets.getByRole('row').filter({ has: page.getByText(who, { exact: true }) });
      await expect.poll(() => line.count()).toBe(1);
      await expect.poll(() => line.textContent()).toContain(word);
    }
    await shot(page, 'dashboard-ppp-secrets-online');
    expect(pageErrors).toEqual([]);
    expect(failedCalls).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('says "refused" when the router is gone, marks it offline and raises an alert', async () => {
    await sim.stop();
    simStopped = true;
    await page.getByRole('button', { name: 'Test connection' }).click();
    const dialog = page.getByRole('dialog', { name: `Test connection to ${ROUTER_NAME}` });
    await dialog.waitFor();
    await visible(dialog, 'Connection refused');
    await visible(dialog, 'refused the connection');
    await dialog.getByTestId('diagnosis').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-test-refused');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByRole('main'), 'Offline');
    // The open tab re-reads and shows the router's error instead of stale rows; so does any other tab.
    await visible(page.getByRole('main').getByRole('alert'), 'refused the connection');
    await page.getByRole('tab', { name: 'Overview' }).click();
    // The overview keeps the figures it last read, saying how old they are (issue 7 §4).
    await visible(page.getByRole('main').getByRole('alert'), /last known figures, .* old/);
    await shot(page, 'dashboard-offline-overview');
    // The alert reaches this session (the toast may have closed already on a slow machine: the bell keeps it).
    const bell = page.getByRole('button', { name: 'Alerts: 1 unread' });
    await bell.waitFor();
    await bell.click();
    await visible(page.getByRole('list', { name: 'Alerts' }), `Router ${ROUTER_NAME} is down`);
    await shot(page, 'alerts-bell');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Alerts', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Routers' }).click();
    await page.getByRole('tab', { name: 'Downtime' }).click();
    const downtime = page.getByRole('table', { name: 'Downtime' }).getByRole('row').filter({ hasText: ROUTER_NAME });
    await downtime.waitFor();
    await expect.poll(() => downtime.textContent()).toContain('Ongoing');
    await shot(page, 'routers-downtime');
    expect(pageErrors).toEqual([]);
    // Only reads from the stopped router may fail (503 with the explanation shown above).
    expect(failedCalls.filter((c) => !/^routers\.[a-z.-]+ 503 /.test(c))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
