/** The tenant's enforcement settings (one row, table owned by this domain). */
import type { Kysely } from 'kysely';
import type { EnforcementSettingsDto, } from '@shared/contract/enforcement';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { enqueueRouterChanges } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import { DEFAULT_ENFORCEMENT_SETTINGS, prerequisiteObjects, routerMajor, type EnforcementSettings } from './prerequisites';
import { enforcementOf } from './runtime';

export async function readEnforcementSettings(db: Kysely<TenantDB>): Promise<EnforcementSettings> {
  const row = await db.selectFrom('enforcementSettings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { ...DEFAULT_ENFORCEMENT_SETTINGS };
  return { expiryAction: row.expiryAction, noticeUrl: row.noticeUrl, strictAssumeSec: row.strictAssumeSec };
}

export function toSettingsDto(s: EnforcementSettings): EnforcementSettingsDto {
  return { expiryAction: s.expiryAction, noticeUrl: s.noticeUrl, strictOutageHours: s.strictAssumeSec === null ? null : Math.round(s.strictAssumeSec / 3600) };
}

export interface SettingsChange {
  expiryAction?: EnforcementSettings['expiryAction'] | undefined;
  noticeUrl?: string | null | undefined;
  strictOutageHours?: number | null | undefined;
}

/**
 * Saves the settings. Routers that have the sweeper installed get the script regenerated for the new
 * settings, and domains whose objects depend on the expiry action re-queue them — all in this transaction.
 */
export async function updateEnforcementSettings(scope: TenantScope, change: SettingsChange): Promise<EnforcementSettings> {
  const clockNow = scope.core.clock.now();
  const now = clockNow.toISOString();
  const routers = new Set<string>();
  const saved = await scope.db.transaction().execute(async (trx) => {
    const cur = await readEnforcementSettings(trx);
    const next: EnforcementSettings = {
      expiryAction: change.expiryAction ?? cur.expiryAction,
      noticeUrl: change.noticeUrl === undefined ? cur.noticeUrl : change.noticeUrl,
      strictAssumeSec: change.strictOutageHours === undefined ? cur.strictAssumeSec : change.strictOutageHours === null ? null : change.strictOutageHours * 3600,
    };
    await trx
      .insertInto('enforcementSettings')
      .values({ id: 1, expiryAction: next.expiryAction, noticeUrl: next.noticeUrl, strictAssumeSec: next.strictAssumeSec, updatedAt: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ expiryAction: next.expiryAction, noticeUrl: next.noticeUrl, strictAssumeSec: next.strictAssumeSec, updatedAt: now }))
      .execute();
    for (const r of await installedRouters(trx)) {
      const major = routerMajor(r.rosVersion);
      if (major === null) continue; // installed before the version was known cannot happen; skip rather than guess
      if ((await enqueueRouterChanges(trx, prerequisiteObjects(r.id, major, next), clockNow)) > 0) routers.add(r.id);
    }
    if (next.expiryAction !== cur.expiryAction) {
      for (const listener of enforcementOf(scope.core).expiryActionListeners) {
        for (const id of await listener(trx, next.expiryAction, clockNow)) routers.add(id);
      }
    }
    return next;
  });
  for (const id of routers) routerSyncOf(scope.core).kick(scope.tenant.id, id);
  return saved;
}

/** Routers whose desired state includes the sweeper script (installed through the pre-flight step). */
async function installedRouters(db: Kysely<TenantDB>): Promise<{ id: string; rosVersion: string | null }[]> {
  return db
    .selectFrom('routerObjects')
    .innerJoin('routers', 'routers.id', 'routerObjects.routerId')
    .select(['routers.id as id', 'routers.rosVersion as rosVersion'])
    .where('routerObjects.ownerType', '=', 'prerequisite')
    .where('routerObjects.tag', '=', 'name=ispdesk-enforce')
    .where('routerObjects.desired', 'is not', null)
    .execute();
}
