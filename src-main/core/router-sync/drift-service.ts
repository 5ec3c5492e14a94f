import { AppError, isAppError, notFound } from '@shared/domain/errors';
import { parseEnforcementTag, subscriberTagPrefix } from '@shared/domain/enforcement-tag';
import { uuidv7 } from '@shared/domain/ids';
import type { Selectable } from 'kysely';
import type { RouterDriftTable } from '../db/tenant-schema';
import type { DriftAction, DriftKind } from '@shared/contract/router-sync';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { mapPage, pageQuery } from '../paging';
import { routerFailure } from '../routers/diagnose';
import { mustFindRouter } from '../routers/router-repo';
import { routersOf } from '../routers/runtime';
import { deleteDrift, saveDrift, saveReconcileFailure, setDriftIgnored } from './drift-repo';
import { requeueObjects } from './outbox-repo';
import { diffRouter } from './reconcile';
import { routerSyncOf } from './runtime';

/** Lists each managed menu of the router once, diffs with desired state and records the drift. */
export async function reconcileRouter(scope: TenantScope, routerId: string): Promise<OutputOf<'sync.reconcile'>> {
  const router = await mustFindRouter(scope.db, routerId);
  const now = scope.core.clock.now();
  const objects = await scope.db.selectFrom('routerObjects').selectAll().where('routerId', '=', routerId).execute();
  let diff;
  try {
    diff = await routersOf(scope.core).connections.run(scope.tenant.id, routerId, (conn) => diffRouter(conn, objects, now));
  } catch (e) {
    if (isAppError(e)) throw e;
    await saveReconcileFailure(scope.db, routerId, e instanceof Error ? e.message : String(e), now);
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
  const counts = await saveDrift(scope.db, routerId, diff.drift, diff.apiCalls, now);
  routerSyncOf(scope.core).snapshots.put(scope.tenant.id, routerId, now, diff.snapshot);
  for (const hook of routerSyncOf(scope.core).afterReconcile) {
    try {
      await hook(scope, routerId);
    } catch (e) {
      // The drift is saved and correct; a hook's router failure is retried by the next reconcile or check.
      scope.core.log.warn('after-reconcile hook failed', { routerId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { routerId, ...counts, apiCalls: diff.apiCalls, at: now.toISOString() };
}

export async function listDrift(scope: TenantScope, q: ParsedInputOf<'sync.drift.list'>): Promise<OutputOf<'sync.drift.list'>> {
  await mustFindRouter(scope.db, q.routerId);
  let base = scope.db.selectFrom('routerDrift').where('routerId', '=', q.routerId);
  if (!q.includeIgnored) base = base.where('status', '=', 'open');
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) base = base.where('label', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const sort = q.sort ?? { field: 'label', dir: 'asc' as const };
  const page = await pageQuery(base, {
    page: q,
    select: (b) => b.select(['id', 'routerId', 'menu', 'kind', 'label', 'objectId', 'routerItemId', 'diffs', 'status', 'detectedAt']),
    sort: [{ by: sort.field, dir: sort.dir }, { by: 'id', dir: sort.dir }],
  });
  return mapPage(page, (r) => ({ ...r, diffs: JSON.parse(r.diffs) as { prop: string; ours: string | null; theirs: string | null }[] }));
}

/** Which actions make sense for which drift: foreign items are not ours to remove; only a row we own can adopt. */
function canTake(kind: DriftKind, action: DriftAction, hasObject: boolean, comment: string | undefined): boolean {
  if (action === 'ignore') return true;
  if (action === 'adopt-theirs') return kind === 'different' && hasObject;
  if (kind === 'foreign') return false;
  if (kind === 'extra' && !hasObject) return parseEnforcementTag(comment ?? '') !== null;
  return true;
}

/**
 * Resolves drift rows. Chosen rows must all allow the action (else nothing is done); "all rows of a
 * router" skips the rows the action does not apply to and reports how many.
 */
export async function resolveDrift(scope: TenantScope, input: ParsedInputOf<'sync.drift.resolve'>): Promise<OutputOf<'sync.drift.resolve'>> {
  const now = scope.core.clock.now();
  const byIds = 'ids' in input;
  let q = scope.db.selectFrom('routerDrift').selectAll();
  if (byIds) q = q.where('id', 'in', input.ids);
  else {
    await mustFindRouter(scope.db, input.routerId);
    q = q.where('routerId', '=', input.routerId).where('status', '=', 'open');
  }
  const rows = await q.execute();
  if (byIds && rows.length !== new Set(input.ids).size) throw notFound('drift.not-found');
  const props = routerPropsOf;
  const usable = rows.filter((r) => canTake(r.kind, input.action, r.objectId !== null, props(r).comment));
  if (byIds && usable.length !== rows.length) {
    const bad = rows.find((r) => !usable.includes(r))!;
    throw new AppError('CONFLICT', 'drift.action-not-possible', { params: { kind: bad.kind, action: input.action } });
  }
  if (input.action === 'ignore') {
    await setDriftIgnored(scope.db, usable.map((r) => r.id));
  } else if (input.action === 'adopt-theirs') {
    const sync = routerSyncOf(scope.core);
    const objects = await scope.db.selectFrom('routerObjects').selectAll().where('id', 'in', usable.map((r) => r.objectId!).concat([''])).execute();
    for (const o of objects) if (!sync.ownerOf(o.ownerType)) throw new AppError('CONFLICT', 'drift.no-owner', { params: { ownerType: o.ownerType } });
    for (const r of usable) {
      const o = objects.find((x) => x.id === r.objectId);
      if (!o) continue;
      await sync.ownerOf(o.ownerType)!.adoptTheirs(scope, o, props(r));
    }
    await deleteDrift(scope.db, usable.map((r) => r.id));
  } else {
    await applyOurs(scope, usable, now);
  }
  return { resolved: usable.length, skipped: rows.length - usable.length };
}

type DriftRowRecord = Selectable<RouterDriftTable>;

function routerPropsOf(r: DriftRowRecord): Record<string, string> {
  return r.routerProps ? (JSON.parse(r.routerProps) as Record<string, string>) : {};
}

async function applyOurs(scope: TenantScope, rows: readonly DriftRowRecord[], now: Date): Promise<void> {
  const routers = new Set<string>();
  const at = now.toISOString();
  await scope.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      routers.add(r.routerId);
      if (r.objectId !== null) {
        await requeueObjects(trx, r.routerId, [r.objectId], now);
        continue;
      }
      // Our tag but no object: a leftover of a subscriber the app no longer has; removing it is "ours".
      const tag = parseEnforcementTag(routerPropsOf(r).comment ?? '');
      if (!tag) continue;
      const prefix = subscriberTagPrefix(tag.subscriberId);
      const existing = await trx.selectFrom('routerObjects').select('id').where('routerId', '=', r.routerId).where('menu', '=', r.menu).where('tag', '=', prefix).executeTakeFirst();
      if (existing) {
        await requeueObjects(trx, r.routerId, [existing.id], now);
        continue;
      }
      const id = uuidv7();
      await trx.insertInto('routerObjects').values({
        id, routerId: r.routerId, menu: r.menu, tag: prefix, ownerType: 'subscriber', ownerId: tag.subscriberId, desired: null, sealed: null,
        version: 1, appliedVersion: null, status: 'pending', lastError: null, lastSyncedAt: null, updatedAt: at,
      }).execute();
      await trx.insertInto('routerOutbox').values({ id: uuidv7(), routerId: r.routerId, objectId: id, version: 1, createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null }).execute();
    }
    await deleteDrift(trx, rows.map((r) => r.id));
  });
  const sync = routerSyncOf(scope.core);
  for (const r of routers) {
    // The repair may use the reconcile's listing instead of listing again (router-sync/snapshots.ts).
    sync.snapshots.arm(scope.tenant.id, r);
    sync.kick(scope.tenant.id, r);
  }
}
