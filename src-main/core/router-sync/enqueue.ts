import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { RouterObjectsTable, TenantDB } from '../db/tenant-schema';
import type { DesiredObject } from './desired-object';
import { insertJsonRows, updateJsonRows } from '../db/json-rows';

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


/**
 * The same as calling `enqueueRouterChanges` once per list, in order (versions and outbox entries identical),
 * with one read of the existing objects and multi-row writes: the payments pipeline renews up to a chunk of
 * subscribers per transaction (money.apply_10k_payments_ms).
 */
export async function enqueueRouterChangesMany(trx: Kysely<TenantDB>, lists: readonly (readonly DesiredObject[])[], now: Date): Promise<number> {
  const all = lists.flat();
  if (all.length === 0) return 0;
  const at = now.toISOString();
  const keyOf = (routerId: string, menu: string, tag: string) => `${routerId}\u0000${menu}\u0000${tag}`;
  type Obj = Pick<Selectable<RouterObjectsTable>, 'id' | 'version' | 'desired' | 'sealed' | 'appliedVersion' | 'ownerType' | 'ownerId' | 'routerId' | 'menu' | 'tag'> & { isNew: boolean; touched: boolean };
  const objects = new Map<string, Obj>();
  const tags = [...new Set(all.map((c) => c.tag))];
  for (let i = 0; i < tags.length; i += 500) {
    const rows = await trx.selectFrom('routerObjects').select(['id', 'routerId', 'menu', 'tag', 'version', 'desired', 'sealed', 'appliedVersion', 'ownerType', 'ownerId'])
      .where('tag', 'in', tags.slice(i, i + 500)).execute();
    for (const r of rows) objects.set(keyOf(r.routerId, r.menu, r.tag), { ...r, isNew: false, touched: false });
  }
  const outbox: { id: string; routerId: string; objectId: string; version: number }[] = [];
  for (const c of all) {
    const desired = c.props === null ? null : JSON.stringify(c.props);
    const sealed = c.sealed && c.props !== null ? JSON.stringify(c.sealed) : null;
    const k = keyOf(c.routerId, c.menu, c.tag);
    const existing = objects.get(k);
    if (!existing && desired === null) continue;
    if (existing && existing.desired === desired && existing.sealed === sealed && existing.appliedVersion === existing.version) continue;
    const obj: Obj = existing
      ? { ...existing, desired, sealed, version: existing.version + 1, ownerType: c.owner.type, ownerId: c.owner.id, touched: true }
      : { id: uuidv7(), routerId: c.routerId, menu: c.menu, tag: c.tag, version: 1, desired, sealed, appliedVersion: null, ownerType: c.owner.type, ownerId: c.owner.id, isNew: true, touched: true };
    objects.set(k, obj);
    outbox.push({ id: uuidv7(), routerId: c.routerId, objectId: obj.id, version: obj.version });
  }
  const touched = [...objects.values()].filter((o) => o.touched);
  const fresh = touched.filter((o) => o.isNew).map((o) => ({
    id: o.id, routerId: o.routerId, menu: o.menu, tag: o.tag, ownerType: o.ownerType, ownerId: o.ownerId, desired: o.desired, sealed: o.sealed,
    version: o.version, appliedVersion: null, status: 'pending' as const, lastError: null, lastSyncedAt: null, updatedAt: at,
  }));
  await insertJsonRows(trx, 'routerObjects', fresh);
  await updateJsonRows(trx, 'routerObjects', ['desired', 'sealed', 'version', 'status', 'lastError', 'ownerType', 'ownerId', 'updatedAt'],
    touched.filter((x) => !x.isNew).map((o) => [o.id, o.desired, o.sealed, o.version, 'pending', null, o.ownerType, o.ownerId, at]));
  await insertJsonRows(trx, 'routerOutbox', outbox.map((o) => ({ ...o, createdAt: at, status: 'pending' as const, attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null })));
  return outbox.length;
}
