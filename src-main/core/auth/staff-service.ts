import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { StaffMember } from '@shared/contract/auth';
import type { TenantCtx, TenantScope } from '../context';
import { containsText } from '../db/query-helpers';
import { mapPage, pageQuery } from '../paging';
import { appendAudit } from './audit';
import { hashPassword } from './passwords';
import { assertPasswordAllowed } from './password-rules';
import { countOtherActiveAdmins, findStaffByEmail, findStaffById, rolesOf, toStaffMember } from './staff-repo';

const SORT_COLUMNS = { fullName: 'fullName', email: 'email', lastSignInAt: 'lastSignInAt', createdAt: 'createdAt' } as const;

export async function listStaff(ctx: TenantCtx, q: ParsedInputOf<'staff.list'>): Promise<OutputOf<'staff.list'>> {
  let base = ctx.db.selectFrom('staffUsers');
  if (q.isActive !== undefined) base = base.where('isActive', '=', q.isActive ? 1 : 0);
  // Roles are a small JSON array; match the quoted role name.
  if (q.role) base = base.where(containsText('roles', `"${q.role}"`));
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText('fullName', text), containsText('email', text), containsText('phone', text)]));
  }
  const sort = q.sort ?? { field: 'fullName', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: SORT_COLUMNS[sort.field], dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  return mapPage(page, toStaffMember);
}

async function mustFind(ctx: TenantCtx, staffId: string) {
  const row = await findStaffById(ctx.db, staffId);
  if (!row) throw notFound('staff.not-found');
  return row;
}

export async function getStaff(ctx: TenantCtx, staffId: string): Promise<StaffMember> {
  return toStaffMember(await mustFind(ctx, staffId));
}

export async function createStaff(ctx: TenantCtx, input: ParsedInputOf<'staff.create'>): Promise<StaffMember> {
  if (await findStaffByEmail(ctx.db, input.email)) {
    throw new AppError('CONFLICT', 'staff.email-taken', { fields: { email: 'taken' } });
  }
  assertPasswordAllowed(input.password, { email: input.email, name: input.fullName }, 'password');
  const now = ctx.core.clock.now().toISOString();
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('staffUsers').values({
      id, fullName: input.fullName, email: input.email, phone: input.phone, roles: JSON.stringify(input.roles), isActive: 1,
      passwordHash, mustChangePassword: 1, lastSignInAt: null, createdAt: now, updatedAt: now,
    }).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'staff.created', summary: `Added ${input.fullName} (${input.roles.join(', ')})`, targetType: 'staff', targetId: id,
      details: { email: input.email, roles: input.roles },
    });
  });
  return getStaff(ctx, id);
}

export async function updateStaff(ctx: TenantCtx, input: ParsedInputOf<'staff.update'>): Promise<StaffMember> {
  const row = await mustFind(ctx, input.staffId);
  const before = rolesOf(row);
  if (input.email && input.email !== row.email) {
    const other = await findStaffByEmail(ctx.db, input.email);
    if (other) throw new AppError('CONFLICT', 'staff.email-taken', { fields: { email: 'taken' } });
  }
  if (input.roles && before.includes('ADMIN') && !input.roles.includes('ADMIN') && row.isActive === 1) {
    if ((await countOtherActiveAdmins(ctx.db, row.id)) === 0) {
      throw new AppError('CONFLICT', 'staff.last-admin-role', { fields: { roles: 'last-admin' } });
    }
  }
  const patch = {
    ...(input.fullName !== undefined && { fullName: input.fullName }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.roles !== undefined && { roles: JSON.stringify(input.roles) }),
    updatedAt: ctx.core.clock.now().toISOString(),
  };
  const rolesChanged = input.roles !== undefined && JSON.stringify([...input.roles].sort()) !== JSON.stringify([...before].sort());
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('staffUsers').set(patch).where('id', '=', row.id).execute();
    const changed = Object.keys(patch).filter((k) => k !== 'updatedAt' && k !== 'roles');
    if (changed.length > 0) {
      await appendAudit(trx, ctx.core.clock, ctx.actor, {
        action: 'staff.updated', summary: `Edited ${row.fullName}: ${changed.join(', ')}`, targetType: 'staff', targetId: row.id,
        details: { fields: changed },
      });
    }
    if (rolesChanged && input.roles) {
      await appendAudit(trx, ctx.core.clock, ctx.actor, {
        action: 'staff.roles-changed', summary: `Roles of ${row.fullName}: ${before.join(', ')} → ${input.roles.join(', ')}`,
        targetType: 'staff', targetId: row.id, details: { before, after: input.roles },
      });
    }
  });
  // Their open event streams follow the new roles at once (not only at their next call).
  if (rolesChanged && input.roles) ctx.core.sessions.setRoles(ctx.tenant.id, row.id, input.roles);
  return getStaff(ctx, row.id);
}

