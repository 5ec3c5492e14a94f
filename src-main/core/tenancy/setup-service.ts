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

export async function createPlatformAdmin(core: Core, admin: { fullName: string; email: string; password: string }): Promise<string> {
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  await core.app.db.insertInto('platformAdmins').values({
    id, fullName: admin.fullName, email: admin.email, passwordHash: await hashPassword(admin.password), mustChangePassword: 0,
    lastSignInAt: null, createdAt: now,
  }).execute();
  return id;
}

/** First run: the platform administrator and the first tenant (its admin chose their own password here). */
export async function completeSetup(core: Core, input: ParsedInputOf<'setup.complete'>): Promise<OutputOf<'setup.complete'>> {
  if (!(await needsSetup(core))) {
    throw new AppError('CONFLICT', 'setup.already-done');
  }
  const id = await createPlatformAdmin(core, input.platformAdmin);
  let tenantId: string;
  const actor = { kind: 'platform' as const, id, name: input.platformAdmin.fullName };
  try {
    const demo = core.services.routers?.demo;
    if (input.demo && demo) {
      tenantId = (await demo.createDemoTenant(input.platformAdmin, actor)).id;
    } else if (input.tenant) {
      tenantId = (await createTenant(core, input.tenant, actor, { adminMustChangePassword: false })).id;
    } else {
      throw new AppError('VALIDATION', 'setup.tenant-required', { fields: { tenant: 'required' } });
    }
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
