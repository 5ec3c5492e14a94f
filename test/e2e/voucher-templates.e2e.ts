import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { uuidv7 } from '@shared/domain/ids';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { renderPdf } from '../unit/documents/render-pdf';
import { addRouter, e2eSpec, setUpInstallation, signInUi, visible } from './fixture';

/**
 * The editable voucher template (issue 11 §3, §6): a template with a script is refused with a field error,
 * the live preview shows the first vouchers of a real batch inside a sandboxed frame, and the saved template
 * prints the batch as a PDF. Installation, router, plan and batch are made over HTTP RPC.
 */
const ADMIN = { name: 'Akinyi Admin', email: 'akinyi@kitengela.example', password: 'akinyi pass 2026' };
const API = { name: 'api', password: 'api pass 2026' };

let sim: RouterSimulator;
let page: Page;
let tenantId = '';
let codes: string[] = [];

function eventually<T>(fn: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

describe('voucher templates', () => {
  const e2e = e2eSpec('voucher-templates', {
    prepare: async ({ rpc }) => {
      sim = await startRouterSimulator({ users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
      const inst = await setUpInstallation(rpc, {
        platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' },
        tenant: { name: 'Kitengela WiFi', ownerName: 'Kitengela Owner', ownerEmail: 'owner@kitengela.example', ownerPhone: '0711 222 444' },
        admin: { fullName: ADMIN.name, email: ADMIN.email, password: ADMIN.password },
      });
      tenantId = inst.tenantId;
      const router = await addRouter(rpc, inst.adminToken, { name: 'Kitengela AP', host: '127.0.0.1', port: sim.port, username: API.name, password: API.password });
      const plan = await rpc('hotspot.plans.create', {
        name: '3 Hours', routerId: router.id, profileName: 'hs-3h', rateLimit: { rxKbps: 1000, txKbps: 3000 }, limit: { kind: 'uptime', seconds: 10_800 }, priceMinor: 3000,
      }, inst.adminToken);
      const batch = await rpc('hotspot.batches.create', { planId: plan.id, count: 6, requestKey: uuidv7() }, inst.adminToken);
      codes = (await rpc('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 10, sort: { field: 'createdAt', dir: 'asc' } }, inst.adminToken)).items.map((v) => v.code);
    },
  });

  beforeAll(() => {
    page = e2e.page;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('refuses a template with a script, previews the fixed one on the batch’s vouchers in a sandboxed frame, and saves it', async () => {
    await page.goto(`${e2e.server.url}#/t/${tenantId}/home`);
    await signInUi(page, ADMIN);
    await page.getByRole('link', { name: 'Voucher templates' }).first().click();
    await visible(page, 'No voucher templates yet');
    await page.getByRole('button', { name: 'New template' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New voucher template' });
    await dialog.getByLabel(/^Name/).fill('Shop card');
    await dialog.getByLabel('Hotspot address (dns-name)').fill('wifi.kitengela.net');
    // The default card previews at once on the newest batch.
    const frame = page.frameLocator('iframe[title="Voucher card preview"]');
    await eventually(() => frame.locator('body').textContent()).toContain(codes[0]!);
    expect(await page.locator('iframe[title="Voucher card preview"]').getAttribute('sandbox')).toBe('');

    await dialog.getByLabel('Card HTML').fill('<div style="font-size: 14pt">{{code}} {{plan}}</div><script>document.title = "owned"</script>');
    await visible(dialog, 'Script <script>');
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await visible(dialog, 'Scripts are not allowed in a template');
    await e2e.shot(page, 'script-refused');

    await dialog.getByLabel('Card HTML').fill('<div style="font-size: 14pt; font-weight: bold">{{code}}</div><div>{{plan}} · {{price}}</div><div style="width: 60pt">{{qr}}</div>');
    await eventually(() => frame.locator('body').textContent()).toContain('3 Hours');
    for (const code of codes.slice(0, 4)) await eventually(() => frame.locator('body').textContent()).toContain(code);
    expect(await frame.locator('img[alt="QR"]').count()).toBe(4);
    await e2e.shot(page, 'preview');
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('table', { name: 'Voucher templates' }), 'Shop card');
  });

  it('prints the batch with the saved template as a PDF', async () => {
    await page.getByRole('button', { name: 'Actions for template Shop card' }).click();
    await page.getByRole('menuitem', { name: 'Print a batch…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print vouchers with Shop card' });
    // Without a batch there is nothing to print: the dialog says so.
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    await visible(dialog, 'Choose a batch');
    await dialog.getByRole('combobox', { name: 'Batch' }).click();
    await page.getByRole('option', { name: /^vc-001-/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save PDF' }).click()]) as [Download, void];
    const text = renderPdf(readFileSync((await download.path())!)).map((p) => p.text).join(' ');
    for (const code of codes) expect(text).toContain(code);
    await e2e.shot(page, 'pdf-dialog');
    expect(e2e.pageErrors).toEqual([]);
  });
});
