import { AppError, notFound, type FieldErrors } from '@shared/domain/errors';
import { formatMoney } from '@shared/domain/money';
import type { ParsedInputOf } from '@shared/contract';
import { PORTAL_FILES, type PortalFile, type PortalSettings } from '@shared/contract/hotspot-portal';
import type { TenantScope } from '../context';
import type { PortalSettingsTable } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { portalPages, type PortalPagePlan } from './pages';

/** The port the portal listens on until staff choose another (next to the headless app's 4680). */
export const DEFAULT_PORTAL_PORT = 4681;

const DEFAULTS: Omit<PortalSettingsTable, 'id' | 'title' | 'updatedAt'> = {
  enabled: 0, lanAddress: null, lanPort: DEFAULT_PORTAL_PORT, offeredPlanIds: '[]', colour: '#1c7ed6', supportPhone: '',
};

export function portalBaseUrl(tenantId: string, row: Pick<PortalSettingsTable, 'lanAddress' | 'lanPort'>): string | null {
  return row.lanAddress ? `http://${row.lanAddress}:${row.lanPort}/portal/${tenantId}` : null;
}

export async function readPortalRow(scope: TenantScope): Promise<PortalSettingsTable> {
  const row = await scope.db.selectFrom('portalSettings').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ?? { id: 1, ...DEFAULTS, title: scope.tenant.name, updatedAt: '' };
}

export function offeredIds(row: Pick<PortalSettingsTable, 'offeredPlanIds'>): string[] {
  const v = JSON.parse(row.offeredPlanIds) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function toSettings(tenantId: string, row: PortalSettingsTable): PortalSettings {
  const base = portalBaseUrl(tenantId, row);
  return {
    enabled: row.enabled === 1, lanAddress: row.lanAddress, lanPort: row.lanPort, offeredPlanIds: offeredIds(row), title: row.title,
    colour: row.colour, supportPhone: row.supportPhone, baseUrl: base ? `${base}/` : null, updatedAt: row.updatedAt || null,
  };
}

export async function getPortalSettings(scope: TenantScope): Promise<PortalSettings> {
  return toSettings(scope.tenant.id, await readPortalRow(scope));
}

/**
 * Saves the settings. Offered plans must be this tenant's active plans with a price M-Pesa can take (whole
 * shillings, at least 1); anything else is a field error and nothing is written.
 */
export async function updatePortalSettings(scope: TenantScope, input: ParsedInputOf<'portal.settings.update'>): Promise<PortalSettings> {
  const ids = [...new Set(input.offeredPlanIds)];
  const plans = ids.length === 0 ? [] : await scope.db.selectFrom('hotspotPlans').select(['id', 'status', 'priceMinor']).where('id', 'in', ids).execute();
  // Another tenant's (or a deleted) plan is not found, like any id this tenant does not have.
  if (plans.length !== ids.length) throw notFound('hotspot-plan.not-found');
  const fields: FieldErrors = {};
  ids.forEach((id, i) => {
    const p = plans.find((x) => x.id === id);
    if (p?.status !== 'active' || p.priceMinor < 100 || p.priceMinor % 100 !== 0) fields[`offeredPlanIds.${i}`] = 'invalid-value';
  });
  if (input.enabled && !input.lanAddress) fields.lanAddress = 'required';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'request.invalid', { fields });
  const now = scope.core.clock.now().toISOString();
  const values = {
    enabled: input.enabled ? 1 : 0, lanAddress: input.lanAddress, lanPort: input.lanPort, offeredPlanIds: JSON.stringify(ids),
    title: input.title, colour: input.colour.toLowerCase(), supportPhone: input.supportPhone, updatedAt: now,
  };
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('portalSettings').values({ id: 1, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'portal.settings-updated', summary: `Captive portal ${input.enabled ? 'on' : 'off'}, ${ids.length} plan(s) sold with M-Pesa`,
      targetType: 'portal', details: { lanAddress: input.lanAddress, lanPort: input.lanPort, offeredPlanIds: ids },
    });
  });
  return getPortalSettings(scope);
}

/** The plans the portal sells right now: offered, still active, priced in whole shillings. */
export async function sellablePlans(scope: TenantScope, row: PortalSettingsTable): Promise<{ id: string; name: string; priceMinor: number; routerId: string }[]> {
  const ids = offeredIds(row);
  if (ids.length === 0) return [];
  const plans = await scope.db.selectFrom('hotspotPlans').select(['id', 'name', 'priceMinor', 'routerId', 'status']).where('id', 'in', ids).execute();
  return ids.flatMap((id) => plans.filter((p) => p.id === id && p.status === 'active' && p.priceMinor >= 100 && p.priceMinor % 100 === 0));
}

/** The pages as they would be installed now (also what the router fetches). */
export async function renderPortalPages(scope: TenantScope): Promise<Record<PortalFile, string>> {
  const row = await readPortalRow(scope);
  const business = await scope.db.selectFrom('businessSettings').select(['logoDataUrl']).where('id', '=', 1).executeTakeFirst();
  const plans: PortalPagePlan[] = row.enabled === 1
    ? (await sellablePlans(scope, row)).map((p) => ({ id: p.id, name: p.name, price: formatMoney(p.priceMinor, scope.tenant.currency) }))
    : [];
  return portalPages({
    title: row.title, colour: row.colour, supportPhone: row.supportPhone, logoDataUrl: business?.logoDataUrl ?? null, plans,
    buyUrl: row.enabled === 1 ? portalBaseUrl(scope.tenant.id, row) : null,
  });
}

export async function previewPortal(scope: TenantScope): Promise<{ files: { name: PortalFile; html: string }[] }> {
  const pages = await renderPortalPages(scope);
  return { files: PORTAL_FILES.map((name) => ({ name, html: pages[name] })) };
}
