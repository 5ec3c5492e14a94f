import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { DriftKind } from '@shared/contract/router-sync';
import type { TenantDB } from '../db/tenant-schema';
import type { FoundDrift } from './reconcile';

export type DriftCounts = Record<DriftKind, number> & { ignored: number };

/** What the router holds for a drift row: an ignored row stays ignored only while this is unchanged. */
function fingerprintOf(d: FoundDrift): string {
  const props = d.routerProps ? Object.entries(d.routerProps).sort(([a], [b]) => a.localeCompare(b)) : null;
  return createHash('sha256').update(JSON.stringify([d.kind, props])).digest('hex');
}

/**
 * Replaces a router's drift with a run's findings in one transaction. A finding matching an ignored row
 * with the same router values stays ignored (not counted as open); a changed value reopens it; ignored
 * drift no longer found is forgotten.
 */
export async function saveDrift(db: Kysely<TenantDB>, routerId: string, found: readonly FoundDrift[], apiCalls: number, now: Date): Promise<DriftCounts> {
  const at = now.toISOString();
  const counts: DriftCounts = { missing: 0, extra: 0, foreign: 0, different: 0, ignored: 0 };
  await db.transaction().execute(async (trx) => {
    const ignored = await trx.selectFrom('routerDrift').select(['id', 'menu', 'kind', 'identity', 'fingerprint'])
      .where('routerId', '=', routerId).where('status', '=', 'ignored').execute();
    const keep = new Map(ignored.map((r) => [`${r.menu}\n${r.kind}\n${r.identity}`, r]));
    const kept = new Set<string>();
    const rows = [];
    for (const d of found) {
      const fp = fingerprintOf(d);
      const ig = keep.get(`${d.menu}\n${d.kind}\n${d.identity}`);
      if (ig && ig.fingerprint === fp) {
        kept.add(ig.id);
        counts.ignored += 1;
        continue;
      }
      counts[d.kind] += 1;
      rows.push({
        id: uuidv7(), routerId, menu: d.menu, kind: d.kind, identity: d.identity, objectId: d.objectId, routerItemId: d.routerItemId,
        label: d.label, routerProps: d.routerProps ? JSON.stringify(d.routerProps) : null, diffs: JSON.stringify(d.diffs),
        fingerprint: fp, status: 'open' as const, detectedAt: at,
      });
    }
    await trx.deleteFrom('routerDrift').where('routerId', '=', routerId).where('status', '=', 'open').execute();
    const forgotten = ignored.filter((r) => !kept.has(r.id)).map((r) => r.id);
    for (let i = 0; i < forgotten.length; i += 500) await trx.deleteFrom('routerDrift').where('id', 'in', forgotten.slice(i, i + 500)).execute();
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('routerDrift').values(rows.slice(i, i + 200)).execute();
    const run = { lastReconcileAt: at, apiCalls, driftCount: rows.length, error: null };
    await trx.insertInto('routerSyncRuns').values({ routerId, ...run }).onConflict((oc) => oc.column('routerId').doUpdateSet(run)).execute();
  });
  return counts;
}

/** A reconcile that could not reach the router: the last run says why, the drift found before stays. */
export async function saveReconcileFailure(db: Kysely<TenantDB>, routerId: string, error: string, now: Date): Promise<void> {
  const run = { lastReconcileAt: now.toISOString(), apiCalls: 0, driftCount: 0, error };
  await db.insertInto('routerSyncRuns').values({ routerId, ...run }).onConflict((oc) => oc.column('routerId').doUpdateSet(run)).execute();
}

export async function setDriftIgnored(db: Kysely<TenantDB>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.updateTable('routerDrift').set({ status: 'ignored' }).where('id', 'in', ids.slice(i, i + 500)).execute();
}

export async function deleteDrift(db: Kysely<TenantDB>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.deleteFrom('routerDrift').where('id', 'in', ids.slice(i, i + 500)).execute();
}
