import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core } from '../context';
import { hashPassword } from '../auth/passwords';
import { assertPasswordAllowed } from '../auth/password-rules';
import { principalOf } from '../auth/sign-in';
import { createTenant } from './tenant-service';

export async function needsSetup(core: Core): Promise<boolean> {
  const row = await core.app.db.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst();
  return !row;
}

const alreadySetUp = () => new AppError('CONFLICT', 'This installation is already set up. Sign in instead.');

/**
 * Creates the first platform administrator, or throws CONFLICT if there already is one. The check and the
 * insert run in one transaction (Kysely holds the single connection for it, SQLite locks the file), so
 * concurrent first runs cannot both win. The slow hash is done before, outside the transaction.
 */
export async function createPlatformAdmin(core: Core, admin: { fullName: string; email: string; password: string }): Promise<string> {
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  const passwordHash = await hashPassword(admin.password);
  await core.app.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('platformAdmins').select('id').limit(1).executeTakeFirst();
    if (existing) throw alreadySetUp();
    await trx.insertInto('platformAdmins').values({
      id, fullName: admin.fullName, email: admin.email, passwordHash, mustChangePassword: 0, lastSignInAt: null, createdAt: now,
    }).execute();
  });
  return id;
}

/** First run: the platform administrator and the first tenant (its admin chose their own password here). */
export async function completeSetup(core: Core, input: ParsedInputOf<'setup.complete'>): Promise<OutputOf<'setup.complete'>> {
  // Cheap refusal first: after setup this public channel must not cost a password hash.
  if (!(await needsSetup(core))) throw alreadySetUp();
  const { platformAdmin, tenant } = input;
  assertPasswordAllowed(platformAdmin.password, { email: platformAdmin.email, name: platformAdmin.fullName }, 'platformAdmin.password');
  if (!input.demo && tenant) {
    assertPasswordAllowed(tenant.admin.password, { email: tenant.admin.email, name: tenant.admin.fullName }, 'tenant.admin.password');
  }
  const id = await createPlatformAdmin(core, platformAdmin);
  let tenantId: string;
  const actor = { kind: 'platform' as const, id, name: platformAdmin.fullName };
  try {
    const demo = core.services.routers?.demo;
    if (input.demo && demo) {
      tenantId = (await demo.createDemoTenant(platformAdmin, actor)).id;
    } else if (tenant) {
      tenantId = (await createTenant(core, tenant, actor, { adminMustChangePassword: false })).id;
    } else {
      throw new AppError('VALIDATION', 'Describe your ISP, or choose the demo.', { tenant: 'Required' });
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