export async function setStaffActive(ctx: TenantCtx, input: ParsedInputOf<'staff.set-active'>): Promise<StaffMember> {
  const row = await mustFind(ctx, input.staffId);
  if (!input.isActive) {
    if (row.id === ctx.actor.id) throw new AppError('CONFLICT', 'staff.cannot-deactivate-self');
    if (rolesOf(row).includes('ADMIN') && (await countOtherActiveAdmins(ctx.db, row.id)) === 0) {
      throw new AppError('CONFLICT', 'staff.last-admin-deactivate');
    }
  }
  if ((row.isActive === 1) === input.isActive) return toStaffMember(row);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('staffUsers').set({ isActive: input.isActive ? 1 : 0, updatedAt: ctx.core.clock.now().toISOString() }).where('id', '=', row.id).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: input.isActive ? 'staff.activated' : 'staff.deactivated',
      summary: `${input.isActive ? 'Reactivated' : 'Deactivated'} ${row.fullName}`, targetType: 'staff', targetId: row.id,
    });
  });
  if (!input.isActive) {
    const tenantId = ctx.tenant.id;
    ctx.core.sessions.endWhere((s) => s.kind === 'staff' && s.tenantId === tenantId && s.userId === row.id, 'account-deactivated');
  }
  return getStaff(ctx, row.id);
}

export async function resetStaffPassword(ctx: TenantCtx, input: ParsedInputOf<'staff.reset-password'>): Promise<StaffMember> {
  const row = await mustFind(ctx, input.staffId);
  assertPasswordAllowed(input.newPassword, { email: row.email, name: row.fullName }, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('staffUsers').set({ passwordHash, mustChangePassword: 1, updatedAt: ctx.core.clock.now().toISOString() }).where('id', '=', row.id).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'staff.password-reset', summary: `Reset the password of ${row.fullName}`, targetType: 'staff', targetId: row.id,
    });
  });
  // Their open sessions end: whoever held the old password must not stay signed in.
  if (row.id !== ctx.actor.id) {
    const tenantId = ctx.tenant.id;
    ctx.core.sessions.endWhere((s) => s.kind === 'staff' && s.tenantId === tenantId && s.userId === row.id, 'password-reset');
  }
  return getStaff(ctx, row.id);
}

/**
 * A system actor sets a staff password that is usable at once (the demo prints a fresh one on every
 * `npm run demo`; there are no default passwords). Audited under the system actor.
 */
export async function setStaffPasswordBySystem(scope: TenantScope, email: string, password: string): Promise<void> {
  if (scope.actor.kind !== 'system') throw new Error('only a system actor sets a password without the old one');
  const row = await findStaffByEmail(scope.db, email);
  if (!row) throw notFound('staff.not-found');
  const passwordHash = await hashPassword(password);
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('staffUsers').set({ passwordHash, mustChangePassword: 0, updatedAt: scope.core.clock.now().toISOString() }).where('id', '=', row.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'staff.password-reset', summary: `Set a new password for ${row.fullName}`, targetType: 'staff', targetId: row.id,
    });
  });
}
