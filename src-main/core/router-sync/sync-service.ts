import { sql } from 'kysely';
import { notFound } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { mapPage, pageQuery } from '../paging';
import { mustFindRouter } from '../routers/router-repo';
import { resetFailed } from './outbox-repo';
import { routerSyncOf } from './runtime';

export async function syncStatus(scope: TenantScope, input: ParsedInputOf<'sync.status'>): Promise<OutputOf<'sync.status'>> {
  if (input.routerId) await mustFindRouter(scope.db, input.routerId);
  let routers = scope.db.selectFrom('routers').select(['id', 'name']).orderBy('name');
  if (input.routerId) routers = routers.where('id', '=', input.routerId);
  const list = await routers.execute();
  const counts = await scope.db.selectFrom('routerObjects').select(['routerId', 'status', sql<number>`count(*)`.as('n')]).groupBy(['routerId', 'status']).execute();
  const runs = await scope.db.selectFrom('routerSyncRuns').selectAll().execute();
  const drift = await scope.db.selectFrom('routerDrift').select(['routerId', sql<number>`count(*)`.as('n')]).where('status', '=', 'open').groupBy('routerId').execute();
  const out = [];
  for (const r of list) {
    const n = (s: string) => Number(counts.find((c) => c.routerId === r.id && c.status === s)?.n ?? 0);
    const lastError = await scope.db.selectFrom('routerObjects').select('lastError')
      .where('routerId', '=', r.id).where('status', '=', 'error').orderBy('updatedAt', 'desc').executeTakeFirst();
    // Without a refused object, why pending work waits (router unreachable, connection lost).
    const waiting = lastError ? undefined : await scope.db.selectFrom('routerOutbox').select('lastError')
      .where('routerId', '=', r.id).where('status', '=', 'pending').where('lastError', 'is not', null).orderBy('id', 'desc').executeTakeFirst();
    out.push({
      routerId: r.id, routerName: r.name, pending: n('pending'), synced: n('synced'), error: n('error'),
      lastError: lastError?.lastError ?? waiting?.lastError ?? null,
      lastReconcileAt: runs.find((x) => x.routerId === r.id)?.lastReconcileAt ?? null,
      openDrift: Number(drift.find((d) => d.routerId === r.id)?.n ?? 0),
    });
  }
  return { routers: out };
}

export async function listSyncObjects(scope: TenantScope, q: ParsedInputOf<'sync.objects'>): Promise<OutputOf<'sync.objects'>> {
  if (q.routerId) await mustFindRouter(scope.db, q.routerId);
  let base = scope.db.selectFrom('routerObjects');
  if (q.routerId) base = base.where('routerId', '=', q.routerId);
  if (q.owner) base = base.where('ownerType', '=', q.owner.type).where('ownerId', '=', q.owner.id);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([sql<boolean>`tag like ${like} escape '\\'`, sql<boolean>`desired like ${like} escape '\\'`]));
  }
  const sort = q.sort ?? { field: 'updatedAt', dir: 'desc' as const };
  const page = await pageQuery(base, {
    page: q,
    select: (b) => b.select(['id', 'routerId', 'menu', 'tag', 'ownerType', 'ownerId', 'status', 'lastError', 'lastSyncedAt', 'updatedAt', 'desired']),
    sort: [{ by: sort.field, dir: sort.dir }, { by: 'id', dir: sort.dir }],
  });
  return mapPage(page, (r) => ({ ...r, desired: r.desired === null ? null : (JSON.parse(r.desired) as Record<string, string>) }));
}

export async function retrySync(scope: TenantScope, input: ParsedInputOf<'sync.retry'>): Promise<OutputOf<'sync.retry'>> {
  await mustFindRouter(scope.db, input.routerId);
  if (input.objectId) {
    const o = await scope.db.selectFrom('routerObjects').select('id').where('id', '=', input.objectId).where('routerId', '=', input.routerId).executeTakeFirst();
    if (!o) throw notFound('sync-object.not-found');
  }
  const requeued = await resetFailed(scope.db, input.routerId, input.objectId ?? null, scope.core.clock.now());
  routerSyncOf(scope.core).kick(scope.tenant.id, input.routerId);
  return { requeued };
}
