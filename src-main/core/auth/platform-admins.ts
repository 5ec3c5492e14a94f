import { uuidv7 } from '@shared/domain/ids';
import type { Core } from '../context';
import { hashPassword } from './passwords';

export async function hasPlatformAdmin(core: Core): Promise<boolean> {
  return !!(await core.app.db.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst());
}

export function findPlatformAdmin(core: Core, id: string): Promise<{ id: string; fullName: string } | undefined> {
  return core.app.db.selectFrom('platformAdmins').select(['id', 'fullName']).where('id', '=', id).executeTakeFirst();
}

export async function createPlatformAdmin(core: Core, admin: { fullName: string; email: string; password: string }): Promise<string> {
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  await core.app.db.insertInto('platformAdmins').values({
    id, fullName: admin.fullName, email: admin.email, passwordHash: await hashPassword(admin.password), mustChangePassword: 0,
    lastSignInAt: null, createdAt: now,
  }).execute();
  return id;
}

/** Undo of a first-run setup that failed half-way, so the wizard can simply be submitted again. */
export async function removePlatformAdmin(core: Core, id: string): Promise<void> {
  await core.app.db.deleteFrom('platformAdmins').where('id', '=', id).execute();
}
