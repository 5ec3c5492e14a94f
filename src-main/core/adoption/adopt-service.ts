import { AppError } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantCtx, TenantScope } from '../context';
import { pageInMemory } from '../paging';
import { onRouter } from '../routers/on-router';
import type { RouterRow } from '../routers/router-repo';
import { createPackage, kickAll, updatePackage } from '../subscribers/package-service';
import { findPackage, type PackageWithRouters } from '../subscribers/package-repo';
import { readSettings } from '../subscribers/settings';
import { adoptChunk } from './adopt-chunk';
import { adoptStaticChunk } from './adopt-static-chunk';
import { planAdoption, type AdoptionPlan, type PackagePlan } from './plan';
import { readRouterSnapshot } from './read-router';
import { planStaticAdoption, type StaticPlan } from './static-plan';
import { existingPackages, existingStaticPackages, takenAddresses, takenUsernames } from './tenant-view';

/** Subscribers written per transaction: big enough to be fast, small enough not to hold the file for long. */
export const ADOPT_CHUNK = 250;

/**
 * Package rate for a profile without a (readable) rate-limit. The profile stays the router's own
 * ('existing' mode): ISP Desk never writes this rate to the router, it only shows it.
 */
export const UNLIMITED_KBPS = 1_000_000;

/**
 * Routers being adopted now (tenant/router). Two runs at once would both plan the same secrets; the second
 * would only skip them row by row, so it is refused up front instead.
 */
const running = new Set<string>();

async function planFor(ctx: TenantCtx, routerId: string): Promise<{ plan: AdoptionPlan; statics: StaticPlan; router: RouterRow }> {
  const { snap, router } = await onRouter(ctx, routerId, async (conn, r) => ({ snap: await readRouterSnapshot(conn), router: r }));
  const [taken, packages, addresses, staticPackages] = await Promise.all([
    takenUsernames(ctx.db), existingPackages(ctx.db), takenAddresses(ctx.db, routerId), existingStaticPackages(ctx.db),
  ]);
  const now = ctx.core.clock.now();
  const plan = planAdoption(snap, {
    routerId, routerName: router.name, takenUsernames: taken, packages, now, timeZone: ctx.tenant.timezone,
  });
  // Names the PPP side is about to give new packages are taken too.
  const packageNames = new Set([...packages.map((p) => p.name), ...plan.packages.filter((p) => p.willCreate).map((p) => p.packageName)]);
  const statics = planStaticAdoption(snap, {
    routerId, routerName: router.name, takenAddresses: addresses, packages: staticPackages, packageNames, now, timeZone: ctx.tenant.timezone,
  });
  return { plan, statics, router };
}

function packageView(p: PackagePlan): OutputOf<'adoption.preview'>['packages'][number] {
  return {
    profile: p.profile, packageId: p.packageId, packageName: p.packageName,
    rateLimit: p.rateLimit ? { rxKbps: p.rateLimit.rxKbps, txKbps: p.rateLimit.txKbps } : null,
    rateLimitText: p.rateLimitText, secrets: p.secrets, willCreate: p.willCreate,
  };
}

function counts(plan: AdoptionPlan, statics: StaticPlan): OutputOf<'adoption.preview'>['counts'] {
  const toAdopt = plan.rows.filter((r) => r.skip === null).length;
  const staticToAdopt = statics.rows.filter((r) => r.skip === null).length;
  return {
    secrets: plan.rows.length, toAdopt, skipped: plan.rows.length - toAdopt, packagesToCreate: plan.packages.filter((p) => p.willCreate).length,
    staticQueues: plan.staticQueues, staticLeases: plan.staticLeases,
    staticToAdopt, staticSkipped: statics.rows.length - staticToAdopt, staticPackagesToCreate: statics.packages.filter((p) => p.willCreate).length,
  };
}

