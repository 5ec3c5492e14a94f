import { sql, type Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { ExistingPackage } from './plan';

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
