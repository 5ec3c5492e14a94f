/**
 * STK push from ISP Desk (integrations.md §4.8 way 1): push, then poll STK query until success, failure or
 * our deadline; a callback (relay or public URL) may finish it first. Success enters the payment pipeline
 * once: the pipeline reference is claimed on the request row before ingesting, so poll and callback racing,
 * or a retry after a crash, ingest the same reference (the pipeline answers `duplicate` the second time).
 */
import { uuidv7 } from '@shared/domain/ids';
import { AppError, type FieldErrors } from '@shared/domain/errors';
import { normalisePhone } from '@shared/domain/phone';
import { stkOutcome, type StkErrorCode } from '@shared/domain/mpesa-stk';
import type { TenantScope } from '../context';
import type { StkRequestsTable } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { ingestPayments } from '../payments/pipeline';
import { recordIncome } from '../payments/other-income';
import { DarajaClientError } from './daraja-client';
import { darajaTimeToUtc } from './daraja-time';
import { darajaClientOf, getMpesaSettings } from './settings';

export interface Sleeper { sleep(ms: number): Promise<void> }
export const realSleeper: Sleeper = { sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** §4.4: poll every ~3–5 s for up to ~2 min (faster polling trips spike arrest 500.003.02). */
export interface PollPolicy { intervalMs: number; maxWaitMs: number }
export const DEFAULT_POLL: PollPolicy = { intervalMs: 4_000, maxWaitMs: 120_000 };

export type StkRequestRow = StkRequestsTable;

export interface StkRequestInput {
  subscriberId: string | null;
  phone: string;
  amountMinor: number;
  /** Account reference shown in the prompt; defaults to the subscriber's account number. */
  accountRef: string | null;
  /** `voucher` for a portal voucher purchase (see finishStk); default `wallet`. */
  purpose?: 'wallet' | 'voucher';
}

/** `Amount` is a whole number of shillings ≥ 1 and ≤ 250,000 (§4.3). */
function wholeShillings(amountMinor: number): number | null {
  return Number.isSafeInteger(amountMinor) && amountMinor % 100 === 0 && amountMinor >= 100 && amountMinor <= 25_000_000 ? amountMinor / 100 : null;
}

function clientCode(err: unknown): StkErrorCode {
  if (err instanceof DarajaClientError) return err.code.replace(/^mpesa\./, '') as StkErrorCode;
  throw err;
}

export async function requestStk(scope: TenantScope, input: StkRequestInput, timeoutMs?: number): Promise<StkRequestRow> {
  const phone = normalisePhone(input.phone);
  const amountWhole = wholeShillings(input.amountMinor);
  const fields: FieldErrors = {};
  if (!phone) fields.phone = 'invalid-phone';
  if (amountWhole === null) fields.amountMinor = 'invalid-value';
  let accountRef = input.accountRef?.trim() || null;
  if (input.subscriberId) {
    const sub = await scope.db.selectFrom('subscribers').select('accountNumber').where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!sub) throw new AppError('NOT_FOUND', 'subscriber.not-found');
    accountRef ??= sub.accountNumber;
  }
  if (!accountRef) fields.accountRef = 'required';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'request.invalid', { fields });
  const settings = await getMpesaSettings(scope);
  const client = await darajaClientOf(scope, timeoutMs);
  const now = scope.core.clock.now();
  const row: StkRequestRow = {
    id: uuidv7(now.getTime()), subscriberId: input.subscriberId, phone: phone!, amountMinor: input.amountMinor, accountRef: accountRef!,
    checkoutRequestId: null, merchantRequestId: null, status: 'pending', resultCode: null, resultDesc: null, errorCode: null,
    receipt: null, paymentReference: null, paymentId: null, purpose: input.purpose ?? 'wallet',
    requestedById: scope.actor.id, requestedByName: scope.actor.name, requestedAt: now.toISOString(), finishedAt: null,
  };
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('stkRequests').values(row).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'mpesa.stk-requested', summary: `STK request of ${amountWhole} to ${phone} (${accountRef})`,
      targetType: 'stk-request', targetId: row.id, details: { subscriberId: input.subscriberId },
    });
  });
  try {
    const ack = await client.stkPush({
      phone254: phone!.replace(/^\+/, ''), amountWhole: amountWhole!, accountRef: accountRef!, description: 'Internet',
      // §4.3: CallBackURL must be a syntactically valid HTTPS URL even when nobody receives it (§4.8).
      callbackUrl: settings.callbackUrl ?? 'https://callback.invalid/mpesa/stk',
    });
    await scope.db.updateTable('stkRequests').set({ checkoutRequestId: ack.checkoutRequestId, merchantRequestId: ack.merchantRequestId })
      .where('id', '=', row.id).execute();
  } catch (err) {
    // The push may not have reached the phone: the row ends here and a retry is a new request (no money moved).
    const code = clientCode(err);
    await scope.db.updateTable('stkRequests')
      .set({ status: code === 'timeout' ? 'timeout' : 'failed', errorCode: code, finishedAt: scope.core.clock.now().toISOString() })
      .where('id', '=', row.id).execute();
  }
  return getStkRequest(scope, row.id);
}