function staticRowsView(statics: StaticPlan): OutputOf<'adoption.preview'>['staticRows']['items'] {
  const names = new Map(statics.packages.map((p) => [p.key, p.packageName]));
  return statics.rows.map((r) => ({
    queueName: r.queue?.name ?? null, address: r.address, macAddress: r.macAddress, fullName: r.fullName, maxLimit: r.queue?.maxLimit ?? '',
    packageName: r.skip === null && r.packageKey ? names.get(r.packageKey) ?? null : null, expiresAt: r.expiresAt?.toISOString() ?? null, skip: r.skip,
  }));
}

export async function previewAdoption(ctx: TenantCtx, q: ParsedInputOf<'adoption.preview'>): Promise<OutputOf<'adoption.preview'>> {
  const { plan, statics } = await planFor(ctx, q.routerId);
  const rows = (q.onlySkipped ? plan.rows.filter((r) => r.skip !== null) : plan.rows).map((r) => ({
    username: r.secret.name, profile: r.secret.profile, disabled: r.secret.disabled, comment: r.secret.comment,
    expiresAt: r.expiresAt?.toISOString() ?? null, skip: r.skip,
  }));
  const staticRows = q.onlySkipped ? staticRowsView(statics).filter((r) => r.skip !== null) : staticRowsView(statics);
  return {
    counts: counts(plan, statics),
    packages: plan.packages.map(packageView),
    staticPackages: statics.packages.map((p) => ({
      key: p.key, packageId: p.packageId, packageName: p.packageName, rateLimit: p.rate, cidr: p.cidr, customers: p.customers, willCreate: p.willCreate,
    })),
    staticRows: pageInMemory(staticRows, { page: q.staticPage, pageSize: q.pageSize, ...(q.q !== undefined && { q: q.q }) }, {
      defaultSort: { field: 'address', dir: 'asc' }, searchText: (r) => [r.address, r.queueName ?? '', r.fullName, r.macAddress ?? ''],
      value: (r) => ipSortKey(r.address),
    }),
    rows: pageInMemory(rows, q, {
      defaultSort: { field: 'username', dir: 'asc' }, searchText: (r) => [r.username, r.profile, r.comment],
      value: (r, field) => (field === 'skip' ? (r.skip ?? '') : field === 'profile' ? r.profile : r.username),
    }),
  };
}

/** Packages for the profiles in use: existing ones kept (and offered on this router), new ones created. */
async function ensurePackages(scope: TenantScope, routerId: string, plan: AdoptionPlan, prices: ReadonlyMap<string, number>): Promise<{ byProfile: Map<string, PackageWithRouters>; created: number }> {
  const settings = await readSettings(scope.db);
  const byProfile = new Map<string, PackageWithRouters>();
  let created = 0;
  for (const p of plan.packages) {
    if (p.secrets === 0) continue;
    let id = p.packageId;
    if (p.willCreate) {
      const rate = p.rateLimit ?? { rxKbps: UNLIMITED_KBPS, txKbps: UNLIMITED_KBPS, burst: null };
      const pkg = await createPackage(scope, {
        name: p.packageName, serviceType: 'pppoe', routerIds: [routerId], rateLimit: rate,
        // The router's own profile, kept as it is: ISP Desk does not take it over ('existing', not 'managed').
        pppProfile: { mode: 'existing', name: p.profile }, remotePool: null, addressPools: [],
        priceMinor: prices.get(p.profile) ?? 0, period: { count: 1, unit: 'months' }, graceHours: settings.defaultGraceHours, status: 'active',
      });
      id = pkg.id;
      created += 1;
    } else if (p.attachRouter && id) {
      const current = await findPackage(scope.db, id);
      if (current) await updatePackage(scope, { packageId: id, routerIds: [...current.routers.map((r) => r.routerId), routerId] });
    }
    const pkg = id ? await findPackage(scope.db, id) : null;
    if (pkg) byProfile.set(p.profile, pkg);
  }
  return { byProfile, created };
}

