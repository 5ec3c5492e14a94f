/**
 * Shared by the statement and SMS imports: classify candidate payments for a preview (new / duplicate /
 * unmatched) without writing, and apply them through the payments pipeline in batches.
 *
 * An STK payment credited from a query (no callback, so no receipt: integrations.md §4.4) later shows up in
 * the statement or an SMS under its receipt. Such a row is linked to that STK request instead of being
 * credited again: same amount, same last three phone digits (masks keep them, mpesa-ingestion.md §3) and
 * completed within 30 minutes of the STK answer.
 */
import type { TenantScope } from '../context';
import { ingestPayments, type IncomingPayment } from '../payments/pipeline';
import { matchSubscriber } from '../payments/match';

export interface ImportCandidate {
  payment: IncomingPayment;
  /** Printed phone when masked (`0715***897`): only its last digits are usable. */
  phoneMasked: string | null;
}

export type RowFate = 'new' | 'duplicate' | 'unmatched';

const STK_LINK_WINDOW_MS = 30 * 60_000;
const BATCH = 500;

function lastDigits(text: string | null): string | null {
  const m = /(\d{3})$/.exec(text ?? '');
  return m ? m[1]! : null;
}

async function existingReferences(scope: TenantScope, refs: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < refs.length; i += BATCH) {
    const chunk = refs.slice(i, i + BATCH);
    if (chunk.length === 0) continue;
    const rows = await scope.db.selectFrom('payments').select('reference').where('provider', '=', 'mpesa').where('reference', 'in', chunk).execute();
    for (const r of rows) seen.add(r.reference);
    const stk = await scope.db.selectFrom('stkRequests').select('receipt').where('receipt', 'in', chunk).where('paymentReference', 'is not', null).execute();
    for (const r of stk) if (r.receipt) seen.add(r.receipt);
    // Receipts already taken as voucher-sale or agent-float income (a cashier typed the M-Pesa code): not a second payment.
    const income = await scope.db.selectFrom('incomeEntries').select('reference').where('method', '=', 'mpesa').where('reference', 'in', chunk).execute();
    for (const r of income) seen.add(r.reference);
  }
  return seen;
}

interface StkTwin { id: string; phone: string; amountMinor: number; finishedAt: string | null }

/**
 * Succeeded STK requests credited without a receipt: the only rows a statement or SMS row can be a twin of.
 * Read once per import (a handful at most) instead of one query per row (money.statement_import_50k_ms).
 */
async function unlinkedStkRequests(scope: TenantScope): Promise<StkTwin[]> {
  return scope.db.selectFrom('stkRequests').select(['id', 'phone', 'amountMinor', 'finishedAt'])
    .where('status', '=', 'succeeded').where('receipt', 'is', null).where('paymentReference', 'is not', null).execute();
}

/** The succeeded STK request (credited without a receipt) this row is, if any. */
function stkTwinOf(twins: readonly StkTwin[], c: ImportCandidate): string | null {
  if (twins.length === 0) return null;
  const digits = lastDigits(c.payment.phone) ?? lastDigits(c.phoneMasked);
  if (!digits) return null;
  const at = Date.parse(c.payment.paidAt);
  return twins.find((r) => r.amountMinor === c.payment.amountMinor && r.finishedAt !== null
    && Math.abs(Date.parse(r.finishedAt) - at) <= STK_LINK_WINDOW_MS && lastDigits(r.phone) === digits)?.id ?? null;
}

export async function classifyCandidates(scope: TenantScope, list: readonly ImportCandidate[]): Promise<RowFate[]> {
  const seen = await existingReferences(scope, list.map((c) => c.payment.reference));
  const twins = await unlinkedStkRequests(scope);
  const fates: RowFate[] = [];
  for (const c of list) {
    if (seen.has(c.payment.reference) || stkTwinOf(twins, c)) { fates.push('duplicate'); continue; }
    const match = await matchSubscriber(scope.db, { subscriberId: null, accountRef: c.payment.accountRef, phone: c.payment.phone, phoneHash: c.payment.phoneHash });
    fates.push(match ? 'new' : 'unmatched');
  }
  return fates;
}

export interface ApplyCounts { applied: number; unmatched: number; duplicate: number }

export async function applyCandidates(scope: TenantScope, list: readonly ImportCandidate[]): Promise<ApplyCounts> {
  const counts: ApplyCounts = { applied: 0, unmatched: 0, duplicate: 0 };
  const seen = await existingReferences(scope, list.map((c) => c.payment.reference));
  const twins = await unlinkedStkRequests(scope);
  const fresh: IncomingPayment[] = [];
  for (const c of list) {
    if (seen.has(c.payment.reference)) { counts.duplicate += 1; continue; }
    const twin = stkTwinOf(twins, c);
    if (twin) {
      // Keep the receipt on the STK request: a later import of the same row is then a plain duplicate.
      await scope.db.updateTable('stkRequests').set({ receipt: c.payment.reference }).where('id', '=', twin).where('receipt', 'is', null).execute();
      twins.splice(twins.findIndex((t) => t.id === twin), 1);
      counts.duplicate += 1;
      continue;
    }
    fresh.push(c.payment);
  }
  for (const o of await ingestPayments(scope, fresh)) counts[o.status] += 1;
  return counts;
}
