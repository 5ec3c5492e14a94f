import { sql, type Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { ExistingPackage } from './plan';
import type { ExistingStaticPackage } from './static-plan';

/** PPPoE user names already used by live subscribers, lower-cased (names are unique without case). */
export async function takenUsernames(db: Kysely<TenantDB>): Promise<Set<string>> {
  const rows = await db.selectFrom('subscribers').select(sql<string>`lower(username)`.as('u'))
    .where('deletedAt', 'is', null).where('username', 'is not', null).execute();
  return new Set(rows.map((r) => r.u));
}

/** Live packages with the routers offering them: profiles already mapped are reused, not duplicated. */
export async function existingPackages(db: Kysely<TenantDB>): Promise<ExistingPackage[]> {
  const [pkgs, links] = await Promise.all([
    db.selectFrom('packages').select(['id', 'name', 'serviceType', 'pppProfileName']).where('deletedAt', 'is', null).execute(),
    db.selectFrom('packageRouters').select(['packageId', 'routerId']).execute(),
  ]);
  const routersOf = new Map<string, string[]>();
  for (const l of links) routersOf.set(l.packageId, [...(routersOf.get(l.packageId) ?? []), l.routerId]);
  return pkgs.map((p) => ({ ...p, routerIds: routersOf.get(p.id) ?? [] }));
}

/** Addresses live subscribers on this router already have (static addresses are unique per router). */
export async function takenAddresses(db: Kysely<TenantDB>, routerId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('subscribers').select('ipAddress')
    .where('routerId', '=', routerId).where('deletedAt', 'is', null).where('ipAddress', 'is not', null).execute();
  return new Set(rows.map((r) => r.ipAddress!));
}

/** Live static packages with their pool per router: a queue's rate maps onto one of them instead of a new package. */
export async function existingStaticPackages(db: Kysely<TenantDB>): Promise<ExistingStaticPackage[]> {
  const [pkgs, links] = await Promise.all([
    db.selectFrom('packages').select(['id', 'name', 'rateRxKbps', 'rateTxKbps', 'burst']).where('deletedAt', 'is', null).where('serviceType', '=', 'static').execute(),
    db.selectFrom('packageRouters').select(['packageId', 'routerId', 'addressPool']).execute(),
  ]);
  const pools = new Map<string, Map<string, string | null>>();
  for (const l of links) {
    const m = pools.get(l.packageId) ?? new Map<string, string | null>();
    m.set(l.routerId, l.addressPool);
    pools.set(l.packageId, m);
  }
  return pkgs.map((p) => ({ id: p.id, name: p.name, rxKbps: p.rateRxKbps, txKbps: p.rateTxKbps, hasBurst: p.burst !== null, pools: pools.get(p.id) ?? new Map() }));
}
