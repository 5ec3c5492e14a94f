import { AppError } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core } from '../context';
import { createPlatformAdmin, hasPlatformAdmin, removePlatformAdmin } from '../auth/platform-admins';
import { principalOf } from '../auth/sign-in';
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
  return {
    session: { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs },
    tenantId,
  };
}
