/**
 * A fake Safaricom Daraja (M-Pesa) API on node:http for tests and the demo ISP. It follows the documented
 * JSON and codes (integrations.md §4, from the Daraja 3.0 portal pages; mpesa-ingestion.md §4–5) and is as
 * strict as the docs allow: wrong password, token or field → the documented error envelope.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { darajaTimestamp, receiptFor } from './receipts';
import type { C2bDelivery, DarajaFailure, DarajaSimulator, DarajaSimulatorOptions, StkRecord, StkScript } from './types';

type Json = Record<string, unknown>;

class DarajaError extends Error {
  constructor(readonly status: number, readonly errorCode: string, readonly errorMessage: string) { super(errorMessage); }
}

/** STK ResultDesc texts as seen (mpesa-ingestion.md §5 table). */
const RESULT_DESC: Record<number, string> = {
  0: 'The service request is processed successfully.',
  1: 'The balance is insufficient for the transaction.',
  1001: 'Unable to lock subscriber, a transaction is already in process for the current subscriber',
  1019: 'Transaction has expired',
  1025: 'An error occurred while sending push request',
  1032: 'Request cancelled by user',
  1037: 'DS timeout user cannot be reached.',
  2001: 'The initiator information is invalid.',
  9999: 'An error occurred while sending push request',
};

const MAX_BODY_BYTES = 64 * 1024;

