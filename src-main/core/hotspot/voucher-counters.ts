import { AppError, notFound } from '@shared/domain/errors';
import { EXPIRY_STAMP, voucherState } from '@shared/domain/voucher-status';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { onHotspotRouter } from './status-sync';

/**
 * Resets a voucher's counters on the router (`/ip/hotspot/user/reset-counters`: uptime and bytes start over,
 * so do limit-uptime and limit-bytes-total: HotSpot manual, users) and, on a calendar-validity plan, takes
 * the first-login expiry stamp off and re-enables a user the sweep disabled: the next login starts it anew.
 *
 * A direct call, not the outbox: the outbox holds desired *state* and replays it until the router agrees,
 * while a reset is a one-off act: replayed after an outage it would wipe usage the customer had since.
 * So it runs now or fails with a `router.*` code, and only then are the usage row and the audit written.
 */
export async function resetVoucherCounters(scope: TenantScope, voucherId: string): Promise<{ state: 'unused' | 'in-use' }> {
  const v = await scope.db.selectFrom('vouchers')
    .innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
    .innerJoin('hotspotPlans', 'hotspotPlans.id', 'vouchers.planId')
    .select(['vouchers.id', 'vouchers.code', 'vouchers.status', 'vouchers.routerId', 'voucherBatches.comment', 'hotspotPlans.limitKind'])
    .where('vouchers.id', '=', voucherId)
    .executeTakeFirst();
  if (!v) throw notFound('voucher.not-found');
  if (v.status === 'revoked') throw new AppError('CONFLICT', 'voucher.revoked');
  const active = await onHotspotRouter(scope, v.routerId, async (conn) => {
    const [user] = await conn.print('/ip/hotspot/user', { proplist: ['.id', 'name', 'comment', 'disabled'], where: { name: v.code } });
    if (!user?.['.id']) throw new AppError('CONFLICT', 'voucher.not-on-router');
    await conn.command('/ip/hotspot/user/reset-counters', { attributes: { '.id': user['.id'] } });
    if (v.limitKind === 'validity' && (user.comment ?? '').includes(EXPIRY_STAMP)) {
      await conn.set('/ip/hotspot/user', user['.id'], { comment: v.comment, disabled: 'no' });
    }
    return (await conn.print('/ip/hotspot/active', { proplist: ['user', 'mac-address'], where: { user: v.code } }))[0];
  });
  const now = scope.core.clock.now();
  const state = voucherState({
    revoked: false, active: active !== undefined, uptimeSec: 0, bytesIn: 0, bytesOut: 0, limitUptimeSec: null, limitBytesTotal: null, expiresAtMs: null,
  }, now.getTime()) as 'unused' | 'in-use';
  const row = {
    voucherId: v.id, uptimeSec: 0, bytesIn: 0, bytesOut: 0, firstLoginAt: null, lastSeenAt: active ? now.toISOString() : null, expiresAt: null,
    active: active ? 1 : 0, mac: active?.['mac-address'] ?? null, state, syncedAt: now.toISOString(),
  };
  await scope.db.transaction().execute(async (trx) => {
    const { voucherId: _id, ...update } = row;
    await trx.insertInto('voucherUsage').values(row).onConflict((oc) => oc.column('voucherId').doUpdateSet(update)).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher.counters-reset', summary: `Reset the counters of voucher ${v.code}`, targetType: 'voucher', targetId: v.id,
    });
  });
  return { state };
}
