import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * One-click adoption end to end, in Chromium against the headless server and a RouterOS simulator seeded
 * as the demo ISP's core router (300 PPPoE secrets on a handful of profiles): the empty Subscribers list
 * offers "Import from a router"; the screen previews the counts, the packages with a price box per new
 * profile and the secrets; Import asks first, then the subscribers and packages appear in their lists
 * (counts read on screen). A second visit, from the router's sync panel, says there is nothing new and the
 * counts stay the same. An adopted subscriber's detail page shows the router's live state of its session, and
 * a plain sentence once the router is off. The expiry action changes in the Router sync area after a
 * field error and a confirmation. The installation and the router are set up over RPC. Screenshots: test/artifacts/e2e/adoption/.
 */

const PLATFORM_ADMIN = { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' };
const TENANT = { name: 'Mlimani Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@mlimani.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@mlimani.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };
const ROUTER_NAME = 'Mlimani core';

let sim: RouterSimulator;
let page: Page;
let inst: Installation;
let routerId: string;
/** Every PPP profile on the demo router, and those its secrets use (each of these becomes one package). */
let allProfiles: string[];
let profiles: string[];

describe('adoption: a router\'s existing PPPoE secrets become subscribers and packages, once', () => {
  const e2e = e2eSpec('adoption', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: PLATFORM_ADMIN, tenant: TENANT, admin: ADMIN });
    },
  });
  const shot = e2e.shot;

  beforeAll(async () => {
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'demo' });
    const router = await e2e.rpc('routers.create', { name: ROUTER_NAME, host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    routerId = router.id;
    const preview = await e2e.rpc('adoption.preview', { routerId, page: 1, pageSize: 1 }, inst.adminToken);
    allProfiles = preview.packages.map((p) => p.profile);
    profiles = preview.packages.filter((p) => p.secrets > 0).map((p) => p.profile);
    page = e2e.page;
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('previews the demo router from the empty Subscribers list and imports it with a price set', async () => {
    expect(profiles.length).toBeGreaterThan(1);
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscribers' }).click();
    await visible(page, 'No subscribers yet');
    await page.getByRole('button', { name: 'Import from a router' }).click();
    await page.getByRole('heading', { name: 'Import from a router' }).waitFor();
    await page.getByRole('combobox', { name: 'Router' }).click();
    await page.getByRole('option', { name: ROUTER_NAME }).click();

    expect(await countOnScreen('Secrets on the router')).toBe(300);
    expect(await countOnScreen('New subscribers')).toBe(300);
    expect(await countOnScreen('New packages')).toBe(profiles.length);
    expect(await countOnScreen('Left out')).toBe(0);
    // The demo router's two static queues (with their leases) are imported too.
    expect(await countOnScreen('New static subscribers')).toBe(2);
    const pkgTable = page.getByRole('table', { name: 'Packages to import' });
    // Header row + one row per profile; those no secret uses are shown as left alone.
    expect(await pkgTable.getByRole('row').count()).toBe(allProfiles.length + 1);
    expect(await pkgTable.getByText('New package', { exact: true }).count()).toBe(profiles.length);
    expect(await pkgTable.getByText('Not imported: no secret uses it').count()).toBe(allProfiles.length - profiles.length);
    await visible(page.getByRole('table', { name: 'Secrets to import' }), 'acc1001');
    await visible(page, 'Showing 1–25 of 300');

    // A price that is not an amount blocks the import; a good one is accepted.
    const price = page.getByRole('textbox', { name: 'Price of HOME-5M (KES)' });
    await price.fill('fifteen');
    await visible(page, 'Enter an amount like 1500');
    const importButton = page.getByRole('button', { name: 'Import 302 subscribers' });
    expect(await importButton.isDisabled()).toBe(true);
    await price.fill('1500');
    await shot(page, 'preview');

    await importButton.click();
    const dialog = page.getByRole('dialog', { name: `Import from ${ROUTER_NAME}?` });
    await visible(dialog, `ISP Desk will create 302 subscribers and ${profiles.length + 2} packages`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Left out: the demo router's 6 static leases that have no queue.
    await visible(page, `302 subscribers and ${profiles.length + 2} packages created; 6 left out.`);
    await visible(page, 'Nothing new to adopt');
    await shot(page, 'done');

    await page.getByRole('button', { name: 'Open subscribers' }).click();
    await visible(page, 'Showing 1–25 of 302');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Packages' }).click();
    const packages = page.getByRole('table', { name: 'Packages' });
    await packages.getByRole('row', { name: /HOME-5M/ }).first().waitFor();
    expect(await packages.getByRole('row').count()).toBe(profiles.length + 2 + 1);
    expect(await packages.getByRole('row', { name: /HOME-5M/ }).first().innerText()).toContain('1,500');
  });

  it('from the router sync panel, a second adoption has nothing new and adds none', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Router sync' }).click();
    await page.getByRole('button', { name: 'Import subscribers' }).click();
    await page.getByRole('heading', { name: 'Import from a router' }).waitFor();
    expect(await countOnScreen('New subscribers')).toBe(0);
    expect(await countOnScreen('New packages')).toBe(0);
    expect(await countOnScreen('Left out')).toBe(300);
    await visible(page, 'Nothing new to adopt');
    expect(await page.getByRole('button', { name: /^Import \d+ subscriber/ }).count()).toBe(0);
    // Once the outbox has tagged the secrets they read as ours; until then their user names are taken.
    await visible(page.getByRole('table', { name: 'Secrets to import' }), /Already managed by ISP Desk|A subscriber already has this user name/);
    await shot(page, 'second-run');

    await page.getByRole('link', { name: 'Back to subscribers' }).click();
    await visible(page, 'Showing 1–25 of 302');
    const list = await e2e.rpc('subscribers.list', { page: 1, pageSize: 1 }, inst.adminToken);
    expect(list.total).toBe(302);
  });

  it('changes the expiry action in the Router sync area only after a confirmation, with field errors first', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Router sync' }).click();
    const card = page.getByLabel('Expiry enforcement', { exact: true });
    await card.getByRole('radio', { name: 'Move to the expired profile with a payment notice' }).check();
    await card.getByLabel('Payment notice address').fill('https://pay.example.com');
    await card.getByRole('button', { name: 'Save…' }).click();
    await visible(card, 'Enter an http:// address with an IPv4 host, e.g. http://10.0.0.5:8080/pay');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await card.getByLabel('Payment notice address').fill('http://10.0.0.5:8080/pay');
    await card.getByRole('button', { name: 'Save…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change expiry enforcement for every customer?' });
    await visible(dialog, 'Expired customers will be moved to the expired profile and see the payment notice at http://10.0.0.5:8080/pay.');
    await shot(page, 'enforcement-confirm');
    await dialog.getByRole('button', { name: 'Change for everyone' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page, 'Expiry enforcement saved');
    expect(await e2e.rpc('enforcement.settings.get', {}, inst.adminToken)).toEqual({
      expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay', strictOutageHours: null,
    });
  });

  it("shows an adopted subscriber's router state on the detail page, and a clear sentence once the router is off", async () => {
    const session = [...sim.state.router.state.table('/ppp/active').rowsInOrder()][0];
    if (!session) throw new Error('the demo router has no PPPoE session');
    const name = session.props.name ?? '';
    const found = await e2e.rpc('subscribers.list', { page: 1, pageSize: 5, q: name }, inst.adminToken);
    const subscriber = found.items.find((s) => s.username === name);
    if (!subscriber) throw new Error(`${name} was not adopted`);
    await page.goto(`${e2e.server.url}#/t/${inst.tenantId}/subscribers/${subscriber.id}`);
    const card = page.getByLabel('Router state', { exact: true });
    await visible(card, 'Online now');
    await visible(card, session.props.address ?? '');
    await visible(card, session.props['caller-id'] ?? '');
    await visible(card, /↑ .+ · ↓ .+/);
    await shot(page, 'live-online');

    await sim.stop();
    await visible(card, `${ROUTER_NAME} cannot be reached, so whether this subscriber is online is unknown right now.`);
    await shot(page, 'live-router-off');
  });
});

/** The number in one of the adoption screen's count tiles (each tile is labelled with its caption). */
async function countOnScreen(label: string): Promise<number> {
  const tile = page.getByLabel(label, { exact: true });
  await tile.waitFor();
  const lines = (await tile.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  return Number(lines[lines.length - 1]);
}