export async function startDarajaSimulator(options: DarajaSimulatorOptions): Promise<DarajaSimulator> {
  const now = options.now ?? ((): Date => new Date());
  const ttlMs = (options.tokenTtlSeconds ?? 3599) * 1000;
  let token: { value: string; expiresAt: number } | null = null;
  let tokensIssued = 0;
  let latencyMs = 0;
  let hang = false;
  const failures: DarajaFailure[] = [];
  const scripts: StkScript[] = [];
  const stk = new Map<string, StkRecord>();
  const c2bDeliveries: C2bDelivery[] = [];
  let c2bRegistration: DarajaSimulator['c2bRegistration'] = null;
  let serial = 0;
  const hung = new Set<ServerResponse>();

  const password = (shortcode: string, timestamp: string): string =>
    Buffer.from(`${shortcode}${options.passkey}${timestamp}`).toString('base64');

  /** §4.1: Basic base64(key:secret), grant_type=client_credentials; "each request invalidates the previous token". */
  function oauth(req: IncomingMessage, url: URL): Json {
    if (url.searchParams.get('grant_type') !== 'client_credentials') throw new DarajaError(400, '400.008.02', 'Invalid grant type passed');
    const auth = req.headers.authorization ?? '';
    const basic = /^Basic\s+(.+)$/i.exec(auth);
    const expected = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64');
    if (!basic || basic[1] !== expected) throw new DarajaError(400, '400.008.01', 'Invalid Authentication passed');
    token = { value: randomBytes(21).toString('base64url'), expiresAt: now().getTime() + ttlMs };
    tokensIssued += 1;
    const expires = Math.round(ttlMs / 1000);
    return { access_token: token.value, expires_in: options.expiresInAsString === false ? expires : String(expires) };
  }

  /** §4.1: a wrong or expired token on any API is HTTP 404 `404.001.03` "Invalid Access Token". */
  function requireToken(req: IncomingMessage): void {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!bearer || !token || bearer[1] !== token.value || now().getTime() >= token.expiresAt) {
      throw new DarajaError(404, '404.001.03', 'Invalid Access Token');
    }
  }

  const invalid = (what: string): DarajaError => new DarajaError(400, '400.002.02', `Bad Request - Invalid ${what}`);

  /** §4.3: Password = base64(BusinessShortCode + Passkey + Timestamp); wrong → 500.001.1001 (wrong credentials). */
  function checkPassword(body: Json): void {
    const shortcode = String(body.BusinessShortCode ?? '');
    if (shortcode !== options.shortcode) throw invalid('BusinessShortCode');
    const timestamp = String(body.Timestamp ?? '');
    if (!/^\d{14}$/.test(timestamp)) throw invalid('Timestamp');
    if (body.Password !== password(shortcode, timestamp)) throw new DarajaError(500, '500.001.1001', 'Wrong credentials');
  }

  /** §4.3 STK push: field rules and the sync acknowledgement (ResponseCode is a string). */
  function stkPush(body: Json): Json {
    checkPassword(body);
    const type = body.TransactionType;
    if (type !== 'CustomerPayBillOnline' && type !== 'CustomerBuyGoodsOnline') throw invalid('TransactionType');
    // A till takes the store number as BusinessShortCode and the till as PartyB; a wrong pairing fails (2028).
    const partyB = String(body.PartyB ?? '');
    if (type === 'CustomerBuyGoodsOnline' ? partyB !== options.till : partyB !== options.shortcode) throw invalid('PartyB');
    const amount = Number(body.Amount);
    if (!Number.isInteger(amount) || amount < 1 || amount > 250_000) throw invalid('Amount');
    const phone = String(body.PhoneNumber ?? '');
    if (!/^254[17]\d{8}$/.test(phone)) throw invalid('PhoneNumber');
    if (!/^254[17]\d{8}$/.test(String(body.PartyA ?? ''))) throw invalid('PartyA');
    const accountRef = body.AccountReference;
    if (typeof accountRef !== 'string' || accountRef === '' || accountRef.length > 12) throw invalid('AccountReference');
    if (body.TransactionDesc !== undefined && (typeof body.TransactionDesc !== 'string' || body.TransactionDesc.length > 13)) throw invalid('TransactionDesc');
    let callback: URL;
    try { callback = new URL(String(body.CallBackURL ?? '')); } catch { throw invalid('CallBackURL'); }
    if (callback.protocol !== 'https:' && (options.requireHttpsCallback || callback.protocol !== 'http:')) throw invalid('CallBackURL');

    serial += 1;
    const stamp = darajaTimestamp(now());
    const record: StkRecord = {
      checkoutRequestId: `ws_CO_${stamp.slice(6)}${String(serial).padStart(6, '0')}`,
      merchantRequestId: `${1000 + serial}-${randomBytes(4).toString('hex')}-1`,
      body,
      script: scripts.shift() ?? { resultCode: 0, pendingQueries: 1 },
      queries: 0,
      receipt: null,
      callbackDelivered: false,
    };
    stk.set(record.checkoutRequestId, record);
    return {
      MerchantRequestID: record.merchantRequestId,
      CheckoutRequestID: record.checkoutRequestId,
      ResponseCode: '0',
      ResponseDescription: 'Success. Request accepted for processing',
      CustomerMessage: 'Success. Request accepted for processing',
    };
  }

  /** §4.4 / §5: pending until the script's queries are used up, then ResultCode as a string; no receipt. */
  function stkQuery(body: Json): { status: number; json: Json } {
    checkPassword(body);
    const record = stk.get(String(body.CheckoutRequestID ?? ''));
    if (!record) throw invalid('CheckoutRequestID');
    record.queries += 1;
    if (record.queries <= (record.script.pendingQueries ?? 0)) {
      if (record.script.pendingStyle === '4999') {
        return { status: 200, json: { ResponseCode: '0', ResponseDescription: 'The service request has been accepted successfully', MerchantRequestID: record.merchantRequestId, CheckoutRequestID: record.checkoutRequestId, ResultCode: '4999', ResultDesc: 'The transaction is still under processing' } };
      }
      throw new DarajaError(500, '500.001.1001', 'The transaction is being processed');
    }
    settle(record);
    const code = record.script.resultCode;
    return {
      status: 200,
      json: {
        ResponseCode: '0', ResponseDescription: 'The service request has been accepted successfully',
        MerchantRequestID: record.merchantRequestId, CheckoutRequestID: record.checkoutRequestId,
        ResultCode: String(code), ResultDesc: RESULT_DESC[code] ?? 'The service request failed.',
      },
    };
  }

  function ensureReceipt(record: StkRecord): void {
    if (record.script.resultCode === 0 && !record.receipt) record.receipt = receiptFor(now(), serial * 97 + stk.size);
  }

  function settle(record: StkRecord): void {
    ensureReceipt(record);
    if (record.script.sendCallback && !record.callbackDelivered) void deliverStkCallback(record.checkoutRequestId).catch(() => undefined);
  }

  /** §4.3 callback: numbers for ResultCode/Amount/TransactionDate/PhoneNumber, a value-less Balance item. */
  async function deliverStkCallback(checkoutRequestId: string, url?: string): Promise<number> {
    const record = stk.get(checkoutRequestId);
    if (!record) throw new Error(`unknown CheckoutRequestID ${checkoutRequestId}`);
    ensureReceipt(record);
    record.callbackDelivered = true;
    const code = record.script.resultCode;
    const stkCallback: Json = { MerchantRequestID: record.merchantRequestId, CheckoutRequestID: record.checkoutRequestId, ResultCode: code, ResultDesc: RESULT_DESC[code] ?? 'The service request failed.' };
    if (code === 0) {
      stkCallback.CallbackMetadata = { Item: [
        { Name: 'Amount', Value: Number(record.body.Amount) },
        { Name: 'MpesaReceiptNumber', Value: record.receipt },
        { Name: 'Balance' },
        { Name: 'TransactionDate', Value: Number(darajaTimestamp(now())) },
        { Name: 'PhoneNumber', Value: Number(record.body.PhoneNumber) },
      ] };
    }
    const res = await fetch(url ?? String(record.body.CallBackURL), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Body: { stkCallback } }) });
    await res.arrayBuffer();
    return res.status;
  }

  /** §4.5 register: ResponseType exactly `Completed` | `Cancelled`; misspelt `OriginatorCoversationID` kept. */
  function c2bRegister(body: Json): Json {
    if (String(body.ShortCode ?? '') !== (options.till ?? options.shortcode) && String(body.ShortCode ?? '') !== options.shortcode) throw invalid('ShortCode');
    if (body.ResponseType !== 'Completed' && body.ResponseType !== 'Cancelled') throw invalid('ResponseType');
    for (const key of ['ConfirmationURL', 'ValidationURL'] as const) {
      try { new URL(String(body[key] ?? '')); } catch { throw invalid(key); }
    }
    if (options.registerOnce && c2bRegistration) throw new DarajaError(500, '500.003.1001', 'Urls are already registered');
    c2bRegistration = { shortcode: String(body.ShortCode), responseType: body.ResponseType, confirmationUrl: String(body.ConfirmationURL), validationUrl: String(body.ValidationURL) };
    return { OriginatorCoversationID: randomBytes(8).toString('hex'), ResponseCode: '0', ResponseDescription: 'Success' };
  }

  /** Sandbox C2B simulate (§4.5): validation (when registered), then confirmation if accepted; values are strings. */
  function c2bSimulate(body: Json): Json {
    if (!c2bRegistration) throw new DarajaError(500, '500.003.1001', 'No URLs registered for the shortcode');
    const msisdn = String(body.Msisdn ?? '');
    if (!/^254[17]\d{8}$/.test(msisdn)) throw invalid('Msisdn');
    const amount = Number(body.Amount);
    if (!Number.isInteger(amount) || amount < 1) throw invalid('Amount');
    serial += 1;
    const style = options.msisdnStyle ?? 'hash';
    const payload: Record<string, string> = {
      TransactionType: body.CommandID === 'CustomerBuyGoodsOnline' ? 'Customer Merchant Payment' : 'Pay Bill',
      TransID: receiptFor(now(), serial * 131),
      TransTime: darajaTimestamp(now()),
      TransAmount: `${amount}.00`,
      BusinessShortCode: String(body.ShortCode ?? ''),
      BillRefNumber: String(body.BillRefNumber ?? ''),
      InvoiceNumber: '', OrgAccountBalance: '', ThirdPartyTransID: '',
      MSISDN: style === 'hash' ? createHash('sha256').update(msisdn).digest('hex') : style === 'masked' ? `${msisdn.slice(0, 4)} ***** ${msisdn.slice(-3)}` : msisdn,
      FirstName: 'JOHN',
    };
    const registration = c2bRegistration;
    void (async (): Promise<void> => {
      const validation = await postC2b(registration.validationUrl, 'validation', payload);
      const rejected = validation.status === 200 && typeof validation.reply === 'object' && validation.reply !== null && String((validation.reply as Json).ResultCode) !== '0';
      if (rejected || (validation.status !== 200 && registration.responseType === 'Cancelled')) return;
      await postC2b(registration.confirmationUrl, 'confirmation', { ...payload, OrgAccountBalance: `${amount}.00` });
    })().catch(() => undefined);
    return { OriginatorCoversationID: randomBytes(8).toString('hex'), ResponseCode: '0', ResponseDescription: 'Accept the service request successfully.' };
  }

  async function postC2b(url: string, kind: C2bDelivery['kind'], payload: Record<string, string>): Promise<C2bDelivery> {
    const delivery: C2bDelivery = { url, kind, payload, status: null, reply: null };
    c2bDeliveries.push(delivery);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(8000) });
      delivery.status = res.status;
      delivery.reply = await res.json().catch(() => null);
    } catch { /* unreachable URL: the register ResponseType decides (§4.5) */ }
    return delivery;
  }

  async function route(req: IncomingMessage, url: URL): Promise<{ status: number; json: Json }> {
    if (url.pathname === '/oauth/v1/generate') {
      if (req.method !== 'GET') throw new DarajaError(405, '405.001', 'Method Not Allowed');
      return { status: 200, json: oauth(req, url) };
    }
    const apis: Record<string, (body: Json) => Json | { status: number; json: Json }> = {
      '/mpesa/stkpush/v1/processrequest': stkPush,
      '/mpesa/stkpushquery/v1/query': stkQuery,
      '/mpesa/c2b/v1/registerurl': c2bRegister,
      '/mpesa/c2b/v2/registerurl': c2bRegister,
      '/mpesa/c2b/v1/simulate': c2bSimulate,
      '/mpesa/c2b/v2/simulate': c2bSimulate,
    };
    const api = apis[url.pathname];
    if (!api) throw new DarajaError(404, '404.001.01', 'Resource not found');
    if (req.method !== 'POST') throw new DarajaError(405, '405.001', 'Method Not Allowed');
    requireToken(req);
    const body = await readJson(req);
    const out = api(body);
    return 'status' in out && 'json' in out && typeof out.status === 'number' ? out as { status: number; json: Json } : { status: 200, json: out as Json };
  }

  const server = createServer((req, res) => {
    void (async (): Promise<void> => {
      if (hang) { hung.add(res); return; }
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      let status: number; let json: Json;
      const failure = failures.shift();
      try {
        if (failure) throw new DarajaError(failure.status, failure.errorCode, failure.errorMessage);
        ({ status, json } = await route(req, new URL(req.url ?? '/', 'http://daraja.invalid')));
      } catch (err) {
        // §4.2: one envelope for every API error.
        const e = err instanceof DarajaError ? err : new DarajaError(500, '500.003.1001', 'Internal Server Error');
        status = e.status;
        json = { requestId: `${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(8).toString('hex')}`, errorCode: e.errorCode, errorMessage: e.errorMessage };
      }
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    scriptStk: (...next) => { scripts.push(...next); },
    setLatencyMs: (ms) => { latencyMs = ms; },
    failNext: (count, failure) => { for (let i = 0; i < count; i += 1) failures.push(failure); },
    setHang: (value) => { hang = value; },
    get stkRequests() { return [...stk.values()]; },
    get c2bRegistration() { return c2bRegistration; },
    get c2bDeliveries() { return c2bDeliveries; },
    get tokensIssued() { return tokensIssued; },
    deliverStkCallback,
  };
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new DarajaError(400, '400.002.05', 'Invalid Request Payload');
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Json;
  } catch {
    throw new DarajaError(400, '400.002.05', 'Invalid Request Payload');
  }
}
