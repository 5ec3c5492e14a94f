import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { LedgerEntriesTable, TenantDB } from '../db/tenant-schema';
import type { Actor } from '../context';
import { insertJsonRows } from '../db/json-rows';

export type LedgerKind = LedgerEntriesTable['kind'];
export type LedgerSource = LedgerEntriesTable['source'];

/** One entry to append; amountMinor is signed (see the 0013-payments migration). */
export interface NewEntry {
  kind: LedgerKind;
  amountMinor: number;
  source: LedgerSource;
  reference?: string | null;
  paymentId?: string | null;
  reversesEntryId?: string | null;
  reason?: string | null;
}

export interface WalletHead {
  seq: number;
  balanceMinor: number;
}

/** The last entry of a subscriber's wallet (seq 0, balance 0 before the first one). */
export async function walletHead(db: Kysely<TenantDB>, subscriberId: string): Promise<WalletHead> {
  const row = await db.selectFrom('ledgerEntries').select(['seq', 'balanceAfterMinor']).where('subscriberId', '=', subscriberId)
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: row.seq, balanceMinor: row.balanceAfterMinor } : { seq: 0, balanceMinor: 0 };
}

/**
 * Appends entries to a subscriber's wallet inside the caller's transaction: each gets the next seq and the
 * running balance. The only writer of ledger_entries; the table itself refuses updates and deletes.
 */
export type LedgerRow = Insertable<LedgerEntriesTable>;

/** The rows appending `entries` after `head` writes (next seqs, running balance), and the head after them. */
export function planEntries(
  head: WalletHead, subscriberId: string, entries: readonly NewEntry[], actor: Actor, now: Date,
): { ids: string[]; rows: LedgerRow[]; head: WalletHead } {
  const ids: string[] = [];
  const at = now.toISOString();
  const rows = entries.map((e) => {
    const balance = head.balanceMinor + e.amountMinor;
    if (!Number.isSafeInteger(balance)) throw new RangeError('wallet balance overflow');
    head = { seq: head.seq + 1, balanceMinor: balance };
    const id = uuidv7(now.getTime());
    ids.push(id);
    return {
      id, subscriberId, seq: head.seq, kind: e.kind, amountMinor: e.amountMinor, balanceAfterMinor: balance,
      reference: e.reference ?? null, source: e.source, paymentId: e.paymentId ?? null, reversesEntryId: e.reversesEntryId ?? null,
      reason: e.reason ?? null, actorType: actor.kind, actorId: actor.id, actorName: actor.name, createdAt: at,
    };
  });
  return { ids, rows, head };
}

/** Writes planned rows (any subscribers, each subscriber's in seq order) as multi-row inserts. */
export async function insertEntryRows(trx: Kysely<TenantDB>, rows: readonly LedgerRow[]): Promise<void> {
  await insertJsonRows(trx, 'ledgerEntries', rows);
}

/** The last entry of each of these subscribers' wallets (absent: no entry yet), in one query per 500. */
export async function walletHeads(db: Kysely<TenantDB>, subscriberIds: readonly string[]): Promise<Map<string, WalletHead>> {
  const out = new Map<string, WalletHead>();
  for (let i = 0; i < subscriberIds.length; i += 500) {
    // SQLite takes the bare column balance_after_minor from the row holding max(seq).
    const rows = await db.selectFrom('ledgerEntries').select((eb) => ['subscriberId', eb.fn.max('seq').as('seq'), 'balanceAfterMinor'])
      .where('subscriberId', 'in', subscriberIds.slice(i, i + 500)).groupBy('subscriberId').execute();
    for (const r of rows) out.set(r.subscriberId, { seq: Number(r.seq), balanceMinor: r.balanceAfterMinor });
  }
  return out;
}

/**
 * Appends entries to a subscriber's wallet inside the caller's transaction: each gets the next seq and the
 * running balance. The only writer of ledger_entries; the table itself refuses updates and deletes.
 */
export async function appendEntries(
  trx: Kysely<TenantDB>, subscriberId: string, entries: readonly NewEntry[], actor: Actor, now: Date,
): Promise<{ ids: string[]; head: WalletHead }> {
  const plan = planEntries(await walletHead(trx, subscriberId), subscriberId, entries, actor, now);
  await insertEntryRows(trx, plan.rows);
  return { ids: plan.ids, head: plan.head };
}
