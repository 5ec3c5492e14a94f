import { sql, type SqlBool } from 'kysely';
import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { HotspotPlanSummary, VoucherLimit } from '@shared/contract/hotspot';
import type { TenantScope } from '../context';
import type { HotspotPlansTable } from '../db/tenant-schema';
import { enqueueRouterChanges, enqueueRouterChangesMany } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import { appendAudit } from '../auth/audit';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';
import { planProfileObject, planSweepObject, voucherUserObject, type PlanRow } from './router-objects';

type PlanInput = ParsedInputOf<'hotspot.plans.create'>;

const SORT = { name: 'name', priceMinor: 'priceMinor', status: 'status' } as const;

function limitOf(p: PlanRow): VoucherLimit {
  if (p.limitKind === 'none' || p.limitSec === null) return { kind: 'none' };
  return { kind: p.limitKind, seconds: p.limitSec };
}

function toSummary(p: PlanRow, voucherCount: number): HotspotPlanSummary {
  return {
    id: p.id, name: p.name, routerId: p.routerId, server: p.server, profileName: p.profileName,
    rateLimit: { rxKbps: p.rateRxKbps, txKbps: p.rateTxKbps }, sharedUsers: p.sharedUsers,
    sessionTimeoutSec: p.sessionTimeoutSec, idleTimeoutSec: p.idleTimeoutSec, limit: limitOf(p), limitBytesTotal: p.limitBytesTotal,
    priceMinor: p.priceMinor, status: p.status, macLock: p.macLock === 1, dnsName: p.dnsName, addressPool: p.addressPool, voucherCount, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

function toInput(p: PlanRow): PlanInput {
  const s = toSummary(p, 0);
  return {
    name: s.name, routerId: s.routerId, server: s.server, profileName: s.profileName, rateLimit: s.rateLimit, sharedUsers: s.sharedUsers,
    sessionTimeoutSec: s.sessionTimeoutSec, idleTimeoutSec: s.idleTimeoutSec, limit: s.limit, limitBytesTotal: s.limitBytesTotal, priceMinor: s.priceMinor, status: s.status,
    macLock: s.macLock,
    dnsName: s.dnsName, addressPool: s.addressPool,
  };
}

function rowValues(v: PlanInput): Omit<HotspotPlansTable, 'id' | 'createdAt' | 'updatedAt' | 'macLock'> & { macLock: number } {
  return {
    name: v.name, routerId: v.routerId, server: v.server, profileName: v.profileName, rateRxKbps: v.rateLimit.rxKbps, rateTxKbps: v.rateLimit.txKbps,
    sharedUsers: v.sharedUsers, sessionTimeoutSec: v.sessionTimeoutSec, idleTimeoutSec: v.idleTimeoutSec, limitKind: v.limit.kind,
    limitSec: v.limit.kind === 'none' ? null : v.limit.seconds, limitBytesTotal: v.limitBytesTotal, priceMinor: v.priceMinor, status: v.status,
    macLock: v.macLock ? 1 : 0,
    dnsName: v.dnsName, addressPool: v.addressPool,
  };
}

export async function findPlan(scope: TenantScope, id: string): Promise<PlanRow> {
  const p = await scope.db.selectFrom('hotspotPlans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('hotspot-plan.not-found');
  return p;
}

async function voucherCounts(scope: TenantScope, planIds: readonly string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await scope.db.selectFrom('vouchers').select((eb) => ['planId', eb.fn.countAll<number>().as('n')])
    .where('planId', 'in', [...planIds]).where('status', '!=', 'revoked').groupBy('planId').execute();
  return new Map(rows.map((r) => [r.planId, Number(r.n)]));
}

export async function getPlan(scope: TenantScope, id: string): Promise<HotspotPlanSummary> {
  const p = await findPlan(scope, id);
  return toSummary(p, (await voucherCounts(scope, [id])).get(id) ?? 0);
}

export async function listPlans(scope: TenantScope, q: ParsedInputOf<'hotspot.plans.list'>): Promise<OutputOf<'hotspot.plans.list'>> {
  let base = scope.db.selectFrom('hotspotPlans');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.routerId) base = base.where('routerId', '=', q.routerId);
  if (q.q) base = base.where(containsText('name', q.q));
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: SORT[sort.field], dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  const counts = await voucherCounts(scope, page.items.map((p) => p.id));
  return { ...page, items: page.items.map((p) => toSummary(p, counts.get(p.id) ?? 0)) };
}

/** Unknown routers are NOT_FOUND (another tenant's ids); names and profiles may not clash. */
async function validatePlan(scope: TenantScope, v: PlanInput, exceptId?: string): Promise<void> {
  const router = await scope.db.selectFrom('routers').select('id').where('id', '=', v.routerId).executeTakeFirst();
  if (!router) throw notFound('router.not-found');
  const sameName = await scope.db.selectFrom('hotspotPlans').select('id').where(sql<SqlBool>`name = ${v.name} collate nocase`).executeTakeFirst();
  if (sameName && sameName.id !== exceptId) throw new AppError('CONFLICT', 'hotspot-plan.name-taken', { params: { name: v.name }, fields: { name: 'taken' } });
  const sameProfile = await scope.db.selectFrom('hotspotPlans').select('id').where('routerId', '=', v.routerId).where('profileName', '=', v.profileName).executeTakeFirst();
  if (sameProfile && sameProfile.id !== exceptId) {
    throw new AppError('CONFLICT', 'hotspot-plan.profile-taken', { params: { name: v.profileName }, fields: { profileName: 'taken' } });
  }
}

export async function createPlan(scope: TenantScope, input: PlanInput): Promise<HotspotPlanSummary> {
  await validatePlan(scope, input);
  const id = uuidv7();
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('hotspotPlans').values({ id, ...rowValues(input), createdAt: now, updatedAt: now }).execute();
    const plan = await trx.selectFrom('hotspotPlans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await enqueueRouterChanges(trx, [planProfileObject(plan, true), planSweepObject(plan, true)], nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'hotspot-plan.created', summary: `Added hotspot plan ${input.name}`, targetType: 'hotspot-plan', targetId: id,
      details: { profile: input.profileName, priceMinor: input.priceMinor },
    });
  });
  routerSyncOf(scope.core).kick(scope.tenant.id, input.routerId);
  return getPlan(scope, id);
}

