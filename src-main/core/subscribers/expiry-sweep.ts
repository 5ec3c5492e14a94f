import type { Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAuditMany } from '../auth/audit';
import { enqueueRouterChanges } from '../router-sync/enqueue';
import type { DesiredObject } from '../router-sync/desired-object';
import { kickAll } from './package-service';
import { readSettings } from './settings';
import { subscriberObjects, type ExpiryAction } from './subscriber-objects';

export interface SweepResult {
  expired: number;
  reactivated: number;
}

/**
 * The app's catch-up for what routers enforce themselves (README "Expiry enforcement"): active
 * subscribers past expiry + their package's grace become expired, expired ones whose expiry moved ahead
 * (renewed elsewhere, e.g. a payment) become active again. Suspended and disabled subscribers are staff
 * decisions and never touched. Set-based: one statement for each distinct grace value; only the changed rows are
 * read back, re-queued to their router and audited, all in one transaction.
 */
export async function runExpirySweep(scope: TenantScope): Promise<SweepResult> {
  const now = scope.core.clock.now();
  const at = now.toISOString();
  const { expiryAction } = await readSettings(scope.db);
  const graces = (await scope.db.selectFrom('packages').select('graceHours').distinct().execute()).map((r) => r.graceHours);
  let expired: string[] = [];
  let reactivated: string[] = [];
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    for (const grace of graces) {
      const cutoff = new Date(now.getTime() - grace * 3_600_000).toISOString();
      const withGrace = trx.selectFrom('packages').select('id').where('graceHours', '=', grace);
      const e = await trx.updateTable('subscribers').set({ status: 'expired', updatedAt: at })
        .where('deletedAt', 'is', null).where('status', '=', 'active').where('expiresAt', '<=', cutoff).where('packageId', 'in', withGrace)
        .returning('id').execute();
      const r = await trx.updateTable('subscribers').set({ status: 'active', updatedAt: at })
        .where('deletedAt', 'is', null).where('status', '=', 'expired').where('expiresAt', '>', cutoff).where('packageId', 'in', withGrace)
        .returning('id').execute();
      expired = expired.concat(e.map((x) => x.id));
      reactivated = reactivated.concat(r.map((x) => x.id));
    }
    routers = await requeue(trx, [...expired, ...reactivated], expiryAction, now);
    await appendAuditMany(trx, scope.core.clock, scope.actor, [
      ...expired.map((id) => ({ action: 'subscriber.expired' as const, summary: 'Expired: expiry and grace passed', targetType: 'subscriber', targetId: id })),
      ...reactivated.map((id) => ({ action: 'subscriber.reactivated' as const, summary: 'Active again: expiry is ahead', targetType: 'subscriber', targetId: id })),
    ]);
  });
  kickAll(scope, routers);
  return { expired: expired.length, reactivated: reactivated.length };
}

/** Re-queues the router objects of the given subscribers; returns their routers. */
export async function requeue(trx: Kysely<TenantDB>, ids: readonly string[], action: ExpiryAction, now: Date): Promise<string[]> {
  const routers = new Set<string>();
  const packages = new Map<string, Awaited<ReturnType<typeof loadPackage>>>();
  const loadPackage = (id: string) => trx.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('subscribers').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
    const changes: DesiredObject[] = [];
    for (const s of rows) {
      let pkg = packages.get(s.packageId);
      if (!pkg) {
        pkg = await loadPackage(s.packageId);
        packages.set(s.packageId, pkg);
      }
      changes.push(...subscriberObjects(s, pkg, action));
      routers.add(s.routerId);
    }
    await enqueueRouterChanges(trx, changes, now);
  }
  return [...routers];
}

/** Every expired subscriber again (the tenant changed its expiry action). */
export async function requeueExpired(trx: Kysely<TenantDB>, action: ExpiryAction, now: Date): Promise<string[]> {
  const ids = (await trx.selectFrom('subscribers').select('id').where('deletedAt', 'is', null).where('status', '=', 'expired').execute()).map((r) => r.id);
  return requeue(trx, ids, action, now);
}
