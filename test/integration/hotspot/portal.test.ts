import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import type { DarajaSimulator } from '../../../src-main/daraja-simulator';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { SANDBOX, startFakeDaraja } from '../../fixtures/mpesa/daraja';
import { dispatcherCaller, setUpInstallation } from '../../fixtures/test-core';

interface Reply { status: number; json: Record<string, unknown> | null; text: string }

function http(port: number, method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'text/plain' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | null = null;
        try { json = JSON.parse(text) as Record<string, unknown>; } catch { json = null; }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const DEVICE = { mac: 'AA:00:00:00:00:77', ip: '10.5.50.77' };

describe('captive portal: install on the router, buy a voucher with M-Pesa from the page', () => {
  const temp = makeTempDir();
  const clock = new FakeClock();
  let server: HeadlessServer;
  let sim: RouterSimulator;
  let daraja: DarajaSimulator;
  let call: <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let raw: (channel: string, input: unknown) => Promise<unknown>;
  let tenantId: string;
  let routerId: string;
  let portalPort: number;
  let plan: OutputOf<'hotspot.plans.create'>;
  let other: OutputOf<'hotspot.plans.create'>;
  const base = () => `/portal/${tenantId}`;
  const count = async (table: 'portalPurchases' | 'stkRequests' | 'voucherBatches' | 'payments' | 'incomeEntries') =>
    server.booted.core.tenants.use(tenantId, async (h) => Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
  const buy = (body: Record<string, unknown>) => http(portalPort, 'POST', `${base()}/buy`, JSON.stringify(body));

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: temp.dir, clock, background: false });
    const booted = server.booted;
    const t = dispatcherCaller(booted);
    const inst = await setUpInstallation(t);
    tenantId = inst.tenantId;
    call = (channel, input) => t.call(channel, input, inst.adminToken);
    raw = (channel, input) => t.raw(channel, input, inst.adminToken);
    sim = await startRouterSimulator({ users: [{ name: 'api', password: 'router api pass 1', group: 'full' }], seed: 'minimal' });
    routerId = (await call('routers.create', { name: 'Shop', host: '127.0.0.1', port: sim.port, username: 'api', password: 'router api pass 1' })).id;
    daraja = await startFakeDaraja(clock);
    await call('mpesa.settings.update', {
      accountType: 'paybill', shortcode: SANDBOX.shortcode, environment: 'sandbox', baseUrl: daraja.url, c2bRejectUnknown: false,
      consumerKey: SANDBOX.consumerKey, consumerSecret: SANDBOX.consumerSecret, passkey: SANDBOX.passkey,
    });
    const planBase = { routerId, rateLimit: { rxKbps: 1000, txKbps: 2000 }, limit: { kind: 'uptime' as const, seconds: 3600 } };
    plan = await call('hotspot.plans.create', { ...planBase, name: '1 hour', profileName: 'hs-1h', priceMinor: 2000 });
    other = await call('hotspot.plans.create', { ...planBase, name: 'Day', profileName: 'hs-day', priceMinor: 5000 });
    portalPort = await freePort();
  });
  afterAll(async () => {
    await server.close();
    await daraja.close();
    await sim.stop();
    temp.remove();
  });

  it('refuses a plan M-Pesa cannot sell and writes nothing', async () => {
    const before = await call('portal.settings.get', {});
    const cents = await call('hotspot.plans.create', {
      routerId, rateLimit: { rxKbps: 1000, txKbps: 1000 }, limit: { kind: 'none' }, name: 'Odd price', profileName: 'hs-odd', priceMinor: 2050,
    });
    const settings = { enabled: true, lanAddress: '127.0.0.1', lanPort: portalPort, title: 'Mama Mboga WiFi', colour: '#2b8a3e', supportPhone: '0712 000 111' };
    // STK takes whole shillings only.
    expect(await raw('portal.settings.update', { ...settings, offeredPlanIds: [plan.id, cents.id] }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'offeredPlanIds.1': 'invalid-value' } } });
    expect(await raw('portal.settings.update', { ...settings, offeredPlanIds: [plan.id, '01900000-0000-7000-8000-00000000dead'] }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await raw('portal.settings.update', { ...settings, lanAddress: null, offeredPlanIds: [] }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { lanAddress: 'required' } } });
    expect(await call('portal.settings.get', {})).toEqual(before);
  });

  it('serves the pages on the chosen LAN address and installs them on the router with the walled garden', async () => {
    const s = await call('portal.settings.update', {
      enabled: true, lanAddress: '127.0.0.1', lanPort: portalPort, offeredPlanIds: [plan.id], title: 'Mama Mboga WiFi', colour: '#2b8a3e', supportPhone: '0712 000 111',
    });
    expect(s.baseUrl).toBe(`http://127.0.0.1:${portalPort}/portal/${tenantId}/`);
    await server.portal.refresh();
    expect(server.portal.open()).toEqual([`127.0.0.1:${portalPort}`]);

    const result = await call('portal.install', { routerId });
    expect(result.ok).toBe(true);
    expect(result.steps.map((st) => `${st.step} ${st.target}`)).toEqual([
      `walled-garden 127.0.0.1:${portalPort}`, 'file login.html', 'file alogin.html', 'file status.html', 'file logout.html', 'file error.html', 'profile default',
    ]);
    const files = sim.state.menu('/file').all();
    const login = files.find((f) => f.name === 'hotspot/login.html');
    expect(login).toBeDefined();
    const served = await http(portalPort, 'GET', `${base()}/login.html`);
    expect(served.text).toContain('Mama Mboga WiFi');
    expect(served.text).toContain('$(link-login-only)');
    expect(served.text).toContain('1 hour');
    // The router holds exactly what the app serves.
    expect(login!.size).toBe(String(Buffer.byteLength(served.text)));
    expect(sim.state.menu('/ip/hotspot/walled-garden/ip').all()).toEqual([
      expect.objectContaining({ 'dst-address': '127.0.0.1', 'dst-port': String(portalPort), protocol: 'tcp', action: 'accept', comment: 'ispdesk:portal' }),
    ]);
    // Installing again changes nothing on the router.
    await call('portal.install', { routerId });
    expect(sim.state.menu('/ip/hotspot/walled-garden/ip').all()).toHaveLength(1);
    expect((await call('portal.preview', {})).files.map((f) => f.name)).toEqual(['login.html', 'alogin.html', 'status.html', 'logout.html', 'error.html']);
  });

  it('refuses a bad phone, an unknown plan and a plan not offered with 400 and the field, writing nothing', async () => {
    const good = { planId: plan.id, phone: '0708374149', ...DEVICE };
    expect(await buy({ ...good, phone: '12345' })).toMatchObject({ status: 400, json: { ok: false, field: 'phone' } });
    expect(await buy({ ...good, phone: '+447700900123' })).toMatchObject({ status: 400, json: { ok: false, field: 'phone' } });
    expect(await buy({ ...good, planId: other.id })).toMatchObject({ status: 400, json: { ok: false, field: 'planId' } });
    expect(await buy({ ...good, planId: 'nope' })).toMatchObject({ status: 400, json: { ok: false, field: 'planId' } });
    expect(await buy({ ...good, mac: 'zz' })).toMatchObject({ status: 400, json: { ok: false, field: 'mac' } });
    // Five tries a minute per device: the next minute's budget for the last one.
    clock.advance(60_000);
    expect((await http(portalPort, 'POST', `${base()}/buy`, '{not json')).status).toBe(400);
    expect([await count('portalPurchases'), await count('stkRequests'), await count('voucherBatches')]).toEqual([0, 0, 0]);
  });

  it('sells a voucher: STK push, poll, one-voucher batch, device logged in on the router; re-poll and retry add nothing', async () => {
    clock.advance(60_000);
    sim.state.menu('/ip/hotspot/host').add({ 'mac-address': DEVICE.mac, address: DEVICE.ip, 'to-address': DEVICE.ip, server: 'hotspot1' });
    daraja.scriptStk({ resultCode: 0, pendingQueries: 1 });
    const body = { planId: plan.id, phone: '0708374149', ...DEVICE, key: 'page-key-0001' };
    const started = await buy(body);
    expect(started).toMatchObject({ status: 200, json: { ok: true, status: 'paying', code: null } });
    const id = String(started.json!.purchaseId);
    expect(daraja.stkRequests.at(-1)!.body).toMatchObject({ Amount: '20', PhoneNumber: SANDBOX.phone });

    const first = await http(portalPort, 'GET', `${base()}/purchase/${id}`);
    expect(first.json).toMatchObject({ status: 'paying' });
    const paid = await http(portalPort, 'GET', `${base()}/purchase/${id}`);
    expect(paid.json).toMatchObject({ ok: true, status: 'paid', login: 'done' });
    const code = String(paid.json!.code);
    expect(code).toMatch(/^[a-z2-9]{6}$/);

    expect(sim.state.menu('/ip/hotspot/user').all().find((u) => u.name === code)).toMatchObject({ profile: 'hs-1h', 'limit-uptime': '1h' });
    expect(sim.state.menu('/ip/hotspot/active').all()).toEqual([expect.objectContaining({ user: code, address: DEVICE.ip, 'mac-address': DEVICE.mac })]);

    // The page went away and came back; the customer pressed Pay again: same purchase, same code, nothing new.
    expect((await http(portalPort, 'GET', `${base()}/purchase/${id}`)).json).toMatchObject({ status: 'paid', code });
    expect((await buy(body)).json).toMatchObject({ purchaseId: id, status: 'paid', code });
    expect([await count('portalPurchases'), await count('stkRequests'), await count('voucherBatches')]).toEqual([1, 1, 1]);
    expect(daraja.stkRequests).toHaveLength(1);
    // The money is a voucher sale in the day's collections, not a wallet payment: the payer's phone may be a
    // subscriber's, who must not be renewed by it (nor may it wait in Unmatched).
    expect(await count('payments')).toBe(0);
    const income = await server.booted.core.tenants.use(tenantId, (h) => h.db.selectFrom('incomeEntries').selectAll().execute());
    expect(income).toEqual([expect.objectContaining({ kind: 'receipt', source: 'voucher-sale', method: 'mpesa', amountMinor: 2000 })]);

    const list = await call('portal.purchases.list', { page: 1, pageSize: 10 });
    expect(list.items).toEqual([expect.objectContaining({ id, planName: '1 hour', status: 'paid', code, login: 'done', amountMinor: 2000 })]);
    expect((await call('portal.purchases.list', { page: 1, pageSize: 10, q: code.toUpperCase() })).items.map((p) => p.id)).toEqual([id]);
    expect((await call('portal.purchases.list', { page: 1, pageSize: 10, q: '0708_' })).total).toBe(0);
  });

  it('gives a customer whose page went away their voucher through the follow-up job', async () => {
    daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const started = await buy({ planId: plan.id, phone: '0708374149', mac: 'AA:00:00:00:00:78', ip: '10.5.50.78' });
    const id = String(started.json!.purchaseId);
    const { followOpenPurchases } = await import('../../../src-main/core/hotspot-portal/purchase-service');
    const { withTenantScope } = await import('../../../src-main/core/tenancy/scope');
    const { systemActor } = await import('../../../src-main/core/context');
    await withTenantScope(server.booted.core, tenantId, systemActor('system:portal'), (s) => followOpenPurchases(s));
    const row = (await call('portal.purchases.list', { page: 1, pageSize: 10 })).items.find((p) => p.id === id);
    // Paid and holding its code; this device is not a hotspot host, so the login waits (the code is shown on the page).
    expect(row).toMatchObject({ status: 'paid', login: 'waiting' });
    expect(row!.code).toMatch(/^[a-z2-9]{6}$/);
  });

  it('finds the STK request by its account reference when a crash came between the push and noting it', async () => {
    clock.advance(60_000);
    daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const started = await buy({ planId: plan.id, phone: '0708374149', mac: 'AA:00:00:00:00:79', ip: '10.5.50.79' });
    const id = String(started.json!.purchaseId);
    // As if the process died right after Daraja accepted the push: the purchase does not know its request.
    await server.booted.core.tenants.use(tenantId, (h) => h.db.updateTable('portalPurchases').set({ stkRequestId: null }).where('id', '=', id).execute());
    const polled = await http(portalPort, 'GET', `${base()}/purchase/${id}`);
    expect(polled.json).toMatchObject({ status: 'paid' });
    expect(String(polled.json!.code)).toMatch(/^[a-z2-9]{6}$/);
    expect(daraja.stkRequests.filter((r) => r.body.AccountReference === daraja.stkRequests.at(-1)!.body.AccountReference)).toHaveLength(1);
  });

  it('keeps a paid purchase whose plan was disabled meanwhile, and issues its voucher once the plan is back', async () => {
    clock.advance(60_000);
    daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const started = await buy({ planId: plan.id, phone: '0708374149', mac: 'AA:00:00:00:00:7A', ip: '10.5.50.80' });
    const id = String(started.json!.purchaseId);
    await call('hotspot.plans.update', { planId: plan.id, status: 'disabled' });
    const held = await http(portalPort, 'GET', `${base()}/purchase/${id}`);
    expect(held.json).toMatchObject({ status: 'paid', code: null, reason: 'voucher-refused:hotspot-plan.disabled' });
    await call('hotspot.plans.update', { planId: plan.id, status: 'active' });
    const { followOpenPurchases } = await import('../../../src-main/core/hotspot-portal/purchase-service');
    const { withTenantScope } = await import('../../../src-main/core/tenancy/scope');
    const { systemActor } = await import('../../../src-main/core/context');
    await withTenantScope(server.booted.core, tenantId, systemActor('system:portal'), (s) => followOpenPurchases(s));
    const issued = await http(portalPort, 'GET', `${base()}/purchase/${id}`);
    expect(issued.json).toMatchObject({ status: 'paid', reason: null });
    expect(String(issued.json!.code)).toMatch(/^[a-z2-9]{6}$/);
  });

  it('ends a cancelled prompt as failed with its reason and no voucher', async () => {
    daraja.scriptStk({ resultCode: 1032, pendingQueries: 0 });
    const started = await buy({ planId: plan.id, phone: '0708374149', ...DEVICE });
    const polled = await http(portalPort, 'GET', `${base()}/purchase/${String(started.json!.purchaseId)}`);
    expect(polled.json).toMatchObject({ status: 'failed', reason: 'stk-cancelled', code: null });
  });

  it('limits buy requests per client IP per minute', async () => {
    clock.advance(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await buy({ planId: plan.id, phone: 'bad', ...DEVICE })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    clock.advance(60_000);
    expect((await buy({ planId: plan.id, phone: 'bad', ...DEVICE })).status).toBe(400);
  });

  it('caps the body and answers nothing but portal routes', async () => {
    expect((await http(portalPort, 'POST', `${base()}/buy`, 'x'.repeat(4096))).status).toBe(413);
    expect((await http(portalPort, 'POST', '/rpc/auth.whoami', '{}')).status).toBe(404);
    expect((await http(portalPort, 'GET', `/portal/01900000-0000-7000-8000-000000000000/login.html`)).status).toBe(404);
  });
});
