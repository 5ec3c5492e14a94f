import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDarajaSimulator, type DarajaSimulator } from '../../src-main/daraja-simulator';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { SANDBOX } from '../fixtures/mpesa/daraja';
import { e2eSpec, setUpInstallation, signInUi, visible, type Installation } from './fixture';

/**
 * The captive portal in Chromium: the admin sets the portal up on its screen, installs it on a simulated
 * router (each step shown) and previews the pages; then a customer's phone opens the login page as the
 * router would serve it (router variables filled in by a stand-in hotspot on loopback), pays with M-Pesa
 * against the fake Daraja, sees the voucher code and is logged in on the router.
 * Screenshots: test/artifacts/e2e/hotspot-portal/.
 */

const TENANT = { name: 'Portal Net', ownerName: 'Otieno Owner', ownerEmail: 'owner@portal.example', ownerPhone: '0712 345 678' };
const ADMIN = { fullName: 'Wanjiru Admin', email: 'wanjiru@portal.example', password: 'admin pass 2026' };
const API = { name: 'api', password: 'router api pw 7' };
const DEVICE = { mac: 'AA:00:00:00:00:77', ip: '10.5.50.77' };

let sim: RouterSimulator;
let daraja: DarajaSimulator;
let hotspot: Server;
let hotspotUrl: string;
let page: Page;
let inst: Installation;
let routerName: string;
let portalPort: number;
const logins: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The router's substitution of the few variables login.html uses (PAP: no chap-id, so the `$(if chap-id)` part drops). */
function asRouterServes(html: string, loginUrl: string): string {
  return html
    .replace(/\$\(if chap-id\)[\s\S]*?\$\(endif\)/g, '')
    .replace(/\$\(if error\)[\s\S]*?\$\(endif\)/g, '')
    .replaceAll('$(link-login-only)', loginUrl)
    .replaceAll('$(link-orig)', '')
    .replaceAll('$(mac)', DEVICE.mac)
    .replaceAll('$(ip)', DEVICE.ip)
    .replace(/\$\((username|chap-id|chap-challenge)\)/g, '');
}

