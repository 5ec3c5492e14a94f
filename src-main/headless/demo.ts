import { randomBytes } from 'node:crypto';
import { systemActor, type Core } from '../core/context';
import { demoOf } from '../core/demo/runtime';
import { createPlatformAdmin } from '../core/auth/platform-admins';
import { needsSetup } from '../core/setup/setup-service';

const DEMO_ADMIN_EMAIL = 'demo@demo.ispdesk.app';
const PLATFORM_EMAIL = 'platform@demo.ispdesk.app';

/**
 * `npm run demo`: makes sure a demo ISP exists (simulated routers seeded with realistic data) and prints
 * how to sign in. Passwords are random and shown only on this console — there are no default passwords.
 */
export async function prepareDemo(core: Core): Promise<string[]> {
  const lines: string[] = [];
  const demo = demoOf(core);
  if (await needsSetup(core)) {
    const password = randomBytes(9).toString('base64url');
    await createPlatformAdmin(core, { fullName: 'Demo Platform Admin', email: PLATFORM_EMAIL, password }, { onlyIfFirst: true });
    lines.push(`  Platform administration: ${PLATFORM_EMAIL} / ${password}`);
  }
  let tenant = core.registry.all().find((t) => t.isDemo === 1);
  if (!tenant) {
    tenant = await demo.createDemoTenant(
      { fullName: 'Demo Admin', email: DEMO_ADMIN_EMAIL, password: randomBytes(9).toString('base64url') },
      systemActor('system:demo'),
    );
  }
  const email = tenant.ownerEmail === DEMO_ADMIN_EMAIL ? DEMO_ADMIN_EMAIL : tenant.ownerEmail;
  const password = await demo.resetDemoAdminPassword(tenant.id, email);
  lines.unshift(`Demo ISP ready: "${tenant.name}" with ${demo.simulatorsOf(tenant.id).length} simulated routers.`, `  Sign in to it as: ${email} / ${password}`);
  return lines;
}
