import { notFound } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { enqueueRouterChangesMany } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import { appendAudit } from '../auth/audit';
import { pageQuery } from '../paging';
import { voucherUserObject } from './router-objects';

const SORT = { code: 'vouchers.code', createdAt: 'vouchers.createdAt' } as const;

/** Vouchers, paged; `q` matches the start of a code (case-insensitive, through the code key index). */
export async function listVouchers(scope: TenantScope, q: ParsedInputOf<'hotspot.vouchers.list'>): Promise<OutputOf<'hotspot.vouchers.list'>> {
  let base = scope.db.selectFrom('vouchers')
    .innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
    .leftJoin('routerObjects', (j) => j.onRef('routerObjects.ownerId', '=', 'vouchers.id').on('routerObjects.ownerType', '=', 'voucher'))
    .leftJoin('voucherUsage', 'voucherUsage.voucherId', 'vouchers.id');
  if (q.batchId) base = base.where('vouchers.batchId', '=', q.batchId);
  if (q.planId) base = base.where('vouchers.planId', '=', q.planId);
  if (q.status) base = base.where('vouchers.status', '=', q.status);
  // Revoked is the app's word (vouchers.status); the rest the last sync's (no usage row yet = unused).
  if (q.state === 'revoked') base = base.where('vouchers.status', '=', 'revoked');
  else if (q.state === 'unused') base = base.where('vouchers.status', '!=', 'revoked').where((eb) => eb.or([eb('voucherUsage.state', 'is', null), eb('voucherUsage.state', '=', 'unused')]));
  else if (q.state) base = base.where('vouchers.status', '!=', 'revoked').where('voucherUsage.state', '=', q.state);
  if (q.q) base = base.where('vouchers.codeKey', 'like', `${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const sort = q.sort ?? { field: 'code', dir: 'asc' as const };
  const page = await pageQuery(base, {
    page: q,
    select: (qb) => qb.select([
      'vouchers.id', 'vouchers.batchId', 'voucherBatches.serial', 'vouchers.planId', 'vouchers.routerId', 'vouchers.code', 'vouchers.password',
      'vouchers.status', 'vouchers.createdAt', 'vouchers.revokedAt', 'routerObjects.status as objectStatus',
      'voucherUsage.state', 'voucherUsage.uptimeSec', 'voucherUsage.bytesIn', 'voucherUsage.bytesOut', 'voucherUsage.firstLoginAt',
      'voucherUsage.lastSeenAt', 'voucherUsage.expiresAt', 'voucherUsage.active', 'voucherUsage.mac', 'voucherUsage.syncedAt',
    ]),
    sort: [{ by: SORT[sort.field], dir: sort.dir }, { by: 'vouchers.id', dir: 'asc' }],
  });
  return {
    ...page,
    items: page.items.map((v) => ({
      id: v.id, batchId: v.batchId, batchSerial: v.serial, planId: v.planId, routerId: v.routerId, code: v.code, password: v.password,
      status: v.status, createdAt: v.createdAt, revokedAt: v.revokedAt,
      syncState: v.objectStatus === 'error' ? 'failed' as const : v.objectStatus === 'synced' ? 'synced' as const : 'pending' as const,
      state: v.status === 'revoked' ? 'revoked' as const : v.state ?? 'unused',
      usage: {
        uptimeSec: v.uptimeSec ?? 0, bytesIn: v.bytesIn ?? 0, bytesOut: v.bytesOut ?? 0, firstLoginAt: v.firstLoginAt, lastSeenAt: v.lastSeenAt,
        expiresAt: v.expiresAt, active: v.active === 1, mac: v.mac, syncedAt: v.syncedAt,
      },
    })),
  };
}

/** Revokes one voucher or a whole batch: the rows say revoked and their hotspot users are removed through the outbox. */
export async function revokeVouchers(scope: TenantScope, input: ParsedInputOf<'hotspot.vouchers.revoke'>): Promise<{ revoked: number }> {
  let q = scope.db.selectFrom('vouchers').innerJoin('hotspotPlans', 'hotspotPlans.id', 'vouchers.planId').selectAll('hotspotPlans')
    .select(['vouchers.id as voucherId', 'vouchers.code', 'vouchers.password', 'vouchers.routerId as voucherRouterId', 'vouchers.status as voucherStatus', 'vouchers.batchId']);
  if ('voucherId' in input) {
    q = q.where('vouchers.id', '=', input.voucherId);
  } else {
    const batch = await scope.db.selectFrom('voucherBatches').select('id').where('id', '=', input.batchId).executeTakeFirst();
    if (!batch) throw notFound('voucher-batch.not-found');
    q = q.where('vouchers.batchId', '=', input.batchId);
  }
  const rows = await q.execute();
  if ('voucherId' in input && rows.length === 0) throw notFound('voucher.not-found');
  const live = rows.filter((r) => r.voucherStatus !== 'revoked');
  if (live.length === 0) return { revoked: 0 };
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  await scope.db.transaction().execute(async (trx) => {
    const ids = live.map((r) => r.voucherId);
    for (let i = 0; i < ids.length; i += 500) {
      await trx.updateTable('vouchers').set({ status: 'revoked', revokedAt: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
    await enqueueRouterChangesMany(trx, [live.map((r) => voucherUserObject(
      { id: r.voucherId, routerId: r.voucherRouterId, code: r.code, password: r.password, status: 'revoked' }, r, '',
    ))], nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher.revoked',
      summary: 'voucherId' in input ? `Revoked voucher ${live[0]!.code}` : `Revoked ${live.length} vouchers of a batch`,
      targetType: 'voucherId' in input ? 'voucher' : 'voucher-batch', targetId: 'voucherId' in input ? input.voucherId : input.batchId,
      details: { count: live.length },
    });
  });
  for (const r of new Set(live.map((l) => l.voucherRouterId))) routerSyncOf(scope.core).kick(scope.tenant.id, r);
  return { revoked: live.length };
}