export async function getStkRequest(scope: TenantScope, id: string): Promise<StkRequestRow> {
  const row = await scope.db.selectFrom('stkRequests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'mpesa-stk.not-found');
  return row;
}

/**
 * One step of following a pending request: past the policy's deadline it ends as `timeout` / `stk-no-answer`;
 * otherwise one STK query, and a final answer is recorded. Transient errors (busy, timeout, unreachable) leave
 * it pending. The screen calls this every few seconds (mpesa.stk.status); pollStk loops it.
 */
export async function refreshStk(scope: TenantScope, id: string, policy: PollPolicy = DEFAULT_POLL): Promise<StkRequestRow> {
  const row = await getStkRequest(scope, id);
  if (row.status !== 'pending' || !row.checkoutRequestId) return row;
  const none = { resultCode: null, resultDesc: null, receipt: null, paidAt: null };
  // Past the deadline we still ask once: a customer who paid at the last second must not end as "no answer".
  const pastDeadline = scope.core.clock.now().getTime() - Date.parse(row.requestedAt) >= policy.maxWaitMs;
  const noAnswer = () => finishStk(scope, row, { status: 'timeout', errorCode: 'stk-no-answer', ...none });
  const client = await darajaClientOf(scope);
  let answer;
  try {
    answer = await client.stkQuery(row.checkoutRequestId);
  } catch (err) {
    const code = clientCode(err);
    if (code === 'busy' || code === 'timeout' || code === 'unreachable') return pastDeadline ? noAnswer() : row;
    return finishStk(scope, row, { status: 'failed', errorCode: code, ...none });
  }
  if (answer.state === 'pending') return pastDeadline ? noAnswer() : row;
  return finishStk(scope, row, { ...stkOutcome(answer.resultCode), resultCode: String(answer.resultCode), resultDesc: answer.resultDesc, receipt: null, paidAt: null });
}

/** Follows a request to its end: sleep, refresh, until final (the sleeper moves a fake clock in tests). */
export async function pollStk(scope: TenantScope, id: string, sleeper: Sleeper = realSleeper, policy: PollPolicy = DEFAULT_POLL): Promise<StkRequestRow> {
  let row = await getStkRequest(scope, id);
  while (row.status === 'pending' && row.checkoutRequestId) {
    await sleeper.sleep(policy.intervalMs);
    row = await refreshStk(scope, id, policy);
  }
  return row;
}

interface Finish {
  status: StkRequestRow['status'];
  errorCode: StkErrorCode | null;
  resultCode: string | null;
  resultDesc: string | null;
  receipt: string | null;
  paidAt: string | null;
}

/**
 * Records the outcome (first final answer wins; a later receipt is still kept) and, on success, ingests the
 * payment under the reference claimed on the row: the M-Pesa receipt when known, else `STK-<CheckoutRequestID>`.
 */
export async function finishStk(scope: TenantScope, row: StkRequestRow, f: Finish): Promise<StkRequestRow> {
  const now = scope.core.clock.now().toISOString();
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('stkRequests')
      .set({ status: f.status, errorCode: f.errorCode, resultCode: f.resultCode, resultDesc: f.resultDesc, finishedAt: now })
      .where('id', '=', row.id).where('status', '=', 'pending').execute();
    if (f.receipt) await trx.updateTable('stkRequests').set({ receipt: f.receipt }).where('id', '=', row.id).where('receipt', 'is', null).execute();
    if (f.status === 'succeeded') {
      await trx.updateTable('stkRequests').set({ paymentReference: f.receipt ?? `STK-${row.checkoutRequestId ?? row.id}` })
        .where('id', '=', row.id).where('paymentReference', 'is', null).execute();
    }
  });
  const current = await getStkRequest(scope, row.id);
  if (current.status === 'succeeded' && current.paymentReference && current.purpose === 'voucher') {
    await recordVoucherIncome(scope, current, f.paidAt ?? current.finishedAt ?? now);
  } else if (current.status === 'succeeded' && current.paymentReference) {
    const [outcome] = await ingestPayments(scope, [{
      provider: 'mpesa', reference: current.paymentReference, amountMinor: current.amountMinor, paidAt: f.paidAt ?? current.finishedAt ?? now,
      accountRef: current.accountRef, phone: current.phone, phoneHash: null, payerName: null, channel: 'stk', subscriberId: current.subscriberId,
    }]);
    if (outcome && !current.paymentId) {
      await scope.db.updateTable('stkRequests').set({ paymentId: outcome.paymentId }).where('id', '=', row.id).execute();
    }
  }
  return getStkRequest(scope, row.id);
}

