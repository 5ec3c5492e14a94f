import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB } from '../db/tenant-schema';
import type { DesiredObject } from './desired-object';

/**
 * Records desired state the router already has, read from it just before (adoption of hotspot users and
 * profiles): each object is stored as applied, with no outbox entry, so nothing is written to the router.
 * A queued `add` would bring back an item the router's own scripts removed in the meantime (Mikhmon's
 * expiry scheduler removes used-up users); instead the next reconcile reports such an item missing.
 * Objects the app already has (same router, menu and tag) are left as they are. Returns how many were recorded.
 */
export async function recordAlreadyOnRouter(trx: Kysely<TenantDB>, objects: readonly DesiredObject[], now: Date): Promise<number> {
  const at = now.toISOString();
  const wanted = objects.filter((o) => o.props !== null);
  const known = new Set<string>();
  const keyOf = (o: { routerId: string; menu: string; tag: string }) => `${o.routerId}\u0000${o.menu}\u0000${o.tag}`;
  // Looked up per router and menu, so the (router, menu, tag) unique index answers.
  const groups = new Map<string, { routerId: string; menu: string; tags: string[] }>();
  for (const o of wanted) {
    const g = groups.get(`${o.routerId}\u0000${o.menu}`) ?? { routerId: o.routerId, menu: o.menu, tags: [] };
    g.tags.push(o.tag);
    groups.set(`${o.routerId}\u0000${o.menu}`, g);
  }
  for (const g of groups.values()) {
    for (let i = 0; i < g.tags.length; i += 500) {
      const rows = await trx.selectFrom('routerObjects').select(['routerId', 'menu', 'tag'])
        .where('routerId', '=', g.routerId).where('menu', '=', g.menu).where('tag', 'in', g.tags.slice(i, i + 500)).execute();
      for (const r of rows) known.add(keyOf(r));
    }
  }
  const fresh = [];
  for (const o of wanted) {
    const k = keyOf(o);
    if (known.has(k)) continue;
    known.add(k);
    fresh.push({
      id: uuidv7(), routerId: o.routerId, menu: o.menu, tag: o.tag, ownerType: o.owner.type, ownerId: o.owner.id,
      desired: JSON.stringify(o.props), sealed: o.sealed ? JSON.stringify(o.sealed) : null,
      version: 1, appliedVersion: 1, status: 'synced' as const, lastError: null, lastSyncedAt: at, updatedAt: at,
    });
  }
  // 14 columns a row: 500 rows stay under SQLite's bound-parameter limit.
  for (let i = 0; i < fresh.length; i += 500) await trx.insertInto('routerObjects').values(fresh.slice(i, i + 500)).execute();
  return fresh.length;
}
