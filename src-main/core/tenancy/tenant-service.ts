import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { nameKey, slugify } from '@shared/domain/text';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantStatus, TenantSummary } from '@shared/contract/tenancy';
import type { Actor, Core } from '../context';
import { appendAudit } from '../auth/audit';
import { hashPassword } from '../auth/passwords';
import { insertStaff } from '../auth/staff-repo';
import { assertPasswordAllowed } from '../auth/password-rules';
import { toTenantSummary, type TenantRecord } from './registry';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';

type CreateInput = ParsedInputOf<'tenants.create'>;

export function mustGetTenant(core: Core, tenantId: string): TenantRecord {
  const t = core.registry.get(tenantId);
  if (!t) throw notFound('tenant.not-found');
  return t;
}

function uniqueSlug(core: Core, name: string, exceptId?: string): string {
  const base = slugify(name);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    const owner = core.registry.bySlug(candidate);
    if (!owner || owner.id === exceptId) return candidate;
  }
}

export function assertNameFree(core: Core, name: string, exceptId?: string): void {
  const owner = core.registry.byNameKey(nameKey(name));
  if (owner && owner.id !== exceptId) {
    throw new AppError('CONFLICT', 'tenant.name-taken', { params: { name: owner.name }, fields: { name: 'taken' } });
  }
}

export interface CreateTenantOptions {
  isDemo?: boolean;
  /** The first admin must pick their own password at first sign-in (true unless they chose it themselves). */
  adminMustChangePassword: boolean;
}

/**
 * Creates the tenant file (migrated, with its first ADMIN and default settings) and then the registry row.
 * If anything fails the file is removed, so no half-created tenant is left behind.
 */
export async function createTenant(core: Core, input: CreateInput, actor: Actor, opts: CreateTenantOptions): Promise<TenantRecord> {
  assertNameFree(core, input.name);
  assertPasswordAllowed(input.admin.password, { email: input.admin.email, name: input.admin.fullName }, 'admin.password');
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  const passwordHash = await hashPassword(input.admin.password);
  const record: TenantRecord = {
    id, name: input.name, nameKey: nameKey(input.name), slug: uniqueSlug(core, input.name), status: input.status,
    isDemo: opts.isDemo ? 1 : 0, ownerName: input.ownerName, ownerEmail: input.ownerEmail, ownerPhone: input.ownerPhone,
    country: input.country, currency: input.currency, timezone: input.timezone, createdAt: now, updatedAt: now,
  };
  try {
    await core.tenants.create(id);
    await core.tenants.use(id, (h) =>
      h.db.transaction().execute(async (trx) => {
        const adminId = uuidv7();
        await insertStaff(trx, {
          id: adminId, fullName: input.admin.fullName, email: input.admin.email, phone: input.admin.phone, roles: ['ADMIN'],
          passwordHash, mustChangePassword: opts.adminMustChangePassword, now,
        });
        await trx.updateTable('businessSettings').set({ legalName: input.name, email: input.ownerEmail, phone: input.ownerPhone }).where('id', '=', 1).execute();
        await appendAudit(trx, core.clock, actor, {
          action: 'tenant.created', summary: `Tenant ${input.name} created with administrator ${input.admin.fullName}`,
          targetType: 'tenant', targetId: id,
        });
      }),
    );
    await core.registry.insert(record);
  } catch (e) {
    await core.tenants.remove(id).catch(() => undefined);
    if (core.registry.get(id)) await core.registry.remove(id).catch(() => undefined);
    throw e;
  }
  core.events.emit('tenants.changed', { platform: true }, { tenantId: id, change: 'created' });
  if (record.status !== 'suspended') await core.hooks.active(id);
  return record;
}

export async function updateTenant(core: Core, input: ParsedInputOf<'tenants.update'>, actor: Actor): Promise<TenantSummary> {
  const t = mustGetTenant(core, input.tenantId);
  const { tenantId, ...fields } = input;
  if (fields.name !== undefined) assertNameFree(core, fields.name, t.id);
  const patch: Partial<TenantRecord> = { ...fields, updatedAt: core.clock.now().toISOString() };
  if (fields.name !== undefined) {
    patch.nameKey = nameKey(fields.name);
    patch.slug = uniqueSlug(core, fields.name, t.id);
  }
  const changed = Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== (t as Record<string, unknown>)[k]);
  const row = await core.registry.update(tenantId, patch);
  if (changed.length > 0) {
    await core.tenants.use(t.id, (h) =>
      appendAudit(h.db, core.clock, actor, {
        action: 'tenant.updated', summary: `Tenant profile edited: ${changed.join(', ')}`, targetType: 'tenant', targetId: t.id,
        details: { fields: changed },
      }),
    );
  }
  core.events.emit('tenants.changed', { platform: true }, { tenantId: t.id, change: 'updated' });
  return toTenantSummary(row);
}

