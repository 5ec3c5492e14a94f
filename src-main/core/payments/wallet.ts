import type { Kysely, Selectable } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { AppError, notFound } from '@shared/domain/errors';
import type { LedgerEntriesTable, TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { pageQuery } from '../paging';
import { kickRouters } from '../subscribers/renew';
import { renewFromWallet } from './apply';
import { appendEntries, walletHead } from './ledger';
import { runReversalChecks } from './applied-hooks';

type EntryRow = Selectable<LedgerEntriesTable>;
type EntryDto = OutputOf<'wallet.get'>['entries']['items'][number];

export function toEntry(r: EntryRow, reversed: boolean): EntryDto {
  return {
    id: r.id, seq: r.seq, kind: r.kind, amountMinor: r.amountMinor, balanceAfterMinor: r.balanceAfterMinor, reference: r.reference, source: r.source,
    paymentId: r.paymentId, reversesEntryId: r.reversesEntryId, reversed, reason: r.reason,
    actor: { kind: r.actorType, id: r.actorId, name: r.actorName }, createdAt: r.createdAt,
  };
}

async function reversedIds(db: Kysely<TenantDB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('ledgerEntries').select('reversesEntryId').where('kind', '=', 'reversal').where('reversesEntryId', 'in', ids).execute();
  return new Set(rows.map((r) => r.reversesEntryId!));
}

async function mustFindLiveSubscriber(db: Kysely<TenantDB>, id: string): Promise<{ id: string; accountNumber: string }> {
  const s = await db.selectFrom('subscribers').select(['id', 'accountNumber']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!s) throw notFound('subscriber.not-found');
  return s;
}

/** Balance and entries newest first; the balance is the last entry's running balance (an index read). */
export async function getWallet(scope: TenantScope, input: ParsedInputOf<'wallet.get'>): Promise<OutputOf<'wallet.get'>> {
  const exists = await scope.db.selectFrom('subscribers').select('id').where('id', '=', input.subscriberId).executeTakeFirst();
  if (!exists) throw notFound('subscriber.not-found');
  const head = await walletHead(scope.db, input.subscriberId);
  const page = await pageQuery(scope.db.selectFrom('ledgerEntries').where('subscriberId', '=', input.subscriberId), {
    page: input, select: (qb) => qb.selectAll(), sort: [{ by: 'seq', dir: 'desc' }],
    // seq is gapless from 1 (ledger invariant), so the count is the last seq.
    count: () => Promise.resolve(head.seq),
  });
  const rev = await reversedIds(scope.db, page.items.map((e) => e.id));
  return { subscriberId: input.subscriberId, balanceMinor: head.balanceMinor, entries: { ...page, items: page.items.map((e) => toEntry(e, rev.has(e.id))) } };
}

/**
 * A manual credit or debit with a reason (an `adjustment` entry). A credit then runs the renewal like a
 * payment would; a debit may take the balance below zero (an installation fee owed), which the next
 * payment covers first.
 */
export async function adjustWallet(scope: TenantScope, input: ParsedInputOf<'wallet.adjust'>): Promise<OutputOf<'wallet.adjust'>> {
  const now = scope.core.clock.now();
  let routers: string[] = [];
  const out = await scope.db.transaction().execute(async (trx) => {
    const s = await mustFindLiveSubscriber(trx, input.subscriberId);
    const amount = input.direction === 'credit' ? input.amountMinor : -input.amountMinor;
    const { ids: [entryId], head } = await appendEntries(trx, s.id, [{ kind: 'adjustment', amountMinor: amount, source: 'manual', reason: input.reason }], scope.actor, now);
    const renewal = input.direction === 'credit'
      ? await renewFromWallet(trx, scope, s.id, null, now)
      : { periods: 0, balanceMinor: head.balanceMinor, expiresAt: null, routers: [] };
    routers = renewal.routers;
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'wallet.adjusted', summary: `Wallet of ${s.accountNumber}: manual ${input.direction} of ${input.amountMinor} minor: ${input.reason}`,
      targetType: 'subscriber', targetId: s.id, details: { entryId, amountMinor: amount, reason: input.reason, periods: renewal.periods },
    });
    const entry = await trx.selectFrom('ledgerEntries').selectAll().where('id', '=', entryId!).executeTakeFirstOrThrow();
    return { entry: toEntry(entry, false), balanceMinor: renewal.balanceMinor, periods: renewal.periods, expiresAt: renewal.expiresAt };
  });
  kickRouters(scope, routers);
  return out;
}

/**
 * Reverses one entry: a new `reversal` entry of the opposite amount (the ledger is never edited). Expiry
 * is not touched and no renewal runs: staff correct expiry separately (README "Money").
 */
export async function reverseEntry(scope: TenantScope, input: ParsedInputOf<'wallet.reverse'>): Promise<OutputOf<'wallet.reverse'>> {
  const now = scope.core.clock.now();
  return scope.db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('ledgerEntries').selectAll().where('id', '=', input.entryId).executeTakeFirst();
    if (!e) throw notFound('ledger-entry.not-found');
    if (e.kind === 'reversal') throw new AppError('CONFLICT', 'ledger-entry.not-reversible');
    if ((await reversedIds(trx, [e.id])).size > 0) throw new AppError('CONFLICT', 'ledger-entry.already-reversed');
    if (e.kind === 'credit' && e.paymentId) await runReversalChecks(trx, scope, e.paymentId);
    const { ids: [id], head } = await appendEntries(trx, e.subscriberId, [{
      kind: 'reversal', amountMinor: -e.amountMinor, source: 'reversal', reference: e.reference, reversesEntryId: e.id, reason: input.reason,
    }], scope.actor, now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'wallet.reversed', summary: `Reversed wallet entry #${e.seq} (${e.kind} ${e.amountMinor} minor): ${input.reason}`,
      targetType: 'subscriber', targetId: e.subscriberId, details: { entryId: e.id, reversalId: id, amountMinor: -e.amountMinor, reason: input.reason },
    });
    const entry = await trx.selectFrom('ledgerEntries').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    return { entry: toEntry(entry, false), balanceMinor: head.balanceMinor };
  });
}
