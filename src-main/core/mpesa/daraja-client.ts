/**
 * Daraja (M-Pesa) HTTP client: OAuth with token caching, STK push, STK query and C2B register
 * (integrations.md §4.1–4.5). Every call has a deadline (AbortSignal) and failures come back as
 * DarajaClientError codes with params — never English for people.
 */
import type { Clock } from '../ports';
import { darajaPassword, darajaTimestamp } from './daraja-time';

export interface DarajaConfig {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** Paybill number, or for a till the store (HO) number used at Go-Live. */
  shortcode: string;
  passkey: string;
  type: 'paybill' | 'buygoods';
  /** Till number (PartyB) when type is buygoods. */
  till: string | null;
}

export const DARAJA_ERROR_CODES = [
  'mpesa.timeout', 'mpesa.unreachable', 'mpesa.auth-failed', 'mpesa.rejected', 'mpesa.busy', 'mpesa.bad-response',
] as const;
export type DarajaErrorCode = (typeof DARAJA_ERROR_CODES)[number];

export class DarajaClientError extends Error {
  constructor(readonly code: DarajaErrorCode, readonly params: { darajaCode?: string; status?: number } = {}) {
    super(`${code}${params.darajaCode ? ` ${params.darajaCode}` : ''}`);
  }
}

export type StkQueryAnswer =
  | { state: 'pending' }
  | { state: 'done'; resultCode: number; resultDesc: string };

export interface StkPushInput { phone254: string; amountWhole: number; accountRef: string; description: string; callbackUrl: string }
export interface StkPushAck { checkoutRequestId: string; merchantRequestId: string }

type Fetch = typeof fetch;

/** Refresh a little before Daraja's expiry so a request never carries a token that dies on the way. */
const TOKEN_MARGIN_MS = 60_000;

