import { sql, type Kysely, type SqlBool } from 'kysely';
import { AppError, notFound, type FieldErrors } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { PackageSummary } from '@shared/contract/packages';
import type { TenantScope } from '../context';
import type { PackagesTable, TenantDB } from '../db/tenant-schema';
import type { DesiredObject } from '../router-sync/desired-object';
import { enqueueRouterChanges } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import { appendAudit } from '../auth/audit';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';
import { inPool } from './address-pool';
import { findPackage, mustFindPackage, packagesByIds, subscriberCounts, toPackageSummary, type PackageWithRouters } from './package-repo';
import { readSettings } from './settings';
import { packageProfileObject, subscriberObjects } from './subscriber-objects';

type PackageInput = ParsedInputOf<'packages.create'>;

const SORT = { name: 'name', priceMinor: 'priceMinor', status: 'status', serviceType: 'serviceType' } as const;

export async function listPackages(scope: TenantScope, q: ParsedInputOf<'packages.list'>): Promise<OutputOf<'packages.list'>> {
  let base = scope.db.selectFrom('packages').where('deletedAt', 'is', null);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.serviceType) base = base.where('serviceType', '=', q.serviceType);
  if (q.routerId) {
    const routerId = q.routerId;
    base = base.where('id', 'in', (eb) => eb.selectFrom('packageRouters').select('packageId').where('routerId', '=', routerId));
  }
  if (q.q) base = base.where(containsText('name', q.q));
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.select('id'), sort: [{ by: SORT[sort.field], dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  const ids = page.items.map((r) => r.id);
  const pkgs = await packagesByIds(scope.db, ids);
  const counts = await subscriberCounts(scope.db, ids);
  return { ...page, items: ids.map((id) => toPackageSummary(pkgs.get(id)!, counts.get(id) ?? 0)) };
}

export async function getPackage(scope: TenantScope, id: string): Promise<PackageSummary> {
  const p = await mustFindPackage(scope.db, id);
  const counts = await subscriberCounts(scope.db, [id]);
  return toPackageSummary(p, counts.get(id) ?? 0);
}

/** Field checks shared by create and update, on the merged values. Unknown routers are NOT_FOUND (another tenant's ids). */
async function validatePackage(scope: TenantScope, v: PackageInput, exceptId?: string): Promise<void> {
  const routerIds = [...new Set(v.routerIds)];
  const found = await scope.db.selectFrom('routers').select('id').where('id', 'in', routerIds).execute();
  if (found.length !== routerIds.length) throw notFound('router.not-found');
  const fields: FieldErrors = {};
  if (v.serviceType === 'pppoe' && !v.pppProfile) fields.pppProfile = 'profile-required';
  if (v.serviceType === 'static') {
    v.addressPools.forEach((p, i) => {
      if (!routerIds.includes(p.routerId)) fields[`addressPools.${i}.routerId`] = 'unknown-router';
    });
    if (routerIds.some((r) => !v.addressPools.some((p) => p.routerId === r))) fields.addressPools = 'pool-required';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'package.invalid', { fields });
  const sameCi = await scope.db.selectFrom('packages').select('id')
    .where(sql<SqlBool>`name = ${v.name} collate nocase`).where('deletedAt', 'is', null).executeTakeFirst();
  if (sameCi && sameCi.id !== exceptId) throw new AppError('CONFLICT', 'package.name-taken', { params: { name: v.name }, fields: { name: 'taken' } });
}

function rowValues(v: PackageInput): Omit<PackagesTable, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'> {
  const pppoe = v.serviceType === 'pppoe';
  return {
    name: v.name, serviceType: v.serviceType, rateRxKbps: v.rateLimit.rxKbps, rateTxKbps: v.rateLimit.txKbps,
    burst: v.rateLimit.burst ? JSON.stringify(v.rateLimit.burst) : null,
    // Switching the service type drops the settings of the other type.
    pppProfileMode: pppoe ? (v.pppProfile?.mode ?? null) : null,
    pppProfileName: pppoe ? (v.pppProfile?.name ?? null) : null,
    remotePool: pppoe ? v.remotePool : null,
    priceMinor: v.priceMinor, periodCount: v.period.count, periodUnit: v.period.unit, graceHours: v.graceHours, status: v.status,
  };
}

