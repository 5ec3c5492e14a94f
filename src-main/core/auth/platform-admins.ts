import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { Core } from '../context';
import { hashPassword } from './passwords';

export async function hasPlatformAdmin(core: Core): Promise<boolean> {
  return !!(await core.app.db.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst());
}

/** The refusal of a second first-run setup (cheap check in setup, atomic one here). */
export const alreadySetUp = (): AppError => new AppError('CONFLICT', 'setup.already-done');

export function findPlatformAdmin(core: Core, id: string): Promise<{ id: string; fullName: string } | undefined> {
  return core.app.db.selectFrom('platformAdmins').select(['id', 'fullName']).where('id', '=', id).executeTakeFirst();
}

/**
 * Creates a platform administrator. With `onlyIfFirst` (first-run setup) the check and the insert run in
 * one transaction (Kysely holds the single connection, SQLite locks the file), so concurrent first runs
 * cannot both win: the others get CONFLICT. The slow hash is done before, outside the transaction.
 */
export async function createPlatformAdmin(
  core: Core,
  admin: { fullName: string; email: string; password: string },
  opts: { onlyIfFirst?: boolean } = {},
): Promise<string> {
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  const passwordHash = await hashPassword(admin.password);
  await core.app.db.transaction().execute(async (trx) => {
    if (opts.onlyIfFirst && (await trx.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst())) {
      throw alreadySetUp();
    }
    await trx.insertInto('platformAdmins').values({
      id, fullName: admin.fullName, email: admin.email, passwordHash, mustChangePassword: 0, lastSignInAt: null, createdAt: now,
    }).execute();
  });
  return id;
}

/** Undo of a first-run setup that failed half-way, so the wizard can simply be submitted again. */
export async function removePlatformAdmin(core: Core, id: string): Promise<void> {
  await core.app.db.deleteFrom('platformAdmins').where('id', '=', id).execute();
}
