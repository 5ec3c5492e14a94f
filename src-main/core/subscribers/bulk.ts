import { createHash } from 'node:crypto';
import { AppError, notFound } from '@shared/domain/errors';
import { extendExpiry } from '@shared/domain/billing-period';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { BULK_MAX_ROWS, type BulkOperation } from '@shared/contract/subscribers';
import type { TenantScope } from '../context';
import { firstFree, inPool } from './address-pool';
import { kickAll } from './package-service';
import { findPackage, packagesByIds, type PackageWithRouters } from './package-repo';
import { readSettings, type SubscriberSettings } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { statusFor } from './subscriber-service';
import { filteredSubscribers } from './subscriber-list';
import { writeSubscriber } from './subscriber-write';

type BulkInput = ParsedInputOf<'subscribers.bulk.preview'>;
type Skip = OutputOf<'subscribers.bulk.preview'>['rows'][number]['skip'];
type Change = { field: string; before: string | null; after: string | null };

interface PlannedRow {
  row: SubscriberRow;
  after: SubscriberRow | null;
  pkg: PackageWithRouters | null;
  changes: Change[];
  skip: Skip;
}

/** Rows to work on, in account order: explicit ids (all must exist) or a list filter. */
async function targets(scope: TenantScope, input: BulkInput): Promise<SubscriberRow[]> {
  if (input.ids) {
    const ids = [...new Set(input.ids)];
    const rows = await scope.db.selectFrom('subscribers').selectAll().where('id', 'in', ids).where('deletedAt', 'is', null).orderBy('accountNumber').execute();
    if (rows.length !== ids.length) throw notFound('subscriber.not-found');
    return rows;
  }
  const rows = await filteredSubscribers(scope.db, input.filter ?? {}, scope.core.clock.now()).selectAll()
    .orderBy('accountNumber').limit(BULK_MAX_ROWS + 1).execute();
  if (rows.length > BULK_MAX_ROWS) throw new AppError('CONFLICT', 'subscriber.bulk-too-many', { params: { max: BULK_MAX_ROWS } });
  return rows;
}

/**
 * Exactly what each row would become. Deterministic for the same data, so apply re-plans and compares
 * tokens instead of trusting the client: anything that changed in between refuses the apply.
 */
async function plan(scope: TenantScope, input: BulkInput): Promise<PlannedRow[]> {
  const rows = await targets(scope, input);
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  const op = input.operation;
  const packages = await packagesByIds(scope.db, rows.map((r) => r.packageId));
  let target: PackageWithRouters | null = null;
  if (op.action === 'changePackage' || (op.action === 'moveRouter' && op.packageId)) {
    target = await findPackage(scope.db, op.action === 'changePackage' ? op.packageId : op.packageId!);
    if (!target) throw notFound('package.not-found');
  }
  if (op.action === 'moveRouter') {
    const r = await scope.db.selectFrom('routers').select('id').where('id', '=', op.routerId).executeTakeFirst();
    if (!r) throw notFound('router.not-found');
  }
  const names = await nameLookup(scope, rows, op);
  const usedIps = new Map<string, Set<string>>();
  const used = async (routerId: string): Promise<Set<string>> => {
    let set = usedIps.get(routerId);
    if (!set) {
      set = new Set((await scope.db.selectFrom('subscribers').select('ipAddress').where('routerId', '=', routerId)
        .where('deletedAt', 'is', null).where('ipAddress', 'is not', null).execute()).map((r) => r.ipAddress!));
      usedIps.set(routerId, set);
    }
    return set;
  };
  const out: PlannedRow[] = [];
  for (const row of rows) {
    const current = packages.get(row.packageId)!;
    const p = await planRow(row, current, op, target, settings, now, scope.tenant.timezone, used);
    const changes: Change[] = [];
    if (p.after) {
      for (const k of ['packageId', 'routerId', 'ipAddress', 'expiresAt', 'status'] as const) {
        if (row[k] !== p.after[k]) changes.push({ field: k, before: names(k, row[k]), after: names(k, p.after[k]) });
      }
    }
    const skip: Skip = p.skip ?? (changes.length === 0 ? 'no-change' : null);
    out.push({ row, after: skip ? null : p.after, pkg: p.pkg, changes: skip ? [] : changes, skip });
  }
  return out;
}

