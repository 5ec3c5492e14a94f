import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { gridCell, VOUCHER_LAYOUT_SPECS } from '../../src-main/core/documents';
import type { GridSpec } from '../../src-main/core/documents/voucher-layouts';
import { seedMikhmonHotspot, startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { renderPdf } from '../unit/documents/render-pdf';
import { decodeQrIn } from '../unit/documents/voucher-samples';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * The Hotspot area in Chromium against the headless server and a simulated router: a plan is created
 * through its form (a missing speed shows next to its field first), a 100-voucher batch is generated and
 * its progress bar fills as the outbox worker puts 100 hotspot users on the simulator; the batch prints as
 * an A4 sheet and as an 80 mm roll whose text and QR codes are read back; a simulated login makes a voucher
 * "In use" and its hour passing on the router's clock "Used up" (Refresh from router); a voucher found by
 * its code is revoked after a confirmation and leaves the router; a second router holding Mikhmon batches
 * is adopted from the "On the router" tab and its batches appear.
 */

const TENANT = { name: 'Kahawa WiFi', ownerName: 'Otieno Owner', ownerEmail: 'owner@kahawa.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@kahawa.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };

let sim: RouterSimulator;
let mikhmon: RouterSimulator;
let page: Page;
let inst: Installation;

async function saved(p: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([p.waitForEvent('download'), click()]) as [Download, void];
  return readFileSync((await download.path())!);
}

function eventually<T>(fn: () => T | Promise<T>, timeout = 30_000) {
  return expect.poll(fn, { timeout, interval: 200 });
}

describe('hotspot: plan, batch, push progress, print, revoke', () => {
  const e2e = e2eSpec('hotspot', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' }, tenant: TENANT, admin: ADMIN });
    },
  });
  const users = () => sim.state.menu('/ip/hotspot/user').all().filter((u) => (u.comment ?? '').startsWith('vc-'));

  beforeAll(async () => {
    // The router's own clock is virtual: a voucher's hour of use passes when the test says so.
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal', clock: 'virtual' });
    await e2e.rpc('routers.create', { name: 'Kahawa core', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    page = e2e.page;
  });

  afterAll(async () => {
    await sim?.stop();
    await mikhmon?.stop();
  });

  it('creates a plan through its form, showing a field error first', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Hotspot vouchers' }).click();
    await page.getByRole('heading', { name: 'Hotspot vouchers', exact: true }).waitFor();
    await visible(page, 'Create a plan first');
    await page.getByRole('tab', { name: 'Plans' }).click();
    await page.getByRole('button', { name: 'Create the first plan' }).click();
    const form = page.getByRole('dialog', { name: 'New hotspot plan' });
    await form.getByLabel('Name', { exact: true }).fill('1 hour 3M');
    await form.getByLabel('User profile on the router').fill('hs-1h');
    await form.getByLabel('Hotspot DNS name').fill('wifi.kahawa.net');
    await form.getByLabel('Upload (Mbit/s)').fill('1');
    await form.getByLabel('Price (KES)').fill('20');
    await form.getByRole('button', { name: 'New plan' }).click();
    await eventually(() => form.getByLabel('Download (Mbit/s)').getAttribute('aria-invalid')).toBe('true');
    await e2e.shot(page, 'plan-field-error');
    await form.getByLabel('Download (Mbit/s)').fill('3');
    await form.getByRole('button', { name: 'New plan' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Plans' }).getByRole('row', { name: /1 hour 3M/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('1 hour of use');
    await eventually(() => sim.state.menu('/ip/hotspot/user/profile').all().find((p) => p.name === 'hs-1h')?.['rate-limit']).toBe('1000k/3000k');
  });

  it('generates 100 vouchers and shows the push fill up to 100 users on the router', async () => {
    await page.getByRole('tab', { name: 'Batches' }).click();
    await page.getByRole('button', { name: 'Generate the first batch' }).click();
    const form = page.getByRole('dialog', { name: 'Generate vouchers' });
    await form.getByLabel('How many vouchers').fill('100');
    await form.getByLabel('Note (in the router comment)').fill('shop');
    await form.getByRole('button', { name: 'Generate' }).click();
    await form.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Batches' });
    await table.getByText(/^vc-001-.*-shop$/).waitFor();
    await visible(table, 'All 100 on the router');
    await e2e.shot(page, 'batch-pushed');
    expect(users()).toHaveLength(100);
    expect(new Set(users().map((u) => u.name)).size).toBe(100);
  });

  it('prints the batch as A4 and as an 80 mm roll, the QR codes logging in with the printed codes', async () => {
    const vouchers = await e2e.rpc('hotspot.vouchers.list', { page: 1, pageSize: 100, sort: { field: 'createdAt', dir: 'asc' } }, inst.adminToken);
    const codes = new Set(vouchers.items.map((v) => v.code));
    await page.getByRole('button', { name: /^Actions for batch vc-001-/ }).click();
    await page.getByRole('menuitem', { name: 'Print' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print vouchers' });
    const a4 = renderPdf(await saved(page, () => dialog.getByRole('button', { name: 'Save PDF' }).click()), 2);
    expect(a4).toHaveLength(3);
    const text = a4.map((p) => p.text).join(' ');
    for (const code of codes) expect(text).toContain(code);
    const qr = decodeQrIn(a4[0]!, gridCell(VOUCHER_LAYOUT_SPECS['a4-4x10'] as GridSpec, 0));
    const m = /^http:\/\/wifi\.kahawa\.net\/login\?username=([a-z2-9]+)&password=\1$/.exec(qr ?? '');
    expect(m && codes.has(m[1]!)).toBe(true);

    await dialog.getByRole('combobox', { name: 'Layout' }).click();
    await page.getByRole('option', { name: '80 mm roll' }).click();
    await e2e.shot(page, 'print-dialog');
    const roll = renderPdf(await saved(page, () => dialog.getByRole('button', { name: 'Save PDF' }).click()), 3);
    expect(roll[0]!.widthPt).toBeCloseTo(226.77, 1);
    expect(roll.map((p) => p.text).join(' ')).toContain('1 hour of use');
    const first = roll[0]!;
    // 25 slips a page of the roll, all the same height: the first slip's box holds exactly one QR code.
    expect(roll).toHaveLength(4);
    const slipQr = decodeQrIn(first, { x: 0, y: 0, width: first.widthPt, height: first.heightPt / 25 + 10 });
    expect(slipQr).toMatch(/^http:\/\/wifi\.kahawa\.net\/login\?username=[a-z2-9]+&password=[a-z2-9]+$/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows a voucher in use after a login on the hotspot, and used up once its hour has passed on the router', async () => {
    const v = (await e2e.rpc('hotspot.vouchers.list', { page: 1, pageSize: 1, sort: { field: 'code', dir: 'desc' } }, inst.adminToken)).items[0]!;
    expect(sim.loginHotspot(v.code, v.password, { mac: '02:00:00:00:00:31', ip: '10.5.50.31' })).toMatchObject({ ok: true });
    sim.clock.advance(10 * 60_000);
    await page.getByRole('tab', { name: 'Vouchers' }).click();
    await page.getByPlaceholder('Search code').fill(v.code);
    const table = page.getByRole('table', { name: 'Vouchers' });
    await eventually(() => table.getByRole('row').count()).toBe(2);
    await visible(table, 'Unused');
    await page.getByRole('button', { name: 'Refresh from router' }).click();
    await visible(table, 'In use');
    sim.clock.advance(51 * 60_000);
    await page.getByRole('button', { name: 'Refresh from router' }).click();
    await visible(table, 'Used up');
    await e2e.shot(page, 'voucher-used-up');
    await page.getByPlaceholder('Search code').fill('');
  });

  it('finds a voucher by its code and revokes it after a confirmation: it leaves the router', async () => {
    const one = (await e2e.rpc('hotspot.vouchers.list', { page: 1, pageSize: 1 }, inst.adminToken)).items[0]!;
    await page.getByRole('tab', { name: 'Vouchers' }).click();
    await page.getByPlaceholder('Search code').fill(one.code.toUpperCase());
    const table = page.getByRole('table', { name: 'Vouchers' });
    await eventually(() => table.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: `Actions for voucher ${one.code}` }).click();
    await page.getByRole('menuitem', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke voucher ${one.code}?` });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(table, 'Revoked');
    await eventually(() => users().some((u) => u.name === one.code)).toBe(false);
    expect(users()).toHaveLength(99);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('adopts the Mikhmon batches of a second router from the "On the router" tab: its batches appear', async () => {
    mikhmon = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    const seeded = seedMikhmonHotspot(mikhmon.state, { randomSeed: 11, usersPerProfile: 10, batchSize: 10 });
    await e2e.rpc('routers.create', { name: 'Mikhmon shop', host: '127.0.0.1', port: mikhmon.port, username: API.name, password: API.password }, inst.adminToken);
    await page.reload();
    await page.getByRole('tab', { name: 'On the router' }).click();
    await page.getByRole('combobox', { name: 'Router' }).click();
    await page.getByRole('option', { name: 'Mikhmon shop' }).click();
    await page.getByRole('tab', { name: 'Users (vouchers)' }).click();
    await page.getByRole('button', { name: 'Adopt hotspot users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adopt the hotspot users of this router' });
    const adopt = dialog.getByRole('button', { name: /^Adopt \d+ vouchers$/ });
    await adopt.waitFor();
    await e2e.shot(page, 'adopt-preview');
    await adopt.click();
    const confirm = page.getByRole('dialog', { name: /^Adopt \d+ hotspot users\?$/ });
    await confirm.getByRole('button', { name: 'Adopt', exact: true }).click();
    await visible(page, 'Hotspot users adopted');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Batches' }).click();
    const table = page.getByRole('table', { name: 'Batches' });
    const first = Object.values(seeded.batches).flat()[0]!;
    await table.getByText(first, { exact: true }).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