async function writeRouters(trx: Kysely<TenantDB>, packageId: string, v: PackageInput): Promise<void> {
  await trx.deleteFrom('packageRouters').where('packageId', '=', packageId).execute();
  const rows = [...new Set(v.routerIds)].map((routerId) => ({
    packageId, routerId, addressPool: v.serviceType === 'static' ? (v.addressPools.find((p) => p.routerId === routerId)?.cidr ?? null) : null,
  }));
  await trx.insertInto('packageRouters').values(rows).execute();
}

export async function createPackage(scope: TenantScope, input: PackageInput): Promise<PackageSummary> {
  await validatePackage(scope, input);
  const id = uuidv7();
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('packages').values({ id, ...rowValues(input), deletedAt: null, createdAt: now, updatedAt: now }).execute();
    await writeRouters(trx, id, input);
    const pkg = (await findPackage(trx, id))!;
    const changes = pkg.routers.map((r) => packageProfileObject(pkg, r.routerId, true)).filter((o): o is DesiredObject => o !== null);
    await enqueueRouterChanges(trx, changes, nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'package.created', summary: `Added package ${input.name}`, targetType: 'package', targetId: id,
      details: { serviceType: input.serviceType, routers: input.routerIds.length, priceMinor: input.priceMinor },
    });
  });
  kickAll(scope, input.routerIds);
  return getPackage(scope, id);
}

function toInput(p: PackageWithRouters): PackageInput {
  const s = toPackageSummary(p, 0);
  return {
    name: s.name, serviceType: s.serviceType, routerIds: s.routerIds, rateLimit: s.rateLimit, pppProfile: s.pppProfile, remotePool: s.remotePool,
    addressPools: s.addressPools, priceMinor: s.priceMinor, period: s.period, graceHours: s.graceHours, status: s.status,
  };
}

export async function updatePackage(scope: TenantScope, input: ParsedInputOf<'packages.update'>): Promise<PackageSummary> {
  const before = await mustFindPackage(scope.db, input.packageId);
  const { packageId, ...patch } = input;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PackageInput>;
  const merged: PackageInput = { ...toInput(before), ...defined };
  await validatePackage(scope, merged, packageId);
  await assertSubscribersStillFit(scope, before, merged);
  const nowDate = scope.core.clock.now();
  const now = nowDate.toISOString();
  const changed = Object.keys(defined).filter((k) => JSON.stringify(defined[k as keyof PackageInput]) !== JSON.stringify(toInput(before)[k as keyof PackageInput]));
  if (changed.length === 0) return getPackage(scope, packageId);
  const touched = new Set([...before.routers.map((r) => r.routerId), ...merged.routerIds]);
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('packages').set({ ...rowValues(merged), updatedAt: now }).where('id', '=', packageId).execute();
    await writeRouters(trx, packageId, merged);
    const after = (await findPackage(trx, packageId))!;
    const changes: DesiredObject[] = [];
    // New or changed profiles first, so subscribers never point at a profile that is not there yet.
    for (const r of after.routers) {
      const o = packageProfileObject(after, r.routerId, true);
      if (o) changes.push(o);
    }
    await enqueueRouterChanges(trx, changes, nowDate);
    await requeuePackageSubscribers(trx, packageId, nowDate);
    // Old profiles last: removed where the router left, or renamed / no longer managed.
    const removals: DesiredObject[] = [];
    for (const r of before.routers) {
      const old = packageProfileObject(before, r.routerId, false);
      const stillSame = old && after.routers.some((a) => a.routerId === r.routerId) && packageProfileObject(after, r.routerId, true)?.tag === old.tag;
      if (old && !stillSame) removals.push(old);
    }
    await enqueueRouterChanges(trx, removals, nowDate);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'package.updated', summary: `Edited package ${before.name}: ${changed.join(', ')}`, targetType: 'package', targetId: packageId,
      details: { fields: changed },
    });
  });
  kickAll(scope, [...touched]);
  return getPackage(scope, packageId);
}

