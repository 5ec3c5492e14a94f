import type { Kysely } from 'kysely';
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { IncomeEntriesTable, TenantDB } from '../db/tenant-schema';
import type { Actor } from '../context';

export type IncomeSource = IncomeEntriesTable['source'];
export type IncomeMethod = IncomeEntriesTable['method'];

/**
 * Records money received for no subscriber (a voucher sale, an agent's float top-up) inside the caller's
 * transaction, so it shows in the day's collections and the cashier's shift (README "Money"). A reference
 * this method already has — here or in the payment inbox, where an M-Pesa receipt may have arrived — is
 * refused (`payment.duplicate`), so one receipt is never counted twice.
 */
export async function recordIncome(trx: Kysely<TenantDB>, actor: Actor, now: Date, e: {
  source: IncomeSource; method: IncomeMethod; reference: string; amountMinor: number; note: string | null;
}): Promise<string> {
  if (!Number.isSafeInteger(e.amountMinor) || e.amountMinor <= 0) throw new RangeError('income must be a positive integer');
  const clash = await trx.selectFrom('incomeEntries').select('id').where('kind', '=', 'receipt').where('method', '=', e.method).where('reference', '=', e.reference)
    .union(trx.selectFrom('payments').select('id').where('provider', '=', e.method).where('reference', '=', e.reference)).executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', 'payment.duplicate', { params: { reference: e.reference } });
  const id = uuidv7(now.getTime());
  await trx.insertInto('incomeEntries').values({
    id, kind: 'receipt', source: e.source, method: e.method, reference: e.reference, amountMinor: e.amountMinor, reversesEntryId: null,
    note: e.note, recordedByType: actor.kind, recordedById: actor.id, recordedByName: actor.name, createdAt: now.toISOString(),
  }).execute();
  return id;
}

/**
 * Reverses a receipt (minus its amount, at most once) inside the caller's transaction; the receipt is never
 * edited. The reversal is attributed to whoever took the money, as collections attribute a payment credit's
 * reversal to the payment's recorder, so that cashier's day and drawer net out; who reversed it is audited.
 */
export async function reverseIncome(trx: Kysely<TenantDB>, now: Date, receiptId: string, reason: string): Promise<string> {
  const r = await trx.selectFrom('incomeEntries').selectAll().where('id', '=', receiptId).executeTakeFirst();
  // Only reachable through a wiring mistake: callers pass ids they wrote themselves.
  if (!r || r.kind !== 'receipt') throw new Error(`income receipt ${receiptId} not found`);
  const done = await trx.selectFrom('incomeEntries').select('id').where('reversesEntryId', '=', receiptId).executeTakeFirst();
  if (done) throw new AppError('CONFLICT', 'ledger-entry.already-reversed');
  const id = uuidv7(now.getTime());
  await trx.insertInto('incomeEntries').values({
    id, kind: 'reversal', source: r.source, method: r.method, reference: r.reference, amountMinor: -r.amountMinor, reversesEntryId: r.id,
    note: reason, recordedByType: r.recordedByType, recordedById: r.recordedById, recordedByName: r.recordedByName, createdAt: now.toISOString(),
  }).execute();
  return id;
}
