import type { DiagnosisNote } from '../contract/diagnosis';

/** One error envelope for both transports (Electron IPC and HTTP). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What went wrong, as a key with typed parameters. Core never words an error: the renderer's locale has
 * one entry per key (`Record<ErrorKey, string>`), so adding a key here fails its typecheck until it has words.
 */
export interface ErrorParams {
  'request.invalid': Record<never, never>;
  'request.unknown-channel': { channel: string };
  'request.bad-output': Record<never, never>;
  'request.internal': Record<never, never>;
  /** The renderer's bridge could not reach main, or main's answer was not understood. */
  'transport.unreachable': Record<never, never>;
  'transport.bad-response': { status: number };
  'db.busy': Record<never, never>;
  'db.value-in-use': Record<never, never>;
  'db.too-new': Record<never, never>;

  'auth.sign-in-required': Record<never, never>;
  'auth.session-expired': Record<never, never>;
  'auth.platform-only': Record<never, never>;
  'auth.tenant-only': Record<never, never>;
  'auth.account-gone': Record<never, never>;
  'auth.account-inactive': Record<never, never>;
  'auth.tenant-gone': Record<never, never>;
  'auth.tenant-suspended': Record<never, never>;
  'auth.role-forbidden': Record<never, never>;
  'auth.password-change-required': Record<never, never>;
  'auth.wrong-credentials': Record<never, never>;
  'auth.rate-limited': { minutes: number };
  'auth.unknown-profile': Record<never, never>;
  'auth.account-deactivated': Record<never, never>;
  'auth.password-must-differ': Record<never, never>;
  'auth.wrong-current-password': Record<never, never>;
  'auth.password-weak': Record<never, never>;
  'auth.role-revoked': Record<never, never>;

  'setup.already-done': Record<never, never>;
  'setup.tenant-required': Record<never, never>;

  'tenant.not-found': Record<never, never>;
  'tenant.name-taken': { name: string };
  'tenant.confirm-name-mismatch': Record<never, never>;
  'tenant.folder-not-deleted': { folder: string };
  'transfer.not-export-file': Record<never, never>;
  'transfer.damaged': Record<never, never>;
  'transfer.wrong-passphrase': Record<never, never>;
  'transfer.newer-version': Record<never, never>;
  'transfer.already-here': { name: string };
  'transfer.leftover-folder': Record<never, never>;
  'transfer.old-format': Record<never, never>;
  'upload.unknown-purpose': Record<never, never>;
  'upload.gone': Record<never, never>;
  'upload.in-use': Record<never, never>;
  'upload.too-large': { maxMiB: number };

  'staff.not-found': Record<never, never>;
  'staff.email-taken': Record<never, never>;
  'staff.last-admin-role': Record<never, never>;
  'staff.cannot-deactivate-self': Record<never, never>;
  'staff.last-admin-deactivate': Record<never, never>;

  'router.not-found': Record<never, never>;
  'router.address-taken': { name: string; host: string; port: number };
  'router.tls-off': Record<never, never>;
  'router.item-gone': Record<never, never>;
  /** The router refused a change; its own (RouterOS) words are passed on. */
  'router.refused': { routerMessage: string };
  /** The router could not be reached or used: worded like a diagnosis (message and hint). */
  'router.unavailable': { note: DiagnosisNote };
  'router.no-export': Record<never, never>;
  /** The export could not be read back: reason says which way (the renderer words each). */
  'backup.unreadable': { sizeBytes: number; readBytes: number; routerOsVersion: string };
  'backup.not-found': Record<never, never>;
  'backup.different-routers': Record<never, never>;
  'stream.not-found': Record<never, never>;
  'stream.too-many': Record<never, never>;
  'alert.not-found': Record<never, never>;
  /** A demo-only action (play an outage) asked of a real ISP. */
  'demo.only-demo': Record<never, never>;
  'job.not-found': Record<never, never>;
  /** Run now while a run of the job is in progress (jobs never overlap). */
  'job.running': Record<never, never>;

