import { AppError } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core } from '../context';
import { createPlatformAdmin, hasPlatformAdmin, removePlatformAdmin } from '../auth/platform-admins';
import { principalOf, signIn } from '../auth/sign-in';
import { createTenant } from '../tenancy/tenant-service';
import { demoOf } from '../demo/runtime';

export async function needsSetup(core: Core): Promise<boolean> {
  return !(await hasPlatformAdmin(core));
}

/** First run: the platform administrator and the first tenant (its admin chose their own password here). */
export async function completeSetup(core: Core, input: ParsedInputOf<'setup.complete'>): Promise<OutputOf<'setup.complete'>> {
  if (!(await needsSetup(core))) {
    throw new AppError('CONFLICT', 'This installation is already set up. Sign in instead.');
  }
  const id = await createPlatformAdmin(core, input.platformAdmin);
  let tenantId: string;
  const actor = { kind: 'platform' as const, id, name: input.platformAdmin.fullName };
  try {
    if (input.demo) {
      tenantId = (await demoOf(core).createDemoTenant(input.platformAdmin, actor)).id;
    } else if (input.tenant) {
      tenantId = (await createTenant(core, input.tenant, actor, { adminMustChangePassword: false })).id;
    } else {
      throw new AppError('VALIDATION', 'Describe your ISP, or choose the demo.', { tenant: 'Required' });
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
    ? await signIn(core, { scope: 'tenant', tenantId, email: input.platformAdmin.email, password: input.platformAdmin.password })
    : undefined;
  return {
    session: { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs },
    tenantId,
    ...(tenantSession ? { tenantSession } : {}),
  };
}
