/** The tenant's enforcement settings (one row, table owned by this domain). */
import type { Kysely } from 'kysely';
import type { EnforcementSettingsDto, } from '@shared/contract/enforcement';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { DEFAULT_ENFORCEMENT_SETTINGS, type EnforcementSettings } from './prerequisites';

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

export async function updateEnforcementSettings(scope: TenantScope, change: SettingsChange): Promise<EnforcementSettings> {
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
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
    return next;
  });
}
