import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB } from '../db/tenant-schema';
import type { DesiredObject } from './desired-object';

/**
 * Records desired router state and its outbox entries. Callers pass their own transaction so the domain
 * change and the router change commit together (or not at all); nothing here talks to a router. The
 * per-router worker is woken after commit (`routerSyncOf(core).kick`).
 */
export async function enqueueRouterChanges(trx: Kysely<TenantDB>, changes: readonly DesiredObject[], now: Date): Promise<number> {
  const at = now.toISOString();
  let n = 0;
  for (const c of changes) {
    const desired = c.props === null ? null : JSON.stringify(c.props);
    const sealed = c.sealed && c.props !== null ? JSON.stringify(c.sealed) : null;
    const existing = await trx
      .selectFrom('routerObjects')
      .select(['id', 'version', 'desired', 'sealed', 'appliedVersion'])
      .where('routerId', '=', c.routerId)
      .where('menu', '=', c.menu)
      .where('tag', '=', c.tag)
      .executeTakeFirst();
    if (!existing && desired === null) continue; // never created: nothing to remove
    if (existing && existing.desired === desired && existing.sealed === sealed && existing.appliedVersion === existing.version) continue;
    const id = existing?.id ?? uuidv7();
    const version = (existing?.version ?? 0) + 1;
    if (existing) {
      await trx
        .updateTable('routerObjects')
        .set({ desired, sealed, version, status: 'pending', lastError: null, ownerType: c.owner.type, ownerId: c.owner.id, updatedAt: at })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('routerObjects')
        .values({ id, routerId: c.routerId, menu: c.menu, tag: c.tag, ownerType: c.owner.type, ownerId: c.owner.id, desired, sealed, version, appliedVersion: null, status: 'pending', lastError: null, lastSyncedAt: null, updatedAt: at })
        .execute();
    }
    await trx
      .insertInto('routerOutbox')
      .values({ id: uuidv7(), routerId: c.routerId, objectId: id, version, createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null })
      .execute();
    n += 1;
  }
  return n;
}

/** Routers with work waiting (for the worker after start-up or a restore). */
export async function routersWithPendingWork(db: Kysely<TenantDB>): Promise<string[]> {
  const rows = await db.selectFrom('routerOutbox').select('routerId').where('status', '=', 'pending').groupBy('routerId').execute();
  return rows.map((r) => r.routerId);
}