/** Addresses sort as numbers (10.0.0.9 before 10.0.0.10); anything else after them. */
function ipSortKey(address: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  return m ? ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]) : Number.MAX_SAFE_INTEGER;
}

/** Static packages for the queue rates in use: existing ones kept, new ones created with a pool covering their addresses. */
async function ensureStaticPackages(scope: TenantScope, routerId: string, statics: StaticPlan, prices: ReadonlyMap<string, number>): Promise<{ byKey: Map<string, PackageWithRouters>; created: number }> {
  const settings = await readSettings(scope.db);
  const byKey = new Map<string, PackageWithRouters>();
  let created = 0;
  for (const p of statics.packages) {
    if (p.customers === 0) continue;
    let id = p.packageId;
    if (p.willCreate && p.cidr !== null) {
      const pkg = await createPackage(scope, {
        name: p.packageName, serviceType: 'static', routerIds: [routerId], rateLimit: { ...p.rate, burst: null },
        pppProfile: null, remotePool: null, addressPools: [{ routerId, cidr: p.cidr }],
        priceMinor: prices.get(p.key) ?? 0, period: { count: 1, unit: 'months' }, graceHours: settings.defaultGraceHours, status: 'active',
      });
      id = pkg.id;
      created += 1;
    }
    const pkg = id ? await findPackage(scope.db, id) : null;
    if (pkg) byKey.set(p.key, pkg);
  }
  return { byKey, created };
}

export async function applyAdoption(ctx: TenantCtx, input: ParsedInputOf<'adoption.apply'>): Promise<OutputOf<'adoption.apply'>> {
  const key = `${ctx.tenant.id}/${input.routerId}`;
  if (running.has(key)) throw new AppError('CONFLICT', 'adoption.running');
  running.add(key);
  try {
    const { plan, statics, router } = await planFor(ctx, input.routerId);
    const prices = new Map(input.prices.map((p) => [p.profile, p.priceMinor]));
    const { byProfile, created: packagesCreated } = await ensurePackages(ctx, router.id, plan, prices);
    const settings = await readSettings(ctx.db);
    const todo = plan.rows.filter((r) => r.skip === null);
    const staticTodo = statics.rows.filter((r) => r.skip === null);
    let subscribersCreated = 0;
    for (let i = 0; i < todo.length; i += ADOPT_CHUNK) {
      subscribersCreated += await adoptChunk(ctx, router, todo.slice(i, i + ADOPT_CHUNK), byProfile, settings);
      kickAll(ctx, [router.id]);
      ctx.core.events.emit('adoption.progress', { tenantId: ctx.tenant.id }, { routerId: router.id, done: Math.min(i + ADOPT_CHUNK, todo.length), total: todo.length + staticTodo.length });
    }
    const staticPrices = new Map(input.staticPrices.map((p) => [p.key, p.priceMinor]));
    const { byKey, created: staticPackagesCreated } = await ensureStaticPackages(ctx, router.id, statics, staticPrices);
    let staticSubscribersCreated = 0;
    for (let i = 0; i < staticTodo.length; i += ADOPT_CHUNK) {
      staticSubscribersCreated += await adoptStaticChunk(ctx, router, staticTodo.slice(i, i + ADOPT_CHUNK), byKey, settings);
      kickAll(ctx, [router.id]);
      // Progress counts PPP secrets and static customers as one run.
      ctx.core.events.emit('adoption.progress', { tenantId: ctx.tenant.id }, {
        routerId: router.id, done: todo.length + Math.min(i + ADOPT_CHUNK, staticTodo.length), total: todo.length + staticTodo.length,
      });
    }
    return {
      packagesCreated: packagesCreated + staticPackagesCreated, subscribersCreated, skipped: plan.rows.length - subscribersCreated,
      staticSubscribersCreated, staticSkipped: statics.rows.length - staticSubscribersCreated,
    };
  } finally {
    running.delete(key);
  }
}
