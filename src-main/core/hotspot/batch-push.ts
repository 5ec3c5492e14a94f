/**
 * A batch's push to the router as staff watch it (progress) and stop it (cancel). The outbox state is
 * read through router-sync's owner views; this domain writes only its own rows and desired state.
 */
import { notFound } from '@shared/domain/errors';
import type { OutputOf } from '@shared/contract';
import type { VoucherBatchProgress } from '@shared/contract/hotspot';
import type { TenantScope } from '../context';
import { enqueueRouterChangesMany } from '../router-sync/enqueue';
import { ownersNeverApplied, ownerSyncStates, routerWaitingReason } from '../router-sync/owner-progress';
import { routerSyncOf } from '../router-sync/runtime';
import { appendAudit } from '../auth/audit';
import { findPlan } from './plan-service';
import { voucherUserObject } from './router-objects';

async function findBatch(scope: TenantScope, batchId: string) {
  const b = await scope.db.selectFrom('voucherBatches').select(['id', 'routerId', 'planId', 'comment', 'cancelledAt']).where('id', '=', batchId).executeTakeFirst();
  if (!b) throw notFound('voucher-batch.not-found');
  return b;
}

export async function batchProgress(scope: TenantScope, batchId: string): Promise<VoucherBatchProgress> {
  const b = await findBatch(scope, batchId);
  const vouchers = await scope.db.selectFrom('vouchers').select(['id', 'status']).where('batchId', '=', batchId).execute();
  const live = vouchers.filter((v) => v.status !== 'revoked').map((v) => v.id);
  const states = await ownerSyncStates(scope.db, 'voucher', live);
  let onRouter = 0;
  let refused = 0;
  for (const id of live) {
    const s = states.get(id);
    if (s === 'synced') onRouter += 1;
    else if (s === 'error') refused += 1;
  }
  const queued = live.length - onRouter - refused;
  return {
    batchId, total: vouchers.length, onRouter, queued, refused, revoked: vouchers.length - live.length,
    waitingReason: queued > 0 ? await routerWaitingReason(scope.db, b.routerId) : null,
    cancelledAt: b.cancelledAt,
  };
}

/**
 * Stops a batch's push. Vouchers none of whose state ever reached the router are revoked, and their
 * desired state becomes "absent": the worker only applies an object's latest state, so their queued adds
 * are never written (a push caught mid-flight is removed again). Vouchers already on the router stay
 * usable; staff revoke them with "Revoke batch" if they want them gone too.
 */
export async function cancelBatch(scope: TenantScope, batchId: string): Promise<OutputOf<'hotspot.batches.cancel'>> {
  const b = await findBatch(scope, batchId);
  const plan = await findPlan(scope, b.planId);
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  const result = await scope.db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('vouchers').select(['id', 'routerId', 'code', 'password'])
      .where('batchId', '=', batchId).where('status', '!=', 'revoked').execute();
    const never = await ownersNeverApplied(trx, 'voucher', live.map((v) => v.id));
    const stop = live.filter((v) => never.has(v.id));
    if (stop.length === 0) return { revoked: 0, kept: live.length };
    const ids = stop.map((v) => v.id);
    for (let i = 0; i < ids.length; i += 500) {
      await trx.updateTable('vouchers').set({ status: 'revoked', revokedAt: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
    await trx.updateTable('voucherBatches').set({ cancelledAt: now }).where('id', '=', batchId).execute();
    await enqueueRouterChangesMany(trx, [stop.map((v) => voucherUserObject({ ...v, status: 'revoked' }, plan, ''))], nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-batch.cancelled', summary: `Cancelled the push of batch ${b.comment}: ${stop.length} vouchers revoked, ${live.length - stop.length} kept`,
      targetType: 'voucher-batch', targetId: batchId, details: { revoked: stop.length, kept: live.length - stop.length },
    });
    return { revoked: stop.length, kept: live.length - stop.length };
  });
  if (result.revoked > 0) routerSyncOf(scope.core).kick(scope.tenant.id, b.routerId);
  return result;
}