export class DarajaClient {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly config: DarajaConfig,
    private readonly clock: Clock,
    private readonly timeoutMs = 15_000,
    private readonly fetchFn: Fetch = fetch,
  ) {}

  /** §4.1: GET with Basic auth; `expires_in` may be a number or a string. */
  async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && now < this.token.expiresAt - TOKEN_MARGIN_MS) return this.token.value;
    const basic = Buffer.from(`${this.config.consumerKey}:${this.config.consumerSecret}`).toString('base64');
    const { status, json } = await this.send('GET', '/oauth/v1/generate?grant_type=client_credentials', { authorization: `Basic ${basic}` });
    if (status !== 200) throw errorFrom(status, json, true);
    const value = json.access_token;
    const expiresIn = Number(json.expires_in);
    if (typeof value !== 'string' || value === '' || !Number.isFinite(expiresIn)) throw new DarajaClientError('mpesa.bad-response', { status });
    this.token = { value, expiresAt: now + expiresIn * 1000 };
    return value;
  }

  /** §4.3 STK push; ResponseCode "0" means accepted for processing (the customer has not answered yet). */
  async stkPush(input: StkPushInput): Promise<StkPushAck> {
    const timestamp = darajaTimestamp(this.clock.now());
    const buyGoods = this.config.type === 'buygoods';
    const json = await this.api('/mpesa/stkpush/v1/processrequest', {
      BusinessShortCode: this.config.shortcode,
      Password: darajaPassword(this.config.shortcode, this.config.passkey, timestamp),
      Timestamp: timestamp,
      TransactionType: buyGoods ? 'CustomerBuyGoodsOnline' : 'CustomerPayBillOnline',
      Amount: String(input.amountWhole),
      PartyA: input.phone254,
      PartyB: buyGoods ? (this.config.till ?? '') : this.config.shortcode,
      PhoneNumber: input.phone254,
      CallBackURL: input.callbackUrl,
      // §4.3: AccountReference max 12 characters, TransactionDesc max 13.
      AccountReference: input.accountRef.slice(0, 12),
      TransactionDesc: input.description.slice(0, 13),
    });
    if (String(json.ResponseCode) !== '0' || typeof json.CheckoutRequestID !== 'string') {
      throw new DarajaClientError('mpesa.rejected', { darajaCode: String(json.ResponseCode ?? '') });
    }
    return { checkoutRequestId: json.CheckoutRequestID, merchantRequestId: String(json.MerchantRequestID ?? '') };
  }

  /**
   * §4.4 / mpesa-ingestion.md §5: pending is either HTTP 500 `500.001.1001` or 200 `ResultCode 4999`;
   * otherwise ResultCode (a string here) is final.
   */
  async stkQuery(checkoutRequestId: string): Promise<StkQueryAnswer> {
    const timestamp = darajaTimestamp(this.clock.now());
    let json: Record<string, unknown>;
    try {
      json = await this.api('/mpesa/stkpushquery/v1/query', {
        BusinessShortCode: this.config.shortcode,
        Password: darajaPassword(this.config.shortcode, this.config.passkey, timestamp),
        Timestamp: timestamp,
        CheckoutRequestID: checkoutRequestId,
      });
    } catch (err) {
      if (err instanceof DarajaClientError && err.params.darajaCode === '500.001.1001') return { state: 'pending' };
      throw err;
    }
    const resultCode = Number(json.ResultCode);
    if (json.ResultCode === undefined || !Number.isInteger(resultCode)) throw new DarajaClientError('mpesa.bad-response', { status: 200 });
    if (resultCode === 4999) return { state: 'pending' };
    return { state: 'done', resultCode, resultDesc: String(json.ResultDesc ?? '') };
  }

  /** §4.5: ResponseType is exactly `Completed` or `Cancelled`. */
  async c2bRegister(confirmationUrl: string, validationUrl: string, responseType: 'Completed' | 'Cancelled'): Promise<void> {
    const json = await this.api('/mpesa/c2b/v2/registerurl', {
      ShortCode: this.config.type === 'buygoods' ? (this.config.till ?? this.config.shortcode) : this.config.shortcode,
      ResponseType: responseType, ConfirmationURL: confirmationUrl, ValidationURL: validationUrl,
    });
    if (String(json.ResponseCode) !== '0') throw new DarajaClientError('mpesa.rejected', { darajaCode: String(json.ResponseCode ?? '') });
  }

  /** A Bearer call; a token Daraja no longer accepts (404.001.03, or a newer one issued elsewhere) is renewed once. */
  private async api(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken();
      const { status, json } = await this.send('POST', path, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body);
      if (status === 200) return json;
      const error = errorFrom(status, json, false);
      if (error.params.darajaCode === '404.001.03' && attempt === 0) { this.token = null; continue; }
      throw error;
    }
  }

  private async send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    let res: Response;
    try {
      res = await this.fetchFn(new URL(path, this.config.baseUrl), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      throw new DarajaClientError(name === 'TimeoutError' || name === 'AbortError' ? 'mpesa.timeout' : 'mpesa.unreachable');
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new DarajaClientError('mpesa.timeout');
      throw new DarajaClientError('mpesa.bad-response', { status: res.status });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DarajaClientError('mpesa.bad-response', { status: res.status });
    return { status: res.status, json: json as Record<string, unknown> };
  }
}

/** §4.2 envelope → a code: bad credentials, spike arrest / quota (busy), anything else rejected with Daraja's code. */
function errorFrom(status: number, json: Record<string, unknown>, isOauth: boolean): DarajaClientError {
  const darajaCode = typeof json.errorCode === 'string' ? json.errorCode : undefined;
  if (isOauth && (status === 400 || status === 401)) return new DarajaClientError('mpesa.auth-failed', { darajaCode, status });
  if (darajaCode === '500.003.02' || darajaCode === '500.003.03') return new DarajaClientError('mpesa.busy', { darajaCode, status });
  if (!darajaCode) return new DarajaClientError('mpesa.bad-response', { status });
  return new DarajaClientError('mpesa.rejected', { darajaCode, status });
}