/**
 * A portal voucher purchase paid: the money is voucher-sale income (collections by method, README "Money"),
 * never a wallet credit — the payer's phone may belong to a subscriber, who must not be renewed by it.
 * Idempotent like the pipeline: the reference claimed on the row is recorded once, whichever of poll,
 * callback or follow-up job gets here first or again.
 */
async function recordVoucherIncome(scope: TenantScope, row: StkRequestRow, paidAt: string): Promise<void> {
  const reference = row.paymentReference!;
  await scope.db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('incomeEntries').select('id').where('method', '=', 'mpesa').where('reference', '=', reference).executeTakeFirst();
    if (known) return;
    await recordIncome(trx, scope.actor, new Date(paidAt), { source: 'voucher-sale', method: 'mpesa', reference, amountMinor: row.amountMinor, note: `portal ${row.accountRef}` });
  });
}

/**
 * Daraja's STK callback (§4.3): `Body.stkCallback`; items read by Name (a value-less `Balance` occurs);
 * keyed on CheckoutRequestID (AccountReference is not returned). Unknown requests are ignored.
 */
export async function handleStkCallback(scope: TenantScope, body: unknown): Promise<StkRequestRow | null> {
  const cb = (body as { Body?: { stkCallback?: Record<string, unknown> } } | null)?.Body?.stkCallback;
  if (!cb || typeof cb.CheckoutRequestID !== 'string') return null;
  const row = await scope.db.selectFrom('stkRequests').selectAll().where('checkoutRequestId', '=', cb.CheckoutRequestID).executeTakeFirst();
  if (!row) return null;
  const resultCode = Number(cb.ResultCode);
  if (!Number.isInteger(resultCode)) return row;
  const items = (cb.CallbackMetadata as { Item?: { Name?: unknown; Value?: unknown }[] } | undefined)?.Item ?? [];
  const item = (name: string): unknown => items.find((i) => i.Name === name)?.Value;
  const receipt = typeof item('MpesaReceiptNumber') === 'string' ? String(item('MpesaReceiptNumber')).toUpperCase() : null;
  const paidAt = item('TransactionDate') === undefined ? null : darajaTimeToUtc(String(item('TransactionDate')));
  return finishStk(scope, row, { ...stkOutcome(resultCode), resultCode: String(resultCode), resultDesc: typeof cb.ResultDesc === 'string' ? cb.ResultDesc : null, receipt, paidAt });
}

/**
 * Follows every request still pending, so one whose screen was closed (or whose office lost power) still ends
 * and, if paid, enters the pipeline. Run by the `mpesa.stk-follow-up` job as `system:mpesa`; one request's
 * fault never stops the others.
 */
export async function followPendingStk(scope: TenantScope, policy: PollPolicy = DEFAULT_POLL): Promise<{ checked: number; ended: number; failed: number }> {
  const pending = await scope.db.selectFrom('stkRequests').select('id')
    .where('status', '=', 'pending').where('checkoutRequestId', 'is not', null).orderBy('requestedAt').execute();
  let ended = 0;
  let failed = 0;
  for (const { id } of pending) {
    try {
      if ((await refreshStk(scope, id, policy)).status !== 'pending') ended += 1;
    } catch {
      failed += 1;
    }
  }
  return { checked: pending.length, ended, failed };
}
