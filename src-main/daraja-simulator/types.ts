/** Options, scripted outcomes and the handle of the fake Daraja server (see server.ts for the behaviours). */

/** STK result codes from integrations.md §4.3 / mpesa-ingestion.md §5 (any other number is allowed too). */
export type StkResultCode = 0 | 1 | 1001 | 1019 | 1025 | 1032 | 1037 | 2001 | 9999 | number;

export interface StkScript {
  resultCode: StkResultCode;
  /** How many STK queries answer "still processing" before the result (the customer has not answered yet). */
  pendingQueries?: number;
  /** Pending as the 2018 HTTP 500 `500.001.1001` envelope (default) or the 2025 sandbox 200 `ResultCode 4999` (§5). */
  pendingStyle?: '500.001.1001' | '4999';
  /** POST the stkCallback to the request's CallBackURL once the result is final (default false). */
  sendCallback?: boolean;
}

export interface DarajaFailure {
  status: number;
  errorCode: string;
  errorMessage: string;
}

export interface DarajaSimulatorOptions {
  consumerKey: string;
  consumerSecret: string;
  /** Lipa Na M-Pesa shortcode (paybill, or the store number for a till) and its passkey. */
  shortcode: string;
  passkey: string;
  /** Till number for CustomerBuyGoodsOnline (PartyB must equal it). */
  till?: string;
  /** Seconds a token lives; Daraja: 3599 (integrations.md §4.1). */
  tokenTtlSeconds?: number;
  /** `expires_in` as the string "3599" (what many clients report) or as the documented number. */
  expiresInAsString?: boolean;
  /** Time source for token expiry, TransTime and receipts; tests inject a fake clock. */
  now?: () => Date;
  /** The sandbox takes http callbacks from tests; production insists on public HTTPS (§4.3). */
  requireHttpsCallback?: boolean;
  /** Production answers a second C2B registration with `500.003.1001 Urls are already registered` (§4.5). */
  registerOnce?: boolean;
  /** How C2B confirmations carry the MSISDN (mpesa-ingestion.md §4): SHA-256 hex (production since 2024), masked, or plain. */
  msisdnStyle?: 'hash' | 'masked' | 'plain';
}

export interface StkRecord {
  checkoutRequestId: string;
  merchantRequestId: string;
  body: Record<string, unknown>;
  script: StkScript;
  queries: number;
  receipt: string | null;
  callbackDelivered: boolean;
}

export interface C2bDelivery {
  url: string;
  kind: 'validation' | 'confirmation';
  payload: Record<string, string>;
  status: number | null;
  reply: unknown;
}

export interface DarajaSimulator {
  readonly url: string;
  close(): Promise<void>;
  /** Outcome of the next STK pushes, in order; when empty, pushes succeed after one pending query. */
  scriptStk(...scripts: StkScript[]): void;
  /** Every response waits this long (a slow Daraja); 0 = answer at once. */
  setLatencyMs(ms: number): void;
  /** The next `count` requests (any path) answer with this error envelope (spike arrest, outages). */
  failNext(count: number, failure: DarajaFailure): void;
  /** Requests are accepted but never answered until `close` (a hung connection). */
  setHang(hang: boolean): void;
  readonly stkRequests: readonly StkRecord[];
  readonly c2bRegistration: { shortcode: string; responseType: string; confirmationUrl: string; validationUrl: string } | null;
  readonly c2bDeliveries: readonly C2bDelivery[];
  /** Number of OAuth tokens issued (token caching is observable). */
  readonly tokensIssued: number;
  /** POST the stkCallback of a finished request to its CallBackURL (or `url`), as Daraja does. */
  deliverStkCallback(checkoutRequestId: string, url?: string): Promise<number>;
}
