import type { Kysely } from 'kysely';
import type { LedgerReport } from '@shared/contract/payments';
import type { TenantDB } from '../db/tenant-schema';

type Problem = LedgerReport['problems'][number];

const SIGN_OK: Record<string, (amount: number) => boolean> = {
  credit: (a) => a > 0,
  debit: (a) => a < 0,
  adjustment: (a) => a !== 0,
  reversal: () => true,
};

/**
 * Re-derives every wallet of a tenant file from its ledger (issue 10 §1): per subscriber the seq runs
 * 1, 2, 3 … with no gap, each balance_after = previous + amount, amounts carry their kind's sign, a reversal
 * is exactly minus what it reverses (same subscriber); every payment is credited at most once, applied
 * payments have their credit and credits belong to applied payments. Reads only; the triggers and indexes
 * prevent these faults, this finds them in a file that was edited around them (or restored from elsewhere).
 */
export async function verifyLedger(db: Kysely<TenantDB>): Promise<LedgerReport> {
  const problems: Problem[] = [];
  const add = (kind: Problem['kind'], detail: string, ids: { subscriberId?: string; entryId?: string; paymentId?: string } = {}) =>
    problems.push({ kind, detail, subscriberId: ids.subscriberId ?? null, entryId: ids.entryId ?? null, paymentId: ids.paymentId ?? null });

  const entries = await db.selectFrom('ledgerEntries')
    .select(['id', 'subscriberId', 'seq', 'kind', 'amountMinor', 'balanceAfterMinor', 'paymentId', 'reversesEntryId'])
    .orderBy('subscriberId').orderBy('seq').execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const credits = new Map<string, string[]>();
  let current: string | null = null;
  let expectSeq = 1;
  let balance = 0;
  let subscribers = 0;
  for (const e of entries) {
    if (e.subscriberId !== current) {
      current = e.subscriberId;
      expectSeq = 1;
      balance = 0;
      subscribers += 1;
    }
    const ids = { subscriberId: e.subscriberId, entryId: e.id };
    if (e.seq !== expectSeq) add('seq-gap', `expected seq ${expectSeq}, found ${e.seq}`, ids);
    expectSeq = e.seq + 1;
    balance += e.amountMinor;
    if (e.balanceAfterMinor !== balance) {
      add('balance-mismatch', `seq ${e.seq}: balance_after ${e.balanceAfterMinor}, re-derived ${balance}`, ids);
      // Report each break once: continue from the stored value.
      balance = e.balanceAfterMinor;
    }
    if (!(SIGN_OK[e.kind]?.(e.amountMinor) ?? false)) add('sign', `${e.kind} with amount ${e.amountMinor}`, ids);
    if (e.kind === 'reversal') {
      const orig = e.reversesEntryId ? byId.get(e.reversesEntryId) : undefined;
      if (!orig || orig.subscriberId !== e.subscriberId || orig.amountMinor !== -e.amountMinor || orig.kind === 'reversal') {
        add('reversal-mismatch', `reversal of ${e.reversesEntryId ?? 'nothing'} does not mirror it`, ids);
      }
    }
    if (e.kind === 'credit' && e.paymentId) credits.set(e.paymentId, [...(credits.get(e.paymentId) ?? []), e.id]);
  }

  const payments = await db.selectFrom('payments').select(['id', 'status', 'subscriberId']).execute();
  const status = new Map(payments.map((p) => [p.id, p]));
  for (const [paymentId, list] of credits) {
    if (list.length > 1) add('payment-applied-twice', `payment credited ${list.length} times`, { paymentId, entryId: list[1]! });
    const p = status.get(paymentId);
    if (!p || p.status !== 'applied') add('credit-without-applied-payment', `credit of a payment that is ${p?.status ?? 'missing'}`, { paymentId, entryId: list[0]! });
  }
  for (const p of payments) {
    if (p.status === 'applied' && !credits.has(p.id)) add('applied-without-credit', 'applied payment with no credit entry', { paymentId: p.id, ...(p.subscriberId && { subscriberId: p.subscriberId }) });
  }
  return { ok: problems.length === 0, subscribers, entries: entries.length, payments: payments.length, problems };
}
