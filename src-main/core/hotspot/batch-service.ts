import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { codeKey, fitsCodeSpace, generateVoucherCodes, type VoucherCodeOptions } from '@shared/domain/voucher-code';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { VoucherBatchSummary } from '@shared/contract/hotspot';
import type { TenantScope } from '../context';
import type { VoucherBatchesTable, VouchersTable } from '../db/tenant-schema';
import { enqueueRouterChangesMany } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import { appendAudit } from '../auth/audit';
import { pageQuery } from '../paging';
import { findPlan } from './plan-service';
import { batchComment, voucherUserObject } from './router-objects';
import type { Selectable } from 'kysely';

type BatchRow = Selectable<VoucherBatchesTable>;

/** Rows per multi-row insert (9 values each, well under SQLite's bound-parameter limit). */
const INSERT_CHUNK = 500;

async function revokedCounts(scope: TenantScope, batchIds: readonly string[]): Promise<Map<string, number>> {
  if (batchIds.length === 0) return new Map();
  const rows = await scope.db.selectFrom('vouchers').select((eb) => ['batchId', eb.fn.countAll<number>().as('n')])
    .where('batchId', 'in', [...batchIds]).where('status', '=', 'revoked').groupBy('batchId').execute();
  return new Map(rows.map((r) => [r.batchId, Number(r.n)]));
}

function toSummary(b: BatchRow, revokedCount: number): VoucherBatchSummary {
  return {
    id: b.id, serial: b.serial, planId: b.planId, routerId: b.routerId, count: b.count, priceMinor: b.priceMinor, note: b.note,
    mode: b.mode, comment: b.comment, revokedCount, createdAt: b.createdAt, origin: b.origin, cancelledAt: b.cancelledAt,
  };
}

export async function getBatch(scope: TenantScope, id: string): Promise<VoucherBatchSummary> {
  const b = await scope.db.selectFrom('voucherBatches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw notFound('voucher-batch.not-found');
  return toSummary(b, (await revokedCounts(scope, [id])).get(id) ?? 0);
}

export async function listBatches(scope: TenantScope, q: ParsedInputOf<'hotspot.batches.list'>): Promise<OutputOf<'hotspot.batches.list'>> {
  let base = scope.db.selectFrom('voucherBatches');
  if (q.planId) base = base.where('planId', '=', q.planId);
  if (q.q) base = base.where('comment', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const sort = q.sort ?? { field: 'serial', dir: 'desc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: sort.field, dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  const counts = await revokedCounts(scope, page.items.map((b) => b.id));
  return { ...page, items: page.items.map((b) => toSummary(b, counts.get(b.id) ?? 0)) };
}

/**
 * Generates a batch: its vouchers and one hotspot user per voucher queued for the router, all in one
 * transaction (a crash leaves the whole batch or nothing). Pushing to the router is the outbox worker's:
 * users are found by name there, so a push interrupted by a crash or an outage resumes without adding
 * anyone twice. The same `requestKey` again returns the batch already made.
 */
export async function createBatch(scope: TenantScope, input: ParsedInputOf<'hotspot.batches.create'>): Promise<VoucherBatchSummary> {
  const again = await scope.db.selectFrom('voucherBatches').select('id').where('requestKey', '=', input.requestKey).executeTakeFirst();
  if (again) return getBatch(scope, again.id);
  const plan = await findPlan(scope, input.planId);
  if (plan.status !== 'active') throw new AppError('CONFLICT', 'hotspot-plan.disabled', { fields: { planId: 'invalid-value' } });
  const opts: VoucherCodeOptions = { count: input.count, ...input.code };
  const existing = await scope.db.selectFrom('vouchers').select('codeKey').where('routerId', '=', plan.routerId).execute();
  if (!fitsCodeSpace(opts, input.count, existing.length)) {
    throw new AppError('VALIDATION', 'voucher-batch.code-space', { params: { count: input.count }, fields: { 'code.length': 'invalid-value' } });
  }
  const codes = generateVoucherCodes(opts, new Set(existing.map((e) => e.codeKey)));
  const id = uuidv7();
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  await scope.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('voucherBatches').select((eb) => eb.fn.max('serial').as('m')).executeTakeFirst();
    const serial = Number(last?.m ?? 0) + 1;
    const comment = batchComment(input.code.mode, serial, nowDate, input.note);
    await trx.insertInto('voucherBatches').values({
      id, serial, requestKey: input.requestKey, planId: plan.id, routerId: plan.routerId, count: input.count,
      priceMinor: input.priceMinor ?? plan.priceMinor, note: input.note, mode: input.code.mode, codeOptions: JSON.stringify(input.code),
      comment, createdBy: scope.actor.id, createdAt: now, cancelledAt: null,
    }).execute();
    const rows: VouchersTable[] = codes.map((c) => ({
      id: uuidv7(), batchId: id, planId: plan.id, routerId: plan.routerId, code: c.code, codeKey: codeKey(c.code), password: c.password,
      status: 'unused', createdAt: now, revokedAt: null,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('vouchers').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    // One read of existing objects and multi-row writes: a batch is up to 10,000 users (hotspot.batch_5k_ms).
    await enqueueRouterChangesMany(trx, [rows.map((v) => voucherUserObject(v, plan, comment))], nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-batch.created', summary: `Generated ${input.count} vouchers on ${plan.name} (${comment})`, targetType: 'voucher-batch', targetId: id,
      details: { count: input.count, planId: plan.id, mode: input.code.mode },
    });
  });
  routerSyncOf(scope.core).kick(scope.tenant.id, plan.routerId);
  return getBatch(scope, id);
}
