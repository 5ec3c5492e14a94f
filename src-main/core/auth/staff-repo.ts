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
