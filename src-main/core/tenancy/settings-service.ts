import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { BusinessSettings, Preferences } from '@shared/contract/tenancy';
import { preferences as preferencesSchema } from '@shared/contract/tenancy';
import type { Actor, Core, TenantCtx } from '../context';
import { appendPlatformAudit } from '../auth/platform-audit';
import { appendAudit } from '../auth/audit';
import { toTenantSummary } from './registry';

async function readBusiness(ctx: TenantCtx): Promise<BusinessSettings> {
  const r = await ctx.db.selectFrom('businessSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const { id: _id, ...rest } = r;
  return rest;
}

export async function getSettings(ctx: TenantCtx): Promise<OutputOf<'settings.get'>> {
  return { tenant: toTenantSummary(ctx.tenant), business: await readBusiness(ctx) };
}

/** The form's fields (settings.update), or the logo alone (set from an upload in logo.ts). */
type BusinessPatch = ParsedInputOf<'settings.update'> | Pick<BusinessSettings, 'logoDataUrl'>;

export async function updateSettings(ctx: TenantCtx, input: BusinessPatch): Promise<BusinessSettings> {
  const before = await readBusiness(ctx);
  const changed = (Object.entries(input) as [keyof BusinessSettings, unknown][]).filter(([k, v]) => v !== before[k]).map(([k]) => k);
  if (changed.length === 0) return before;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('businessSettings').set({ ...input, updatedAt: ctx.core.clock.now().toISOString() }).where('id', '=', 1).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'settings.updated', summary: `Business settings changed: ${changed.join(', ')}`, targetType: 'settings',
      details: { fields: changed },
    });
  });
  return readBusiness(ctx);
}

const DEFAULT_PREFERENCES: Preferences = { colorScheme: 'auto', language: 'en' };

export async function getPreferences(core: Core): Promise<Preferences> {
  const row = await core.app.db.selectFrom('preferences').select('value').where('key', '=', 'ui').executeTakeFirst();
  if (!row) return DEFAULT_PREFERENCES;
  const parsed = preferencesSchema.partial().safeParse(JSON.parse(row.value));
  return { ...DEFAULT_PREFERENCES, ...(parsed.success ? parsed.data : {}) };
}

/** Installation-wide: only platform administrators change them, and it is audited. */
export async function setPreferences(core: Core, patch: Partial<Preferences>, actor: Actor): Promise<Preferences> {
  const before = await getPreferences(core);
  const next = { ...before, ...patch };
  const changed = (Object.keys(patch) as (keyof Preferences)[]).filter((k) => before[k] !== next[k]);
  if (changed.length === 0) return next;
  const now = core.clock.now().toISOString();
  await core.app.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('preferences')
      .values({ key: 'ui', value: JSON.stringify(next), updatedAt: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next), updatedAt: now }))
      .execute();
    await appendPlatformAudit(trx, core.clock, actor, {
      action: 'preferences.changed', summary: `Installation preferences changed: ${changed.join(', ')}`,
      details: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: next[k] }])),
    });
  });
  return next;
}
