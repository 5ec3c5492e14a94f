import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startRouterSimulator } from '../../src-main/routeros-simulator';
import type { RouterSimulator } from '../../src-main/routeros-simulator';
import { addRouter, addStaff, e2eSpec, setUpInstallation, visible } from './fixture';

/**
 * The operational tabs of the router dashboard against a simulated MikroTik (demo seed): queues, firewall
 * address lists and filter rules, the log with "Follow live", ping, configuration backups with a diff, and
 * hotspot sessions. The installation and the router are set up over HTTP RPC; everything tested goes
 * through the UI. Screenshots: test/artifacts/e2e/router-tabs/.
 */

const API = { name: 'api', password: 'api pass 2026' };
const ADMIN = { name: 'Wanjiru Admin', email: 'wanjiru@kiserian.example', password: 'wanjiru pass 2026' };
const VIEWER = { name: 'Otieno Viewer', email: 'otieno@kiserian.example', password: 'otieno initial 1', own: 'otieno own pass 22' };

let sim: RouterSimulator;
let simStopped = false;
let page: Page;
let serverUrl = '';
let tenantId = '';
let routerId = '';

async function openTab(tab: string): Promise<void> {
  await page.goto(`${serverUrl}#/t/${tenantId}/routers/${routerId}/${tab}`);
  await page.getByRole('tab', { name: tabLabel(tab), selected: true }).waitFor();
}

function tabLabel(tab: string): string {
  return { hotspot: 'Hotspot', queues: 'Queues', dhcp: 'DHCP', firewall: 'Firewall', log: 'Log', tools: 'Tools', backups: 'Backups' }[tab] ?? tab;
}

