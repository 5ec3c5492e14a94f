import type { Kysely, Selectable } from 'kysely';
import { notFound } from '@shared/domain/errors';
import type { PackageSummary, RateLimit } from '@shared/contract/packages';
import type { PackagesTable, TenantDB } from '../db/tenant-schema';

export type PackageRow = Selectable<PackagesTable>;

/** A package with the routers offering it (what desired state and validation need). */
export interface PackageWithRouters extends PackageRow {
  routers: { routerId: string; addressPool: string | null }[];
}

export async function findPackage(db: Kysely<TenantDB>, id: string): Promise<PackageWithRouters | null> {
  const row = await db.selectFrom('packages').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) return null;
  const routers = await db.selectFrom('packageRouters').select(['routerId', 'addressPool']).where('packageId', '=', id).orderBy('routerId').execute();
  return { ...row, routers };
}

export async function mustFindPackage(db: Kysely<TenantDB>, id: string): Promise<PackageWithRouters> {
  const p = await findPackage(db, id);
  if (!p) throw notFound('package.not-found');
  return p;
}

/** Packages by id with their routers, for many subscribers at once. */
export async function packagesByIds(db: Kysely<TenantDB>, ids: readonly string[]): Promise<Map<string, PackageWithRouters>> {
  const out = new Map<string, PackageWithRouters>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('packages').selectAll().where('id', 'in', unique).execute();
  const links = await db.selectFrom('packageRouters').select(['packageId', 'routerId', 'addressPool']).where('packageId', 'in', unique).execute();
  for (const r of rows) out.set(r.id, { ...r, routers: [] });
  for (const l of links) out.get(l.packageId)?.routers.push({ routerId: l.routerId, addressPool: l.addressPool });
  return out;
}

export function rateLimitOf(p: PackageRow): RateLimit {
  return { rxKbps: p.rateRxKbps, txKbps: p.rateTxKbps, burst: p.burst ? (JSON.parse(p.burst) as RateLimit['burst']) : null };
}

export function toPackageSummary(p: PackageWithRouters, subscriberCount: number): PackageSummary {
  return {
    id: p.id,
    name: p.name,
    serviceType: p.serviceType,
    routerIds: p.routers.map((r) => r.routerId),
    rateLimit: rateLimitOf(p),
    pppProfile: p.pppProfileMode && p.pppProfileName ? { mode: p.pppProfileMode, name: p.pppProfileName } : null,
    remotePool: p.remotePool,
    addressPools: p.routers.filter((r) => r.addressPool !== null).map((r) => ({ routerId: r.routerId, cidr: r.addressPool! })),
    priceMinor: p.priceMinor,
    period: { count: p.periodCount, unit: p.periodUnit },
    graceHours: p.graceHours,
    status: p.status,
    subscriberCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export async function subscriberCounts(db: Kysely<TenantDB>, packageIds: readonly string[]): Promise<Map<string, number>> {
  if (packageIds.length === 0) return new Map();
  const rows = await db.selectFrom('subscribers').select((eb) => ['packageId', eb.fn.countAll<number>().as('n')])
    .where('deletedAt', 'is', null).where('packageId', 'in', [...packageIds]).groupBy('packageId').execute();
  return new Map(rows.map((r) => [r.packageId, Number(r.n)]));
}
