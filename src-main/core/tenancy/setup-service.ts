import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core } from '../context';
import { hashPassword } from '../auth/passwords';
import { principalOf } from '../auth/sign-in';
import { createTenant } from './tenant-service';

export async function needsSetup(core: Core): Promise<boolean> {
  const row = await core.app.db.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** First run: the platform administrator and the first tenant (its admin chose their own password here). */
export async function completeSetup(core: Core, input: ParsedInputOf<'setup.complete'>): Promise<OutputOf<'setup.complete'>> {
  if (!(await needsSetup(core))) {
    throw new AppError('CONFLICT', 'This installation is already set up. Sign in instead.');
  }
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  await core.app.db.insertInto('platformAdmins').values({
    id, fullName: input.platformAdmin.fullName, email: input.platformAdmin.email,
    passwordHash: await hashPassword(input.platformAdmin.password), mustChangePassword: 0, lastSignInAt: now, createdAt: now,
  }).execute();
  let tenantId: string;
  try {
    const t = await createTenant(core, input.tenant, { kind: 'platform', id, name: input.platformAdmin.fullName }, { adminMustChangePassword: false });
    tenantId = t.id;
  } catch (e) {
    // Leave the installation as it was so the wizard can simply be submitted again.
    await core.app.db.deleteFrom('platformAdmins').where('id', '=', id).execute();
    throw e;
  }
  const session = core.sessions.create({ kind: 'platform', userId: id, mustChangePassword: false });
  return {
    session: { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs },
    tenantId,
  };
}