/** expect.poll with room for a debounced search and a round trip to the router (the default gives up after 1 s). */
function eventually<T>(fn: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

/** Waits for earlier toasts to close so a screenshot shows the tab, not notifications over it. */
async function quiet(): Promise<void> {
  await eventually(() => page.locator('.mantine-Notification-root').count(), 10_000).toBe(0);
}

function table(name: string): Locator {
  return page.getByRole('table', { name, exact: true });
}

function row(tableName: string, text: string): Locator {
  return table(tableName).getByRole('row').filter({ hasText: text });
}

describe('router dashboard tabs', () => {
  const e2e = e2eSpec('router-tabs', {
    prepare: async ({ rpc, server }) => {
      serverUrl = server.url;
      sim = await startRouterSimulator({ users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'demo', demoVariant: 'core', randomSeed: 5 });
      const inst = await setUpInstallation(rpc, {
        platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' },
        tenant: { name: 'Kiserian Net', ownerName: 'Kiserian Owner', ownerEmail: 'owner@kiserian.example', ownerPhone: '0711 222 333' },
        admin: { fullName: ADMIN.name, email: ADMIN.email, password: ADMIN.password },
      });
      tenantId = inst.tenantId;
      routerId = (await addRouter(rpc, inst.adminToken, { name: 'Kiserian core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password, isCore: true })).id;
      // A read-only colleague (VIEWER: routers.read without routers.operate), past the first-sign-in password change.
      await addStaff(rpc, inst, { fullName: VIEWER.name, email: VIEWER.email, roles: ['VIEWER'], password: VIEWER.password, ownPassword: VIEWER.own });
    },
  });
  const shot = e2e.shot;
  const pageErrors = e2e.pageErrors;

  beforeAll(() => {
    page = e2e.page;
  });

  afterAll(async () => {
    if (!simStopped) await sim?.stop();
  });

  it('signs in through the UI and opens a tab by its address', async () => {
    await page.goto(`${serverUrl}#/t/${tenantId}/routers/${routerId}/queues`);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
    await openTab('queues');
    // Static queues are shown first; the hundreds of session-made ones are one click away.
    await row('Simple queues', 'static-biz-01').waitFor();
  });

  it('adds a simple queue that lands on the router, then removes it', async () => {
    await openTab('queues');
    // Dynamic queues (from PPP/hotspot sessions) are read only.
    await page.getByText('Dynamic (sessions)').click();
    const dynamic = row('Simple queues', '<hotspot-').first();
    await dynamic.waitFor();
    await eventually(() => dynamic.textContent()).toContain('dynamic');
    expect(await dynamic.getByRole('button').count()).toBe(0);
    await page.getByText('Static', { exact: true }).click();
    await page.getByLabel('Search').fill('static-biz');
    await eventually(() => row('Simple queues', 'static-biz-01').textContent()).toContain('20 Mbps ↑ / 20 Mbps ↓');
    expect(await row('Simple queues', 'static-biz-01').getByRole('button', { name: 'Actions for queue static-biz-01' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Add queue' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a simple queue' });
    await dialog.getByLabel('Name').fill('e2e-client-7');
    await dialog.getByLabel('Target').fill('10.10.9.7/32');
    await dialog.getByLabel('Max limit').fill('5M/10 megabits');
    await dialog.getByRole('button', { name: 'Add queue' }).click();
    await visible(dialog, 'Use upload/download, e.g. 5M/10M');
    await dialog.getByLabel('Max limit').fill('5M/10M');
    await visible(dialog, 'Means 5 Mbps ↑ / 10 Mbps ↓');
    await shot(page, 'queue-add');
    await dialog.getByRole('button', { name: 'Add queue' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await eventually(() => sim.state.menu('/queue/simple').find({ name: 'e2e-client-7' })?.['max-limit']).toBe('5000000/10000000');
    await page.getByLabel('Search').fill('e2e-client');
    await eventually(() => row('Simple queues', 'e2e-client-7').textContent()).toContain('5 Mbps ↑ / 10 Mbps ↓');
    await shot(page, 'queue-added');

    await page.getByRole('button', { name: 'Actions for queue e2e-client-7' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit queue e2e-client-7' });
    expect(await edit.getByLabel('Max limit').inputValue()).toBe('5M/10M');
    await edit.getByLabel('Max limit').fill('10M/20M');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await eventually(() => sim.state.menu('/queue/simple').find({ name: 'e2e-client-7' })?.['max-limit']).toBe('10000000/20000000');
    expect(sim.state.menu('/queue/simple').find({ name: 'e2e-client-7' })?.target).toBe('10.10.9.7/32');
    await eventually(() => row('Simple queues', 'e2e-client-7').textContent()).toContain('10 Mbps ↑ / 20 Mbps ↓');

    await page.getByRole('button', { name: 'Actions for queue e2e-client-7' }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove queue e2e-client-7?' });
    await shot(page, 'queue-remove-confirm');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await eventually(() => sim.state.menu('/queue/simple').find({ name: 'e2e-client-7' })).toBeUndefined();
    await eventually(() => row('Simple queues', 'e2e-client-7').count()).toBe(0);
  });

  it('adds an expiring address-list entry, listed as dynamic', async () => {
    await openTab('firewall');
    await row('Firewall address lists', 'BLOCKED_USERS').waitFor();
    await page.getByRole('button', { name: 'Add entry' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add an address-list entry' });
    await visible(dialog, 'removed automatically by the router');
    await dialog.locator('input').and(dialog.getByLabel('List', { exact: true })).fill('e2e-trial');
    await dialog.getByLabel('Address', { exact: true }).fill('10.66.0.9');
    await dialog.getByLabel('Timeout (optional)').fill('2h30m');
    await shot(page, 'address-list-add');
    await dialog.getByRole('button', { name: 'Add entry' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await eventually(() => sim.state.menu('/ip/firewall/address-list').find({ list: 'e2e-trial', address: '10.66.0.9' })).toBeDefined();
    await page.locator('input').and(page.getByLabel('List', { exact: true })).fill('e2e-trial');
    const entry = row('Firewall address lists', '10.66.0.9');
    await eventually(() => entry.textContent()).toContain('dynamic');
    expect(await entry.textContent()).toMatch(/removed in 2h (29m|30m)/);
    await eventually(() => table('Firewall address lists').getByRole('row').count()).toBe(2);
    await shot(page, 'address-list-dynamic');
  });

  it('shows the filter rules read-only, with the drop rule for the expired list', async () => {
    await openTab('firewall');
    await page.getByRole('tab', { name: 'Filter rules' }).click();
    const drop = row('Firewall filter rules', 'drop expired subscribers');
    await drop.waitFor();
    expect(await drop.textContent()).toContain('expired');
    expect(await drop.textContent()).toContain('drop');
    expect(await drop.textContent()).toContain('forward');
    expect(await table('Firewall filter rules').getByRole('button').count()).toBe(0);
    await quiet();
    await shot(page, 'filter-rules');
  });

  it('filters the log and follows new lines live', async () => {
    await openTab('log');
    await row('Router log', 'logged in').first().waitFor();
    await page.getByLabel('Search messages').fill('demo configuration');
    await eventually(() => table('Router log').getByRole('row').count()).toBe(2);
    await eventually(() => table('Router log').getByRole('row').nth(1).textContent()).toContain('CORE demo configuration loaded');
    await quiet();
    await shot(page, 'log-filtered');
    await page.getByLabel('Search messages').fill('');

    await page.getByRole('switch', { name: 'Follow live' }).check({ force: true });
    await visible(page, 'Following live');
    sim.state.router.log('system,info', 'e2e marker');
    const marker = row('Router log', 'e2e marker');
    await marker.waitFor();
    await eventually(() => marker.getAttribute('data-live')).toBe('true');
    // Newest on top: only lines that arrived live after the marker may sit above it (the simulator logs
    // on its own, so "the first row" is a race).
    await eventually(() => table('Router log').getByRole('row').evaluateAll((rows) => {
      const at = rows.findIndex((r) => r.textContent?.includes('e2e marker') ?? false);
      return at > 0 && rows.slice(1, at).every((r) => r.getAttribute('data-live') === 'true');
    })).toBe(true);
    await shot(page, 'log-follow-live');

    const paused = page.waitForRequest((r) => r.url().endsWith('/rpc/routers.stream.stop'));
    await page.getByRole('switch', { name: 'Follow live' }).uncheck({ force: true });
    await paused;
    await visible(page, 'Paused');
    sim.state.router.log('system,info', 'e2e after pause');
    await page.waitForTimeout(1_000);
    expect(await row('Router log', 'e2e after pause').count()).toBe(0);

    // Leaving the tab while following stops the live stream too.
    const started = page.waitForResponse((r) => r.url().endsWith('/rpc/routers.stream.start'));
    await page.getByRole('switch', { name: 'Follow live' }).check({ force: true });
    await started;
    await visible(page, 'Following live');
    const stopped = page.waitForRequest((r) => r.url().endsWith('/rpc/routers.stream.stop'));
    await page.getByRole('tab', { name: 'Tools' }).click();
    await stopped;
  });

  it('pings from the router and shows each reply and a summary', async () => {
    await openTab('tools');
    await page.getByLabel('Address').fill('8.8.8.8');
    await page.locator('input').and(page.getByLabel('Count', { exact: true })).fill('3');
    await page.getByRole('button', { name: 'Ping', exact: true }).click();
    await page.getByRole('heading', { name: 'Ping 8.8.8.8' }).waitFor({ timeout: 30_000 });
    await eventually(() => table('Ping replies').getByRole('row').count()).toBe(4);
    expect(await row('Ping replies', '8.8.8.8').first().textContent()).toMatch(/\d+(\.\d)? ms/);
    await page.getByText('0%', { exact: true }).waitFor();
    await quiet();
    await shot(page, 'ping');

    sim.setHostReachable('10.99.0.1', false);
    await page.getByLabel('Address').fill('10.99.0.1');
    await page.locator('input').and(page.getByLabel('Count', { exact: true })).fill('2');
    await page.getByRole('button', { name: 'Ping', exact: true }).click();
    await page.getByRole('heading', { name: 'Ping 10.99.0.1' }).waitFor({ timeout: 30_000 });
    await page.getByText('100%', { exact: true }).waitFor();
    await shot(page, 'ping-unreachable');
  });

  it('fetches configuration versions, says when nothing changed, and compares two', async () => {
    await openTab('backups');
    await visible(page, 'No configuration saved yet');
    await visible(page, 'ISP Desk also fetches every night at 02:00');
    await shot(page, 'backups-empty');

    const fetchNow = page.getByRole('button', { name: 'Fetch now' }).first();
    await fetchNow.click();
    await visible(page, 'First version saved');
    await row('Configuration versions', 'first version').waitFor();
    await fetchNow.click();
    await visible(page, 'No changes since last version');
    await row('Configuration versions', 'unchanged').waitFor();

    sim.state.menu('/ip/firewall/address-list').add({ list: 'blocked', address: '10.66.0.1' });
    await fetchNow.click();
    await eventually(() => table('Configuration versions').getByRole('row').count()).toBe(4);
    await row('Configuration versions', 'changed').filter({ hasNotText: 'unchanged' }).waitFor();
    await shot(page, 'backups-three-versions');

    // The two newest are preselected.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const diff = page.getByTestId('backup-diff');
    await visible(diff, 'Changes from version #2 to #3');
    const added = page.getByRole('table', { name: 'Configuration differences' }).locator('tr[data-kind="add"]');
    await eventually(() => added.count()).toBeGreaterThan(0);
    expect((await added.allTextContents()).join('\n')).toContain('10.66.0.1');
    // Other lines may change meanwhile on a live router (e.g. a PPP secret's last-logged-out): the counts match the rows.
    const removed = page.getByRole('table', { name: 'Configuration differences' }).locator('tr[data-kind="del"]');
    await diff.getByLabel(`${await added.count()} lines added, ${await removed.count()} removed`).waitFor();
    await visible(diff, /unchanged lines/);
    await shot(page, 'backups-diff');

    await page.getByRole('button', { name: 'View version 3' }).click();
    const viewer = page.getByRole('dialog', { name: /Configuration of/ });
    await visible(viewer, 'address=10.66.0.1');
    await viewer.getByRole('button', { name: 'Copy' }).waitFor();
    const download = page.waitForEvent('download');
    await viewer.getByRole('button', { name: 'Save .rsc' }).click();
    expect((await download).suggestedFilename()).toMatch(/^kiserian-core-\d{4}-\d{2}-\d{2}-\d{4}\.rsc$/);
    await shot(page, 'backup-viewer');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });
  });

  it('kicks a hotspot session off the router, and lists vouchers and profiles', async () => {
    await openTab('hotspot');
    // Skeleton rows stand in while loading: wait for a real session (hotspot addresses are 10.5.50.x).
    const first = table('Active hotspot sessions').getByRole('row').filter({ hasText: '10.5.50.' }).first();
    await first.waitFor();
    const user = (await first.getByRole('cell').first().textContent())?.trim() ?? '';
    expect(user).not.toBe('');
    expect(sim.state.menu('/ip/hotspot/active').find({ user })).toBeDefined();
    await page.getByRole('button', { name: `Actions for ${user}` }).click();
    await page.getByRole('menuitem', { name: 'Kick' }).click();
    const confirm = page.getByRole('dialog', { name: `Kick ${user} off the hotspot?` });
    await shot(page, 'hotspot-kick-confirm');
    await confirm.getByRole('button', { name: 'Kick' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await eventually(() => sim.state.menu('/ip/hotspot/active').find({ user })).toBeUndefined();
    await eventually(() => row('Active hotspot sessions', user).count()).toBe(0);
    await shot(page, 'hotspot-after-kick');

    await page.getByRole('tab', { name: 'Users (vouchers)' }).click();
    await row('Hotspot users', 'unused').first().waitFor();
    await shot(page, 'hotspot-users');
    await page.getByRole('tab', { name: 'Profiles' }).click();
    await eventually(() => row('Hotspot user profiles', '1WEEK-300').textContent()).toContain('5 Mbps ↑ / 5 Mbps ↓');
    await shot(page, 'hotspot-profiles');
  });

  it('lists DHCP leases', async () => {
    await openTab('dhcp');
    await eventually(() => row('DHCP leases', '192.168.88.50').textContent()).toContain('bound');
    await quiet();
    await shot(page, 'dhcp');
    expect(pageErrors).toEqual([]);
  });

  it('shows a read-only role the data without the actions that change the router', async () => {
    const other = await e2e.browser.newContext();
    const p = other.page;
    try {
      await p.goto(`${serverUrl}#/t/${tenantId}/routers/${routerId}/queues`);
      await p.getByLabel('Email', { exact: true }).fill(VIEWER.email);
      await p.getByLabel('Password', { exact: true }).fill(VIEWER.own);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: `Welcome, ${VIEWER.name}` }).waitFor();
      const go = async (tab: string) => {
        await p.goto(`${serverUrl}#/t/${tenantId}/routers/${routerId}/${tab}`);
        await p.getByRole('tab', { name: tabLabel(tab), selected: true }).waitFor();
      };

      await go('queues');
      await p.getByLabel('Search').fill('static-biz-01');
      await p.getByRole('table', { name: 'Simple queues', exact: true }).getByRole('row').filter({ hasText: 'static-biz-01' }).waitFor();
      expect(await p.getByRole('button', { name: 'Add queue' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Actions for queue static-biz-01' }).count()).toBe(0);

      await go('hotspot');
      await p.getByRole('table', { name: 'Active hotspot sessions', exact: true }).getByRole('row').filter({ hasText: '10.5.50.' }).first().waitFor();
      expect(await p.getByRole('table', { name: 'Active hotspot sessions', exact: true }).getByRole('button', { name: /^Actions for / }).count()).toBe(0);

      await go('firewall');
      await p.getByRole('table', { name: 'Firewall address lists', exact: true }).getByRole('row').filter({ hasText: 'BLOCKED_USERS' }).waitFor();
      expect(await p.getByRole('button', { name: 'Add entry' }).count()).toBe(0);
      expect(await p.getByRole('table', { name: 'Firewall address lists', exact: true }).getByRole('button', { name: /^Actions for / }).count()).toBe(0);

      await go('tools');
      await p.getByText('Tools need the “Operate routers” permission').waitFor();
      expect(await p.getByRole('button', { name: 'Ping', exact: true }).count()).toBe(0);

      await go('backups');
      await p.getByRole('table', { name: 'Configuration versions', exact: true }).getByRole('row').filter({ hasText: 'unchanged' }).waitFor();
      expect(await p.getByRole('button', { name: 'Fetch now' }).count()).toBe(0);
      await p.getByRole('button', { name: 'View version 1' }).waitFor();
      await shot(p, 'viewer-backups');
    } catch (e) {
      await shot(p, 'failed-viewer').catch(() => undefined);
      throw e;
    } finally {
      await other.context.close();
    }
  });

  it('shows the server\'s message with a retry when the router is unreachable', async () => {
    await sim.stop();
    simStopped = true;
    await openTab('dhcp');
    const alert = page.getByRole('tabpanel').getByRole('alert').filter({ hasText: /router|connect|reach/i });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await shot(page, 'router-offline');
    await openTab('log');
    await page.getByRole('tabpanel').getByRole('alert').filter({ hasText: /router|connect|reach/i }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});