  'package.not-found': Record<never, never>;
  'package.name-taken': { name: string };
  /** Delete or router removal refused while subscribers use the package. */
  'package.in-use': { count: number };
  'package.invalid': Record<never, never>;
  'subscriber.not-found': Record<never, never>;
  /** Field errors say which fields (taken, outside pool, package of another router, …). */
  'subscriber.invalid': Record<never, never>;
  'subscriber.no-password': Record<never, never>;
  /** A bulk apply whose rows changed after the preview: preview again. */
  'subscriber.bulk-stale': Record<never, never>;
  'subscriber.bulk-too-many': { max: number };
  'sync-object.not-found': Record<never, never>;
  'drift.not-found': Record<never, never>;
  /** The drift action does not apply to this kind of drift (e.g. "apply ours" on a foreign item). */
  'drift.action-not-possible': { kind: string; action: string };
  /** "Adopt theirs" for an object whose owning domain registered no adoption. */
  'drift.no-owner': { ownerType: string };
  /** "Adopt theirs" of a secret whose router profile no package on that router uses. */
  'drift.profile-unknown': { profile: string };
  /** "Adopt theirs" of a secret enabled on the router while the subscription has expired: extend instead. */
  'drift.adopt-expired': { accountNumber: string };
  /** "Adopt theirs" of a static queue whose max-limit no static package on that router has. */
  'drift.rate-unknown': { rate: string };
  /** Enforcement objects depend on the RouterOS major version, not yet read from this router. */
  'enforcement.version-unknown': Record<never, never>;
  /** An adoption of the same router is already running. */
  'adoption.running': Record<never, never>;
  'payment.not-found': Record<never, never>;
  /** Assign / set aside a payment that is no longer in the unmatched queue. */
  'payment.not-unmatched': { status: string };
  /** A manual payment whose reference this method already has. */
  'payment.duplicate': { reference: string };
  'ledger-entry.not-found': Record<never, never>;
  /** Package change to the package the subscriber already has. */
  'package-change.same-package': Record<never, never>;
  /** "Now with pro-rata credit" to a package without a price (nothing to buy periods with). */
  'package-change.no-price': Record<never, never>;
  /** "Now with pro-rata credit" would leave a subscriber with paid time unable to buy the new package. */
  'package-change.balance-short': { shortMinor: number };
  /** Opening a shift while one is open, or closing when none is. */
  'shift.already-open': Record<never, never>;
  'shift.not-open': Record<never, never>;
  'ledger-entry.already-reversed': Record<never, never>;
  /** A reversal is itself never reversed: record an adjustment instead. */
  'ledger-entry.not-reversible': Record<never, never>;
  /** M-Pesa credentials or shortcode not saved yet (Settings → M-Pesa). */
  'mpesa.not-configured': Record<never, never>;
  'mpesa-stk.not-found': Record<never, never>;
  /** The uploaded file is not an M-Pesa statement (or an old .xls workbook): nothing was read from it. */
  'mpesa.statement-rejected': { reason: 'not-a-statement' | 'empty' | 'unsupported-format' };
  'invoice.not-found': Record<never, never>;
  /** Issue / void an invoice whose status does not allow it (issued twice, void again). */
  'invoice.wrong-status': { status: string };
  /** Void refused: payments are already allocated to it (reverse them first). */
  'invoice.has-payments': { paidMinor: number };
  'hotspot-plan.not-found': Record<never, never>;
  'hotspot-plan.name-taken': { name: string };
  /** Another plan already maintains a user profile of that name on the router. */
  'hotspot-plan.profile-taken': { name: string };
  /** New batches are refused on a disabled plan. */
  'hotspot-plan.disabled': Record<never, never>;
  'voucher-batch.not-found': Record<never, never>;
  /** The code length and charset cannot hold this many more unique codes (make codes longer). */
  'voucher-batch.code-space': { count: number };
  'voucher.not-found': Record<never, never>;
  'voucher.revoked': Record<never, never>;
  'voucher.not-on-router': Record<never, never>;
  /** Printing needs the hotspot's DNS name (the QR login URL's host) on these plans. */
  'voucher-print.no-dns-name': { plans: string };
  /** The selection holds more vouchers than one PDF may. */
  'voucher-print.too-many': { count: number; max: number };
  /** Nothing printable matched (none, or all revoked). */
  'voucher-print.not-found': Record<never, never>;
  'voucher-template.not-found': Record<never, never>;
  'voucher-template.name-taken': { name: string };
  /** A template refused on save or preview: the first problem found (all of them are in the preview's list). */
  'voucher-template.invalid': { problem: string; detail: string; count: number };
  /** Every voucher of the batch is revoked: nothing to print. */
  'voucher-template.no-vouchers': Record<never, never>;
  'agent.not-found': Record<never, never>;
  'agent.name-taken': { name: string };
  /** The agent's float cannot pay (a purchase), or would go below zero (a debit, reversing a spent top-up). */
  'agent.float-short': { shortMinor: number };
  'agent-entry.not-found': Record<never, never>;
  'agent-entry.already-reversed': Record<never, never>;
  /** Purchases are undone by nobody (the vouchers are out); reversals are never reversed. */
  'agent-entry.not-reversible': { kind: string };
  /** Fewer unused, unsold vouchers than asked for (of the plan, or none left in the batch). */
  'voucher-sale.stock-short': { available: number };
  /** Chosen vouchers already sold or revoked: nothing was sold. */
  'voucher-sale.not-available': { codes: string };
  /** Chosen vouchers of more than one plan: a sale is of one plan. */
  'voucher-sale.one-plan': Record<never, never>;
  /** A report range longer than a year, or ending before it starts. */
  'voucher-sale.bad-range': { maxDays: number };
  /** Installing the portal needs a LAN address for the app first (portal settings). */
  'portal.not-configured': Record<never, never>;
  /** Reversal of a payment's credit refused: it is allocated to these invoices (void or re-issue them first). */
  'invoice.payment-allocated': { numbers: string };
}
export type ErrorKey = keyof ErrorParams;
export type ErrorMessage = { [K in ErrorKey]: { key: K; params: ErrorParams[K] } }[ErrorKey];
export type NotFoundKey = Extract<ErrorKey, `${string}.not-found`>;

