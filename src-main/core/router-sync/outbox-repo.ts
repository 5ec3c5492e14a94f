import { sql, type Kysely, type Selectable } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { RouterObjectsTable, TenantDB } from '../db/tenant-schema';

export type RouterObjectRow = Selectable<RouterObjectsTable>;

/**
 * The objects with outbox entries due now, once each however many versions piled up (only the latest
 * desired state is applied), in the order of their first pending entry (a package's profile is enqueued
 * before the secrets that use it).
 */
export async function dueObjects(db: Kysely<TenantDB>, routerId: string, now: Date): Promise<RouterObjectRow[]> {
  const due = await db
    .selectFrom('routerOutbox')
    .select(['objectId', sql<string>`min(id)`.as('firstId')])
    .where('routerId', '=', routerId)
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now.toISOString())
    .groupBy('objectId')
    .orderBy('firstId')
    .execute();
  if (due.length === 0) return [];
  const rows = new Map<string, RouterObjectRow>();
  for (let i = 0; i < due.length; i += 500) {
    const ids = due.slice(i, i + 500).map((d) => d.objectId);
    for (const r of await db.selectFrom('routerObjects').selectAll().where('id', 'in', ids).execute()) rows.set(r.id, r);
  }
  const out: RouterObjectRow[] = [];
  for (const d of due) {
    const r = rows.get(d.objectId);
    if (r) out.push(r);
  }
  // Entries of objects that no longer exist (deleted after a removal was applied) have nothing to do.
  const orphans = due.filter((d) => !rows.has(d.objectId)).map((d) => d.objectId);
  if (orphans.length > 0) await markEntriesDone(db, routerId, orphans.map((id) => ({ objectId: id, version: Number.MAX_SAFE_INTEGER })), now);
  return out;
}

/** Earliest time a deferred entry of the router is due again (null when nothing waits). */
export async function nextDueAt(db: Kysely<TenantDB>, routerId: string): Promise<Date | null> {
  const r = await db.selectFrom('routerOutbox').select(sql<string | null>`min(next_attempt_at)`.as('at'))
    .where('routerId', '=', routerId).where('status', '=', 'pending').executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

async function markEntriesDone(db: Kysely<TenantDB>, routerId: string, done: readonly { objectId: string; version: number }[], now: Date): Promise<void> {
  for (const d of done) {
    await db.updateTable('routerOutbox').set({ status: 'done', doneAt: now.toISOString(), lastError: null })
      .where('routerId', '=', routerId).where('objectId', '=', d.objectId).where('version', '<=', d.version).where('status', '=', 'pending')
      .execute();
  }
}

export interface AppliedObject {
  objectId: string;
  /** The version whose desired state the router now verifiably holds. */
  version: number;
  removed: boolean;
}

/**
 * Records verified applies in one transaction. A newer version enqueued meanwhile keeps the object
 * pending (its own entry is still due); a verified removal deletes the row unless it was re-desired.
 */
export async function recordApplied(db: Kysely<TenantDB>, routerId: string, applied: readonly AppliedObject[], now: Date): Promise<void> {
  if (applied.length === 0) return;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const a of applied) {
      if (a.removed) {
        await trx.deleteFrom('routerObjects').where('id', '=', a.objectId).where('version', '=', a.version).execute();
      }
      await trx.updateTable('routerObjects')
        .set({
          appliedVersion: a.version, lastError: null, lastSyncedAt: at,
          status: sql<'pending' | 'synced'>`case when version = ${a.version} then 'synced' else 'pending' end`,
        })
        .where('id', '=', a.objectId).where('version', '>=', a.version)
        .execute();
    }
    await markEntriesDone(trx, routerId, applied, now);
  });
}

/** The router refused the object: its words on the object and on its entries; other objects go on. */
export async function recordRefused(db: Kysely<TenantDB>, routerId: string, refused: readonly { objectId: string; version: number; message: string }[]): Promise<void> {
  if (refused.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const r of refused) {
      await trx.updateTable('routerObjects').set({ status: 'error', lastError: r.message })
        .where('id', '=', r.objectId).where('version', '=', r.version).execute();
      await trx.updateTable('routerOutbox').set({ status: 'failed', lastError: r.message })
        .where('routerId', '=', routerId).where('objectId', '=', r.objectId).where('version', '<=', r.version).where('status', '=', 'pending')
        .execute();
    }
  });
}

/** The router could not be reached or was lost: entries stay pending and come due again after `delayMs`. */
export async function deferRouter(db: Kysely<TenantDB>, routerId: string, message: string, now: Date, delayMs: number): Promise<void> {
  await db.updateTable('routerOutbox')
    .set({ attempts: sql<number>`attempts + 1`, lastError: message, nextAttemptAt: new Date(now.getTime() + delayMs).toISOString() })
    .where('routerId', '=', routerId).where('status', '=', 'pending')
    .execute();
}

/** Failed entries (and objects in error) of a router or one object go back to pending, due now. */
export async function resetFailed(db: Kysely<TenantDB>, routerId: string, objectId: string | null, now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let objects = trx.selectFrom('routerObjects').select(['id', 'version']).where('routerId', '=', routerId).where('status', '=', 'error');
    if (objectId) objects = objects.where('id', '=', objectId);
    const rows = await objects.execute();
    for (const o of rows) {
      await trx.updateTable('routerObjects').set({ status: 'pending', lastError: null }).where('id', '=', o.id).execute();
      await trx.insertInto('routerOutbox').values({
        id: uuidv7(), routerId, objectId: o.id, version: o.version, createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null,
      }).execute();
    }
    let pending = trx.updateTable('routerOutbox').set({ nextAttemptAt: at }).where('routerId', '=', routerId).where('status', '=', 'pending');
    if (objectId) pending = pending.where('objectId', '=', objectId);
    await pending.execute();
    return rows.length;
  });
}

/**
 * A fresh outbox entry for an object's current desired state (drift "apply ours"): the worker then reads
 * the router and writes whatever differs. Runs in the caller's transaction.
 */
export async function requeueObjects(trx: Kysely<TenantDB>, routerId: string, objectIds: readonly string[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const id of objectIds) {
    const o = await trx.selectFrom('routerObjects').select(['version']).where('id', '=', id).where('routerId', '=', routerId).executeTakeFirst();
    if (!o) continue;
    const version = o.version + 1;
    await trx.updateTable('routerObjects').set({ version, status: 'pending', lastError: null, updatedAt: at }).where('id', '=', id).execute();
    await trx.insertInto('routerOutbox').values({
      id: uuidv7(), routerId, objectId: id, version, createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null,
    }).execute();
  }
}