export async function setTenantStatus(
  core: Core,
  input: { tenantId: string; status: TenantStatus; reason?: string | undefined },
  actor: Actor,
): Promise<TenantSummary> {
  const t = mustGetTenant(core, input.tenantId);
  if (t.status === input.status) return toTenantSummary(t);
  const row = await core.registry.update(t.id, { status: input.status, updatedAt: core.clock.now().toISOString() });
  await core.tenants.use(t.id, (h) =>
    appendAudit(h.db, core.clock, actor, {
      action: 'tenant.status-changed', summary: `Status ${t.status} → ${input.status}${input.reason ? `: ${input.reason}` : ''}`,
      targetType: 'tenant', targetId: t.id, details: { before: t.status, after: input.status, reason: input.reason ?? null },
    }),
  );
  if (input.status === 'suspended') {
    core.sessions.endWhere((s) => s.kind === 'staff' && s.tenantId === t.id, 'tenant-suspended');
    await core.hooks.inactive(t.id, 'suspended');
    await core.tenants.close(t.id);
  } else if (t.status === 'suspended') {
    await core.hooks.active(t.id);
  }
  core.events.emit('tenants.changed', { platform: true }, { tenantId: t.id, change: 'status' });
  return toTenantSummary(row);
}

export async function deleteTenant(core: Core, input: ParsedInputOf<'tenants.delete'>): Promise<OutputOf<'tenants.delete'>> {
  const t = mustGetTenant(core, input.tenantId);
  if (input.confirmName.trim() !== t.name) {
    throw new AppError('VALIDATION', 'tenant.confirm-name-mismatch', { fields: { confirmName: 'type-name-exactly' } });
  }
  core.sessions.endWhere((s) => s.kind === 'staff' && s.tenantId === t.id, 'tenant-deleted');
  await core.hooks.inactive(t.id, 'deleted');
  // Registry first: if removing the folder fails the tenant is already gone from the app and the
  // leftover folder is reported, rather than a registry row pointing at a half-deleted file.
  await core.registry.remove(t.id);
  try {
    await core.tenants.remove(t.id);
  } catch (e) {
    core.log.error('tenant folder could not be removed', { tenantId: t.id, dir: core.tenants.dirOf(t.id), error: e });
    throw new AppError('INTERNAL', 'tenant.folder-not-deleted', { params: { folder: core.tenants.dirOf(t.id) } });
  }
  core.events.emit('tenants.changed', { platform: true }, { tenantId: t.id, change: 'deleted' });
  return { ok: true };
}

export async function tenantCounts(core: Core, tenantId: string): Promise<{ staffCount: number; activeStaffCount: number; routerCount: number }> {
  return core.tenants.use(tenantId, async (h) => {
    const r = await h.db
      .selectFrom('staffUsers')
      .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.sum<number>('isActive').as('active')])
      .executeTakeFirstOrThrow();
    const routers = await h.db.selectFrom('routers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { staffCount: Number(r.all), activeStaffCount: Number(r.active ?? 0), routerCount: Number(routers.n) };
  });
}

// Name sorts on the folded key so "acme" and "Acme" sit together.
const TENANT_SORT = { name: 'nameKey', createdAt: 'createdAt', status: 'status' } as const;

export async function listTenants(core: Core, q: ParsedInputOf<'tenants.list'>): Promise<OutputOf<'tenants.list'>> {
  let base = core.app.db.selectFrom('tenants');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText('name', text), containsText('ownerName', text), containsText('ownerEmail', text), containsText('slug', text)]));
  }
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: TENANT_SORT[sort.field], dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  const items = [];
  for (const t of page.items) items.push({ ...toTenantSummary(t), ...(await tenantCounts(core, t.id)) });
  return { ...page, items };
}

export async function getTenant(core: Core, tenantId: string): Promise<OutputOf<'tenants.get'>> {
  const t = mustGetTenant(core, tenantId);
  return { ...toTenantSummary(t), ...(await tenantCounts(core, t.id)) };
}