/**
 * Field-level error codes core sets next to an input field (the renderer words them, `fieldErrors`).
 * Field messages from the contract's zod schemas arrive as the schema's own text.
 */
export const FIELD_CODES = [
  'required', 'taken', 'wrong-passphrase', 'damaged-file', 'not-export-file', 'already-here', 'type-name-exactly',
  'last-admin', 'must-differ', 'not-current-password', 'same-router', 'tls-off', 'router-refused',
  // Password policy and text rules (src-shared/domain/password-policy.ts, text.ts).
  'old-format', 'choose-again', 'in-use', 'too-large',
  // Packages and subscribers.
  'outside-pool', 'pool-exhausted', 'package-other-router', 'package-disabled', 'wrong-service-type', 'invalid-phone',
  'unknown-router', 'unknown-package', 'invalid-value', 'pool-required', 'profile-required',
  'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_COMMON', 'PASSWORD_IS_EMAIL', 'PASSWORD_IS_NAME', 'TEXT_CONTROL_CHARS',
  // Uploads.
  'not-an-image',
  // Voucher templates (src-shared/domain/voucher-template.ts TEMPLATE_PROBLEMS, prefixed).
  'template-script', 'template-event-handler', 'template-unsafe-url', 'template-external-url', 'template-element', 'template-attribute',
  'template-css-property', 'template-css-value', 'template-unknown-variable', 'template-variable-in-attribute', 'template-empty',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];
export type FieldErrors = Record<string, FieldCode>;

export function isFieldCode(v: string): v is FieldCode {
  return (FIELD_CODES as readonly string[]).includes(v);
}

interface ErrorBase {
  code: ErrorCode;
  /** Field path (dot-joined, '' for the whole input) → a FieldCode, or the contract schema's message. */
  fields?: Record<string, string>;
  /** Machine-readable detail, e.g. a router diagnosis kind. */
  reason?: string;
}

/**
 * Errors from the dispatcher carry `key` + `params`. Transports that refuse a request before the
 * dispatcher runs (unknown host, bad JSON…) send only a developer `message`; the renderer words those
 * by `code`.
 */
export type ErrorBody = ErrorBase & (ErrorMessage | { key?: undefined; params?: undefined; message: string });

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

type Extras<K extends ErrorKey> = { fields?: FieldErrors; reason?: string } & (Record<never, never> extends ErrorParams[K]
  ? { params?: ErrorParams[K] }
  : { params: ErrorParams[K] });

/** Thrown by services; only the dispatcher turns it into an envelope. The Error message is the key (logs). */
export class AppError<K extends ErrorKey = ErrorKey> extends Error {
  readonly params: ErrorParams[K];
  readonly fields: FieldErrors | undefined;
  readonly reason: string | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly key: K,
    ...[extras]: Record<never, never> extends ErrorParams[K] ? [extras?: Extras<K>] : [extras: Extras<K>]
  ) {
    super(key);
    this.name = 'AppError';
    this.params = (extras?.params ?? {}) as ErrorParams[K];
    this.fields = extras?.fields;
    this.reason = extras?.reason;
  }

  toBody(): ErrorBody {
    const body = { code: this.code, key: this.key, params: this.params } as ErrorBody;
    if (this.fields) body.fields = this.fields;
    if (this.reason) body.reason = this.reason;
    return body;
  }
}

export const notFound = (key: NotFoundKey): AppError => new AppError('NOT_FOUND', key);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
