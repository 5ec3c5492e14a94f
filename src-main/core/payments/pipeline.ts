import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import { normalisePhone } from '@shared/domain/phone';
import type { TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { kickRouters } from '../subscribers/renew';
import { applyPayment } from './apply';
import { buildPhoneHashIndex, matchSubscriber, type PhoneHashIndex } from './match';
import { countUnmatched } from './payment-repo';
import { ingestChunkBatched } from './ingest-batch';
import { withOneCheckpoint } from '../db/json-rows';
import type { DetailedOutcome, IncomingPayment, IngestOutcome } from './payment-types';

export type { DetailedOutcome, IncomingPayment, IngestOutcome } from './payment-types';

/**
 * Payments committed together (see ingestChunk): each commit rewrites the index pages it touched, so fewer,
 * larger commits (money.statement_import_50k_ms); a set-based chunk of 2,000 still holds the writer well
 * under a second.
 */
const CHUNK = 2000;

/** After a commit that changed the unmatched queue: staff of the tenant get the new count (the badge). */
export async function notifyUnmatchedChanged(scope: TenantScope): Promise<void> {
  scope.core.events.emit('payments.unmatched-changed', { tenantId: scope.tenant.id }, { count: await countUnmatched(scope.db) });
}

/**
 * The ONE entry of every payment (cash, STK, statement, SMS, C2B): each payment in its own savepoint —
 * inbox row (a (provider, reference) seen before writes nothing and says `duplicate`), match, credit, renewal
 * debits, expiry and router outbox, audit. A failure rolls back that payment alone and is thrown after the
 * earlier ones committed. Order of the outcomes = order of the list.
 */
export async function ingestPayments(scope: TenantScope, list: readonly IncomingPayment[]): Promise<IngestOutcome[]> {
  return (await ingestDetailed(scope, list)).map(({ renewal: _r, ...o }) => o);
}

/** An outcome with what the renewal did (null unless applied), for callers that show it (cash at the desk). */

export async function ingestDetailed(scope: TenantScope, list: readonly IncomingPayment[]): Promise<DetailedOutcome[]> {
  const out: DetailedOutcome[] = [];
  let unmatchedChanged = false;
  // Hashed MSISDNs (C2B) are matched against every known phone's hash: built at most once per batch, inside
  // the first transaction that needs it (the pipeline never changes phones).
  let hashes: Promise<PhoneHashIndex> | null = null;
  const hashIndex = (db: Kysely<TenantDB>) => (hashes ??= buildPhoneHashIndex(db).catch((e: unknown) => {
    hashes = null;
    throw e;
  }));
  try {
    const all = async () => { for (let i = 0; i < list.length; i += CHUNK) await ingestChunk(list.slice(i, i + CHUNK)); };
    if (list.length > CHUNK) await withOneCheckpoint(scope.db, all);
    else await all();
  } finally {
    if (unmatchedChanged) await notifyUnmatchedChanged(scope);
  }
  return out;

  /**
   * One commit per chunk (one fsync under synchronous=FULL instead of one per payment: money.statement_import_50k_ms),
   * each payment in its own savepoint: a failing payment rolls back alone, the ones before it commit, then it is thrown.
   */
  async function ingestChunk(chunk: readonly IncomingPayment[]): Promise<void> {
    const done: { outcome: DetailedOutcome; routers: string[] }[] = [];
    let failure: { error: unknown } | null = null;
    const trx = await scope.db.startTransaction().execute();
    try {
      // Set-based first (ingest-batch.ts); should any payment of the chunk fail, the chunk is undone and taken
      // one payment at a time below, so the ones before the failing one still commit and it is thrown.
      const whole = await trx.savepoint('chunk').execute();
      let batched = false;
      try {
        const b = await ingestChunkBatched(whole, scope, chunk, hashIndex);
        await whole.releaseSavepoint('chunk').execute();
        done.push(...b.done);
        if (b.unmatchedChanged) unmatchedChanged = true;
        batched = true;
      } catch {
        await whole.rollbackToSavepoint('chunk').execute();
      }
      if (!batched) for (const p of chunk) {
        const sp = await trx.savepoint('payment').execute();
        try {
          done.push(await ingestOne(sp, p));
          await sp.releaseSavepoint('payment').execute();
        } catch (error) {
          await sp.rollbackToSavepoint('payment').execute();
          failure = { error };
          break;
        }
      }
      await trx.commit().execute();
    } catch (e) {
      await trx.rollback().execute().catch(() => undefined);
      throw e;
    }
    for (const d of done) {
      kickRouters(scope, d.routers);
      out.push(d.outcome);
    }
    if (failure) throw failure.error;
  }

  async function ingestOne(trx: Kysely<TenantDB>, p: IncomingPayment): Promise<{ outcome: DetailedOutcome; routers: string[] }> {
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor <= 0) throw new RangeError(`payment ${p.reference}: amount must be a positive integer`);
    if (p.reference.trim() === '') throw new RangeError('payment reference must not be empty');
    const now = scope.core.clock.now();
    let routers: string[] = [];
    const outcome = await (async (): Promise<DetailedOutcome> => {
      const id = uuidv7(now.getTime());
      const phone = p.phone ? (normalisePhone(p.phone) ?? p.phone) : null;
      const inserted = await trx.insertInto('payments').values({
        id, provider: p.provider, reference: p.reference.trim(), amountMinor: p.amountMinor, paidAt: p.paidAt, accountRef: p.accountRef,
        phone, phoneHash: p.phoneHash?.toLowerCase() ?? null, payerName: p.payerName, channel: p.channel, status: 'received',
        subscriberId: null, receivedAt: now.toISOString(), note: p.note ?? null,
        recordedByType: scope.actor.kind, recordedById: scope.actor.id, recordedByName: scope.actor.name,
        decidedAt: null, decidedById: null, decisionReason: null,
      }).onConflict((oc) => oc.columns(['provider', 'reference']).doNothing()).returning('id').executeTakeFirst();
      if (!inserted) {
        const existing = await trx.selectFrom('payments').select(['id', 'subscriberId']).where('provider', '=', p.provider)
          .where('reference', '=', p.reference.trim()).executeTakeFirstOrThrow();
        return { paymentId: existing.id, status: 'duplicate', subscriberId: existing.subscriberId, renewal: null };
      }
      const match = await matchSubscriber(trx, { subscriberId: p.subscriberId ?? null, accountRef: p.accountRef, phone, phoneHash: p.phoneHash }, hashIndex);
      if (!match) {
        await trx.updateTable('payments').set({ status: 'unmatched' }).where('id', '=', id).execute();
        await appendAudit(trx, scope.core.clock, scope.actor, {
          action: 'payment.unmatched', summary: `Payment ${p.reference} (${p.provider}, ${p.amountMinor} minor) matches no subscriber`,
          targetType: 'payment', targetId: id, details: { channel: p.channel, accountRef: p.accountRef },
        });
        unmatchedChanged = true;
        return { paymentId: id, status: 'unmatched', subscriberId: null, renewal: null };
      }
      const r = await applyPayment(trx, scope, { id, reference: p.reference.trim(), amountMinor: p.amountMinor }, match.subscriberId, now);
      routers = r.routers;
      await appendAudit(trx, scope.core.clock, scope.actor, {
        action: 'payment.applied', summary: `Payment ${p.reference} (${p.provider}, ${p.amountMinor} minor) credited; ${r.periods} period(s) bought`,
        targetType: 'payment', targetId: id,
        details: { channel: p.channel, subscriberId: match.subscriberId, matchedBy: match.by, periods: r.periods, balanceMinor: r.balanceMinor, expiresAt: r.expiresAt },
      });
      return { paymentId: id, status: 'applied', subscriberId: match.subscriberId, renewal: r };
    })();
    return { outcome, routers };
  }
}