/**
 * Edits a plan. The profile is rewritten (a new name: the new profile first, the vouchers moved to it, the
 * old one removed last) and live vouchers are re-queued when what they carry changed (limits, server).
 */
export async function updatePlan(scope: TenantScope, input: ParsedInputOf<'hotspot.plans.update'>): Promise<HotspotPlanSummary> {
  const before = await findPlan(scope, input.planId);
  const { planId, ...patch } = input;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PlanInput>;
  const old = toInput(before);
  const merged: PlanInput = { ...old, ...defined };
  await validatePlan(scope, merged, planId);
  const changed = Object.keys(defined).filter((k) => JSON.stringify(defined[k as keyof PlanInput]) !== JSON.stringify(old[k as keyof PlanInput]));
  if (changed.length === 0) return getPlan(scope, planId);
  const nowDate = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('hotspotPlans').set({ ...rowValues(merged), updatedAt: nowDate.toISOString() }).where('id', '=', planId).execute();
    const after = await trx.selectFrom('hotspotPlans').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    await enqueueRouterChanges(trx, [planProfileObject(after, true, before), planSweepObject(after, true)], nowDate);
    const userProps = ['profileName', 'server', 'limit', 'limitBytesTotal'];
    if (changed.some((k) => userProps.includes(k))) {
      const live = await trx.selectFrom('vouchers').innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
        .select(['vouchers.id', 'vouchers.routerId', 'vouchers.code', 'vouchers.password', 'vouchers.status', 'voucherBatches.comment'])
        .where('vouchers.planId', '=', planId).where('vouchers.status', '!=', 'revoked').execute();
      await enqueueRouterChangesMany(trx, [live.map((v) => voucherUserObject(v, after, v.comment))], nowDate);
    }
    if (after.profileName !== before.profileName) await enqueueRouterChanges(trx, [planProfileObject(before, false)], nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'hotspot-plan.updated', summary: `Edited hotspot plan ${before.name}: ${changed.join(', ')}`, targetType: 'hotspot-plan', targetId: planId,
      details: { fields: changed },
    });
  });
  routerSyncOf(scope.core).kick(scope.tenant.id, before.routerId);
  return getPlan(scope, planId);
}