async function planRow(
  row: SubscriberRow, current: PackageWithRouters, op: BulkOperation, target: PackageWithRouters | null, settings: SubscriberSettings,
  now: Date, timeZone: string, used: (routerId: string) => Promise<Set<string>>,
): Promise<{ after: SubscriberRow | null; pkg: PackageWithRouters | null; skip?: Skip }> {
  const updatedAt = now.toISOString();
  switch (op.action) {
    case 'extend': {
      const expiresAt = extendExpiry(new Date(row.expiresAt), now, { count: op.count, unit: op.unit }, 1, timeZone, { endOfDay: settings.disconnectAtEndOfDay }).toISOString();
      return { after: { ...row, expiresAt, status: statusFor(row.status, expiresAt, current.graceHours, now), updatedAt }, pkg: current };
    }
    case 'suspend':
      return { after: { ...row, status: 'suspended', updatedAt }, pkg: current };
    case 'reconnect':
      if (row.status !== 'suspended' && row.status !== 'disabled') return { after: null, pkg: current, skip: 'no-change' };
      return { after: { ...row, status: statusFor(null, row.expiresAt, current.graceHours, now), updatedAt }, pkg: current };
    case 'changePackage':
    case 'moveRouter': {
      const pkg = target ?? current;
      const routerId = op.action === 'moveRouter' ? op.routerId : row.routerId;
      if (pkg.id === row.packageId && routerId === row.routerId) return { after: null, pkg, skip: 'no-change' };
      const onRouter = pkg.routers.find((r) => r.routerId === routerId);
      if (!onRouter) return { after: null, pkg, skip: 'package-other-router' };
      if (pkg.status === 'disabled' && pkg.id !== row.packageId) return { after: null, pkg, skip: 'package-disabled' };
      if (pkg.serviceType !== row.serviceType) return { after: null, pkg, skip: 'wrong-service-type' };
      let ipAddress = row.ipAddress;
      if (pkg.serviceType === 'static') {
        const pool = onRouter.addressPool;
        const taken = await used(routerId);
        const keeps = pool !== null && ipAddress !== null && inPool(pool, ipAddress) && (routerId === row.routerId || !taken.has(ipAddress));
        if (!keeps) {
          ipAddress = pool === null ? null : firstFree(pool, taken);
          if (ipAddress === null) return { after: null, pkg, skip: 'address-needed' };
        }
        taken.add(ipAddress!);
      }
      return { after: { ...row, packageId: pkg.id, routerId, ipAddress, status: statusFor(row.status, row.expiresAt, pkg.graceHours, now), updatedAt }, pkg };
    }
  }
}

/** Package and router ids shown as names in the preview. */
async function nameLookup(scope: TenantScope, rows: SubscriberRow[], op: BulkOperation): Promise<(field: string, v: string | null) => string | null> {
  const pkgIds = new Set(rows.map((r) => r.packageId));
  const routerIds = new Set(rows.map((r) => r.routerId));
  if (op.action === 'changePackage') pkgIds.add(op.packageId);
  if (op.action === 'moveRouter') {
    routerIds.add(op.routerId);
    if (op.packageId) pkgIds.add(op.packageId);
  }
  const pk = new Map((await scope.db.selectFrom('packages').select(['id', 'name']).where('id', 'in', [...pkgIds]).execute()).map((p) => [p.id, p.name]));
  const rt = new Map((await scope.db.selectFrom('routers').select(['id', 'name']).where('id', 'in', [...routerIds]).execute()).map((p) => [p.id, p.name]));
  return (field, v) => (v === null ? null : field === 'packageId' ? (pk.get(v) ?? v) : field === 'routerId' ? (rt.get(v) ?? v) : v);
}

/**
 * Binds an apply to the previewed rows: the same rows with the same stored values, the same ones skipped.
 * Values computed from "now" (extending an already expired row) are recomputed at apply time.
 */
function tokenOf(op: BulkOperation, planned: PlannedRow[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(op));
  for (const p of planned) h.update(JSON.stringify([p.row, p.skip]));
  return h.digest('hex');
}

export async function previewBulk(scope: TenantScope, input: BulkInput): Promise<OutputOf<'subscribers.bulk.preview'>> {
  const planned = await plan(scope, input);
  return {
    token: tokenOf(input.operation, planned),
    total: planned.length,
    changing: planned.filter((p) => p.skip === null).length,
    rows: planned.map((p) => ({ subscriberId: p.row.id, accountNumber: p.row.accountNumber, fullName: p.row.fullName, changes: p.changes, skip: p.skip })),
  };
}

const CHUNK = 500;

export async function applyBulk(scope: TenantScope, input: ParsedInputOf<'subscribers.bulk.apply'>): Promise<OutputOf<'subscribers.bulk.apply'>> {
  const { token, ...rest } = input;
  const planned = await plan(scope, rest);
  if (tokenOf(input.operation, planned) !== token) throw new AppError('CONFLICT', 'subscriber.bulk-stale');
  const settings = await readSettings(scope.db);
  const work = planned.filter((p) => p.after !== null);
  const routers = new Set<string>();
  for (let i = 0; i < work.length; i += CHUNK) {
    const now = scope.core.clock.now();
    await scope.db.transaction().execute(async (trx) => {
      for (const p of work.slice(i, i + CHUNK)) {
        const touched = await writeSubscriber(trx, scope, {
          before: p.row, after: p.after!, pkg: p.pkg!, action: 'subscriber.bulk-applied',
          summary: `Bulk ${input.operation.action}: ${p.changes.map((c) => `${c.field} ${c.before ?? '–'} → ${c.after ?? '–'}`).join(', ')}`,
          extraDetails: { operation: input.operation },
        }, settings.expiryAction, now);
        for (const r of touched) routers.add(r);
      }
    });
    scope.core.events.emit('subscribers.bulk-progress', { tenantId: scope.tenant.id }, { token, done: Math.min(i + CHUNK, work.length), total: work.length });
  }
  kickAll(scope, [...routers]);
  return { applied: work.length, skipped: planned.length - work.length };
}