/** A router or service type cannot be taken away from subscribers who use it, nor a pool from under their addresses. */
async function assertSubscribersStillFit(scope: TenantScope, before: PackageWithRouters, merged: PackageInput): Promise<void> {
  const subs = await scope.db.selectFrom('subscribers').select(['routerId', 'ipAddress', 'serviceType'])
    .where('packageId', '=', before.id).where('deletedAt', 'is', null).execute();
  if (subs.length === 0) return;
  if (merged.serviceType !== before.serviceType) {
    throw new AppError('CONFLICT', 'package.in-use', { params: { count: subs.length }, fields: { serviceType: 'in-use' } });
  }
  const lost = subs.filter((s) => !merged.routerIds.includes(s.routerId));
  if (lost.length > 0) throw new AppError('CONFLICT', 'package.in-use', { params: { count: lost.length }, fields: { routerIds: 'in-use' } });
  if (merged.serviceType === 'static') {
    const fields: FieldErrors = {};
    merged.addressPools.forEach((p, i) => {
      if (subs.some((s) => s.routerId === p.routerId && s.ipAddress !== null && !inPool(p.cidr, s.ipAddress))) fields[`addressPools.${i}.cidr`] = 'outside-pool';
    });
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'package.invalid', { fields });
  }
}

/** Re-queues every live subscriber of a package (rate, profile or grace changed). */
async function requeuePackageSubscribers(trx: Kysely<TenantDB>, packageId: string, now: Date): Promise<void> {
  const pkg = await trx.selectFrom('packages').selectAll().where('id', '=', packageId).executeTakeFirstOrThrow();
  const { expiryAction } = await readSettings(trx);
  const subs = await trx.selectFrom('subscribers').selectAll().where('packageId', '=', packageId).where('deletedAt', 'is', null).execute();
  for (const s of subs) await enqueueRouterChanges(trx, subscriberObjects(s, pkg, expiryAction), now);
}

export async function setPackageStatus(scope: TenantScope, input: ParsedInputOf<'packages.set-status'>): Promise<PackageSummary> {
  const before = await mustFindPackage(scope.db, input.packageId);
  if (before.status !== input.status) {
    await scope.db.transaction().execute(async (trx) => {
      await trx.updateTable('packages').set({ status: input.status, updatedAt: scope.core.clock.now().toISOString() }).where('id', '=', before.id).execute();
      await appendAudit(trx, scope.core.clock, scope.actor, {
        action: 'package.updated', summary: `Package ${before.name} is now ${input.status}`, targetType: 'package', targetId: before.id,
        details: { fields: ['status'], status: input.status },
      });
    });
  }
  return getPackage(scope, before.id);
}

export async function deletePackage(scope: TenantScope, packageId: string): Promise<{ ok: true }> {
  const pkg = await mustFindPackage(scope.db, packageId);
  // Soft-deleted subscribers keep their package for history, so only live ones block.
  const live = (await subscriberCounts(scope.db, [packageId])).get(packageId) ?? 0;
  if (live > 0) throw new AppError('CONFLICT', 'package.in-use', { params: { count: live } });
  const deleted = await scope.db.selectFrom('subscribers').select('id').where('packageId', '=', packageId).executeTakeFirst();
  const nowDate = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    const removals = pkg.routers.map((r) => packageProfileObject(pkg, r.routerId, false)).filter((o): o is DesiredObject => o !== null);
    await enqueueRouterChanges(trx, removals, nowDate);
    if (deleted) {
      // Deleted subscribers still reference it: keep the row (their history names it), gone from every list.
      await trx.deleteFrom('packageRouters').where('packageId', '=', packageId).execute();
      await trx.updateTable('packages').set({ status: 'disabled', deletedAt: nowDate.toISOString(), updatedAt: nowDate.toISOString() }).where('id', '=', packageId).execute();
    } else {
      await trx.deleteFrom('packages').where('id', '=', packageId).execute();
    }
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'package.deleted', summary: `Deleted package ${pkg.name}`, targetType: 'package', targetId: packageId,
    });
  });
  kickAll(scope, pkg.routers.map((r) => r.routerId));
  return { ok: true };
}

export function kickAll(scope: TenantScope, routerIds: readonly string[]): void {
  const sync = routerSyncOf(scope.core);
  for (const r of new Set(routerIds)) sync.kick(scope.tenant.id, r);
}