describe('Hotspot portal: set up, install, preview, and a customer buying a voucher with M-Pesa', () => {
  const e2e = e2eSpec('hotspot-portal', {
    prepare: async ({ rpc }) => {
      inst = await setUpInstallation(rpc, { platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.example', password: 'platform pass 2026' }, tenant: TENANT, admin: ADMIN });
    },
  });

  beforeAll(async () => {
    daraja = await startDarajaSimulator({ consumerKey: SANDBOX.consumerKey, consumerSecret: SANDBOX.consumerSecret, shortcode: SANDBOX.shortcode, passkey: SANDBOX.passkey });
    sim = await startRouterSimulator({ host: '127.0.0.1', port: 0, users: [{ name: API.name, password: API.password, group: 'full' }], seed: 'minimal' });
    routerName = 'Shop router';
    const router = await e2e.rpc('routers.create', { name: routerName, host: '127.0.0.1', port: sim.port, username: API.name, password: API.password }, inst.adminToken);
    await e2e.rpc('mpesa.settings.update', {
      accountType: 'paybill', shortcode: SANDBOX.shortcode, environment: 'sandbox', baseUrl: daraja.url, c2bRejectUnknown: false,
      consumerKey: SANDBOX.consumerKey, consumerSecret: SANDBOX.consumerSecret, passkey: SANDBOX.passkey,
    }, inst.adminToken);
    await e2e.rpc('hotspot.plans.create', {
      name: '1 hour', routerId: router.id, profileName: 'hs-1h', rateLimit: { rxKbps: 1000, txKbps: 2000 }, limit: { kind: 'uptime', seconds: 3600 }, priceMinor: 2000,
    }, inst.adminToken);
    portalPort = await freePort();
    // Stands in for the router's hotspot web server: serves the installed login page, takes its login form.
    hotspot = createHttpServer((req, res) => {
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => { body += c.toString(); });
        req.on('end', () => {
          logins.push(body);
          res.writeHead(200, { 'content-type': 'text/html' }).end('<p>You are logged in</p>');
        });
        return;
      }
      const file = sim.state.table('/file').findBy('name', 'hotspot/login.html');
      const html = String(file?.props.$data ?? '');
      // The simulator keeps file bytes as a latin1 string; the router serves them as they are.
      res.writeHead(file ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(Buffer.from(asRouterServes(html, `${hotspotUrl}login`), 'latin1'));
    });
    await new Promise<void>((r) => hotspot.listen(0, '127.0.0.1', () => r()));
    hotspotUrl = `http://127.0.0.1:${(hotspot.address() as { port: number }).port}/`;
    page = e2e.page;
  });

  afterAll(async () => {
    await new Promise<void>((r) => (hotspot ? hotspot.close(() => r()) : r()));
    await daraja?.close();
    await sim?.stop();
  });

  it('sets the portal up on its screen, installs it on the router and previews the pages', async () => {
    await page.goto(e2e.server.url);
    await signInUi(page, { profile: TENANT.name, email: ADMIN.email, password: ADMIN.password });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Hotspot portal' }).click();
    await page.getByRole('heading', { name: 'Hotspot portal', exact: true }).waitFor();
    await page.getByLabel('Sell vouchers with M-Pesa from the portal').check();
    await page.getByLabel('LAN address of this computer').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(portalPort));
    await page.getByLabel('Page title').fill('Mama Mboga WiFi');
    await page.getByLabel('Plans sold from the portal').first().click();
    await page.getByRole('option', { name: '1 hour' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, 'Portal settings saved');
    await visible(page, `http://127.0.0.1:${portalPort}/portal/`);

    await page.getByRole('combobox', { name: 'Router' }).click();
    await page.getByRole('option', { name: routerName }).click();
    await page.getByRole('button', { name: 'Install the portal' }).click();
    await visible(page, 'The portal is installed on this router.');
    await visible(page, 'Page login.html');
    await e2e.shot(page, 'installed');
    expect(sim.state.menu('/ip/hotspot/walled-garden/ip').all()).toEqual([expect.objectContaining({ 'dst-address': '127.0.0.1', 'dst-port': String(portalPort) })]);

    await page.getByRole('tab', { name: 'Preview' }).click();
    const frame = page.frameLocator('iframe[title="Preview of login.html"]');
    await frame.getByRole('heading', { name: 'Mama Mboga WiFi' }).waitFor();
    await frame.getByText('Pay with M-Pesa').first().waitFor();
    expect(await page.locator('iframe[title="Preview of login.html"]').getAttribute('sandbox')).toBe('');
    await e2e.shot(page, 'preview');
  });

  it('sells a voucher to a phone on the hotspot: STK push, code shown, device logged in on the router', async () => {
    sim.state.menu('/ip/hotspot/host').add({ 'mac-address': DEVICE.mac, address: DEVICE.ip, 'to-address': DEVICE.ip, server: 'hotspot1' });
    daraja.scriptStk({ resultCode: 0, pendingQueries: 1 });
    const phone = await e2e.browser.context.newPage();
    e2e.watch(phone);
    await phone.goto(hotspotUrl);
    await phone.getByRole('heading', { name: 'Mama Mboga WiFi' }).waitFor();
    await phone.getByPlaceholder('M-Pesa phone number').fill('0708374149');
    await phone.getByRole('button', { name: 'Pay with M-Pesa' }).click();
    await visible(phone, '1 hour \u2014 Ksh\u00a020.00');
    await visible(phone, 'Enter your M-Pesa PIN on your phone to pay.');
    await visible(phone, /Paid\. Your voucher: [a-z2-9]{6}/);
    await e2e.shot(phone, 'paid');
    const code = (await phone.getByText(/Your voucher:/).innerText()).match(/voucher: ([a-z2-9]{6})/)![1]!;
    await visible(phone, 'You are logged in');
    expect(logins.at(-1)).toContain(`username=${code}`);
    expect(sim.state.menu('/ip/hotspot/active').all()).toEqual([expect.objectContaining({ user: code, address: DEVICE.ip })]);

    await page.getByRole('tab', { name: 'Purchases' }).click();
    await visible(page, code);
    await e2e.shot(page, 'purchases');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('tells the customer in plain words when the app cannot be reached; voucher and QR login still work', async () => {
    const phone = await e2e.browser.context.newPage();
    await phone.goto(hotspotUrl);
    await e2e.rpc('portal.settings.update', {
      enabled: true, lanAddress: '127.0.0.1', lanPort: await freePort(), offeredPlanIds: [], title: 'Mama Mboga WiFi', colour: '#1c7ed6', supportPhone: '',
    }, inst.adminToken);
    await phone.getByPlaceholder('M-Pesa phone number').fill('0708374149');
    await phone.getByRole('button', { name: 'Pay with M-Pesa' }).click();
    await visible(phone, 'The payment service is not reachable right now. You can still log in with a voucher.');
    await phone.getByPlaceholder('Voucher code').fill('abc234');
    await phone.getByRole('button', { name: 'Connect' }).click();
    await visible(phone, 'You are logged in');
    expect(logins.at(-1)).toContain('username=abc234');
    // A voucher's QR code opens the login page with the code in the address: it logs in by itself.
    await phone.goto(`${hotspotUrl}login?username=qr7xk2&password=pin42`);
    await visible(phone, 'You are logged in');
    expect(logins.at(-1)).toMatch(/username=qr7xk2.*password=pin42|password=pin42.*username=qr7xk2/);
  });
});
