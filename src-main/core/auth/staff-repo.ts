import type { Kysely, Selectable, Transaction } from 'kysely';
import type { StaffMember } from '@shared/contract/auth';
import type { Role } from '@shared/domain/permissions';
import type { StaffUsersTable, TenantDB } from '../db/tenant-schema';

export type StaffRow = Selectable<StaffUsersTable>;
type Db = Kysely<TenantDB> | Transaction<TenantDB>;

export function rolesOf(row: Pick<StaffRow, 'roles'>): Role[] {
  return JSON.parse(row.roles) as Role[];
}

export function toStaffMember(r: StaffRow): StaffMember {
  return {
    id: r.id, fullName: r.fullName, email: r.email, phone: r.phone, roles: rolesOf(r), isActive: r.isActive === 1,
    mustChangePassword: r.mustChangePassword === 1, lastSignInAt: r.lastSignInAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export function findStaffById(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staffUsers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findStaffByEmail(db: Db, email: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staffUsers').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Active admins other than `exceptId`: the last one may not be demoted or deactivated. */
export async function countOtherActiveAdmins(db: Db, exceptId: string): Promise<number> {
  const rows = await db.selectFrom('staffUsers').select(['id', 'roles']).where('isActive', '=', 1).where('id', '!=', exceptId).execute();
  return rows.filter((r) => rolesOf(r).includes('ADMIN')).length;
}

/** A new staff account row; the caller audits it in the same transaction. */
export async function insertStaff(
  db: Db,
  s: { id: string; fullName: string; email: string; phone: string | null; roles: Role[]; passwordHash: string; mustChangePassword: boolean; now: string },
): Promise<void> {
  await db.insertInto('staffUsers').values({
    id: s.id, fullName: s.fullName, email: s.email, phone: s.phone, roles: JSON.stringify(s.roles), isActive: 1,
    passwordHash: s.passwordHash, mustChangePassword: s.mustChangePassword ? 1 : 0, lastSignInAt: null, createdAt: s.now, updatedAt: s.now,
  }).execute();
}

/** Who a staff session belongs to now (roles re-read on every call), or null when gone or deactivated. */
export async function findActiveStaff(db: Db, id: string): Promise<{ id: string; fullName: string; roles: Role[] } | null> {
  const row = await db.selectFrom('staffUsers').select(['id', 'fullName', 'roles', 'isActive']).where('id', '=', id).executeTakeFirst();
  if (!row || row.isActive !== 1) return null;
  return { id: row.id, fullName: row.fullName, roles: rolesOf(row) };
}
