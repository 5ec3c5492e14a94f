import { AppError } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { CallerInfo, Core } from '../context';
import { alreadySetUp, createPlatformAdmin, hasPlatformAdmin, removePlatformAdmin } from '../auth/platform-admins';
import { assertPasswordAllowed } from '../auth/password-rules';
import { principalOf, signIn } from '../auth/sign-in';
import { createTenant } from '../tenancy/tenant-service';
import { demoOf } from '../demo/runtime';

export async function needsSetup(core: Core): Promise<boolean> {
  return !(await hasPlatformAdmin(core));
}


/** First run: the platform administrator and the first tenant (its admin chose their own password here). */
export async function completeSetup(core: Core, input: ParsedInputOf<'setup.complete'>, caller: CallerInfo): Promise<OutputOf<'setup.complete'>> {
  // Cheap refusal first: after setup this public channel must not cost a password hash.
  if (!(await needsSetup(core))) throw alreadySetUp();
  const { platformAdmin, tenant } = input;
  assertPasswordAllowed(platformAdmin.password, { email: platformAdmin.email, name: platformAdmin.fullName }, 'platformAdmin.password');
  if (!input.demo && tenant) {
    assertPasswordAllowed(tenant.admin.password, { email: tenant.admin.email, name: tenant.admin.fullName }, 'tenant.admin.password');
  }
  // Check-and-insert is one transaction in auth: of concurrent first runs exactly one wins.
  const id = await createPlatformAdmin(core, platformAdmin, { onlyIfFirst: true });
  let tenantId: string;
  const actor = { kind: 'platform' as const, id, name: platformAdmin.fullName };
  try {
    if (input.demo) {
      tenantId = (await demoOf(core).createDemoTenant(platformAdmin, actor)).id;
    } else if (tenant) {
      tenantId = (await createTenant(core, tenant, actor, { adminMustChangePassword: false })).id;
    } else {
      throw new AppError('VALIDATION', 'setup.tenant-required', { fields: { tenant: 'required' } });
    }
  } catch (e) {
    // Leave the installation as it was so the wizard can simply be submitted again.
    await removePlatformAdmin(core, id);
    throw e;
  }
  const session = core.sessions.create({ kind: 'platform', userId: id, mustChangePassword: false });
  // The owner who chose their own details for the ISP's administrator lands inside the ISP, signed in,
  // instead of on platform administration with a second sign-in.
  const admin = input.tenant?.admin;
  const sameAccount = input.demo || (admin?.email === input.platformAdmin.email && admin.password === input.platformAdmin.password);
  const tenantSession = sameAccount
    ? await signIn(core, { scope: 'tenant', tenantId, email: input.platformAdmin.email, password: input.platformAdmin.password }, caller)
    : undefined;
  return {
    session: { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs },
    tenantId,
    ...(tenantSession ? { tenantSession } : {}),
  };
}
