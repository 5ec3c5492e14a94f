import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DarajaClient, DarajaClientError } from '../../../src-main/core/mpesa/daraja-client';
import type { DarajaSimulator } from '../../../src-main/daraja-simulator';
import { FakeClock } from '../../fixtures/fake-clock';
import { SANDBOX, sandboxConfig, startFakeDaraja } from '../../fixtures/mpesa/daraja';

const push = { phone254: SANDBOX.phone, amountWhole: 500, accountRef: 'ACC-1001', description: 'Internet', callbackUrl: 'https://relay.example/stk' };
let sim: DarajaSimulator | null = null;
afterEach(async () => { await sim?.close(); sim = null; });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'no error'; } catch (err) { return err instanceof DarajaClientError ? `${err.code}${err.params.darajaCode ? ` ${err.params.darajaCode}` : ''}` : String(err); }
}

describe('Daraja client against the fake Daraja', () => {
  it('caches the OAuth token until it nears expiry, then fetches a new one', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    const client = new DarajaClient(sandboxConfig(sim.url), clock);
    await client.stkPush(push);
    await client.stkPush(push);
    expect(sim.tokensIssued).toBe(1);
    clock.advance(3599_000 - 30_000);
    await client.stkPush(push);
    expect(sim.tokensIssued).toBe(2);
  });

  it('renews once when Daraja says the token is no longer valid (another client took a newer one)', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    const a = new DarajaClient(sandboxConfig(sim.url), clock);
    const b = new DarajaClient(sandboxConfig(sim.url), clock);
    await a.stkPush(push);
    await b.stkPush(push); // "each request invalidates the previous token" (§4.1)
    await a.stkPush(push);
    expect(sim.tokensIssued).toBe(3);
  });

  it('sends the documented STK push body: EAT timestamp, base64(shortcode+passkey+timestamp), paybill fields', async () => {
    const clock = new FakeClock('2026-03-01T06:30:05.000Z');
    sim = await startFakeDaraja(clock);
    const ack = await new DarajaClient(sandboxConfig(sim.url), clock).stkPush(push);
    const body = sim.stkRequests[0]!.body;
    expect(ack.checkoutRequestId).toMatch(/^ws_CO_/);
    expect(body.Timestamp).toBe('20260301093005');
    expect(Buffer.from(String(body.Password), 'base64').toString()).toBe(`${SANDBOX.shortcode}${SANDBOX.passkey}20260301093005`);
    expect([body.TransactionType, body.PartyB, body.Amount, body.AccountReference]).toEqual(['CustomerPayBillOnline', '174379', '500', 'ACC-1001']);
  });

  it('uses CustomerBuyGoodsOnline with the till as PartyB for a till', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    await new DarajaClient(sandboxConfig(sim.url, { type: 'buygoods', till: '5550001' }), clock).stkPush(push);
    expect([sim.stkRequests[0]!.body.TransactionType, sim.stkRequests[0]!.body.PartyB]).toEqual(['CustomerBuyGoodsOnline', '5550001']);
  });

  it('reads STK query: 500.001.1001 and 4999 as pending, then the scripted ResultCode', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    sim.scriptStk({ resultCode: 1032, pendingQueries: 1 }, { resultCode: 0, pendingQueries: 1, pendingStyle: '4999' });
    const client = new DarajaClient(sandboxConfig(sim.url), clock);
    const first = await client.stkPush(push);
    expect(await client.stkQuery(first.checkoutRequestId)).toEqual({ state: 'pending' });
    expect(await client.stkQuery(first.checkoutRequestId)).toEqual({ state: 'done', resultCode: 1032, resultDesc: 'Request cancelled by user' });
    const second = await client.stkPush(push);
    expect(await client.stkQuery(second.checkoutRequestId)).toEqual({ state: 'pending' });
    expect((await client.stkQuery(second.checkoutRequestId)).state).toBe('done');
  });

  it('turns errors into codes: wrong credentials, bad passkey, invalid field, spike arrest, timeout, nobody listening', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    expect(await codeOf(new DarajaClient(sandboxConfig(sim.url, { consumerSecret: 'wrong' }), clock).stkPush(push))).toBe('mpesa.auth-failed 400.008.01');
    expect(await codeOf(new DarajaClient(sandboxConfig(sim.url, { passkey: 'wrong' }), clock).stkPush(push))).toBe('mpesa.rejected 500.001.1001');
    const client = new DarajaClient(sandboxConfig(sim.url), clock, 200);
    expect(await codeOf(client.stkPush({ ...push, phone254: '25470837414' }))).toBe('mpesa.rejected 400.002.02');
    sim.failNext(1, { status: 500, errorCode: '500.003.02', errorMessage: 'Spike Arrest Violation' });
    expect(await codeOf(client.stkPush(push))).toBe('mpesa.busy 500.003.02');
    sim.setHang(true);
    expect(await codeOf(client.stkPush(push))).toBe('mpesa.timeout');
    await sim.close(); sim = null;
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await codeOf(new DarajaClient(sandboxConfig(`http://127.0.0.1:${port}`), clock).accessToken())).toBe('mpesa.unreachable');
  });

  it('registers C2B URLs; the fake then delivers validation and a confirmation with the hashed MSISDN', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    const received: { path: string; body: Record<string, string> }[] = [];
    const sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string> });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.url === '/validate' ? { ResultCode: '0', ResultDesc: 'Accepted' } : { ResultCode: 0, ResultDesc: 'Success' }));
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    try {
      const client = new DarajaClient(sandboxConfig(sim.url), clock);
      await client.c2bRegister(`${base}/confirm`, `${base}/validate`, 'Completed');
      expect(sim.c2bRegistration?.responseType).toBe('Completed');
      const token = await client.accessToken();
      const res = await fetch(`${sim.url}/mpesa/c2b/v2/simulate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ShortCode: 174379, CommandID: 'CustomerPayBillOnline', Amount: 1, Msisdn: 254708374149, BillRefNumber: 'ACC 1001' }) });
      expect(res.status).toBe(200);
      await expect.poll(() => received.length).toBe(2);
      expect(received.map((r) => r.path)).toEqual(['/validate', '/confirm']);
      // mpesa-ingestion.md §4: sha256("254708374149") as seen in a 2023 sandbox confirmation.
      expect(received[1]!.body.MSISDN).toBe('bbff37cea44ac0b2d964ee0dfb8d2df8513dc7ba1b36129a929fc3fbd6dd4af4');
      expect(received[1]!.body.BillRefNumber).toBe('ACC 1001');
      expect(received[1]!.body.TransID).toMatch(/^[A-Z0-9]{10}$/);
    } finally {
      await new Promise<void>((r) => sink.close(() => r()));
    }
  });

  it('answers with the documented error envelope: bad token, unknown path, wrong method, bad grant, bad JSON', async () => {
    const clock = new FakeClock();
    sim = await startFakeDaraja(clock);
    const call = async (path: string, init: RequestInit = {}): Promise<[number, string, boolean]> => {
      const res = await fetch(`${sim!.url}${path}`, init);
      const body = await res.json() as Record<string, unknown>;
      return [res.status, String(body.errorCode), typeof body.requestId === 'string' && typeof body.errorMessage === 'string'];
    };
    expect(await call('/mpesa/stkpush/v1/processrequest', { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' })).toEqual([404, '404.001.03', true]);
    expect(await call('/mpesa/nothing/v1')).toEqual([404, '404.001.01', true]);
    expect(await call('/mpesa/stkpush/v1/processrequest')).toEqual([405, '405.001', true]);
    expect(await call('/oauth/v1/generate?grant_type=password')).toEqual([400, '400.008.02', true]);
    const token = await new DarajaClient(sandboxConfig(sim.url), clock).accessToken();
    expect(await call('/mpesa/stkpush/v1/processrequest', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{not json' })).toEqual([400, '400.002.05', true]);
    clock.advance(3600_000);
    expect(await call('/mpesa/stkpush/v1/processrequest', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })).toEqual([404, '404.001.03', true]);
  });
});
