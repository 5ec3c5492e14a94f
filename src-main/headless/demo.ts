import { randomBytes } from 'node:crypto';
import type { Core } from '../core/context';
import { routersOf } from '../core/routers/module';
import { createPlatformAdmin, needsSetup } from '../core/tenancy/setup-service';

const DEMO_ADMIN_EMAIL = 'demo@demo.ispdesk.app';
const PLATFORM_EMAIL = 'platform@demo.ispdesk.app';

/**
 * `npm run demo`: makes sure a demo ISP exists (simulated routers seeded with realistic data) and prints
 * how to sign in. Passwords are random and shown only on this console — there are no default passwords.
 */
export async function prepareDemo(core: Core): Promise<string[]> {
  const lines: string[] = [];
  const demo = routersOf(core).demo;
  if (await needsSetup(core)) {
    const password = randomBytes(9).toString('base64url');
    await createPlatformAdmin(core, { fullName: 'Demo Platform Admin', email: PLATFORM_EMAIL, password });
    lines.push(`  Platform administration: ${PLATFORM_EMAIL} / ${password}`);
  }
  let tenant = core.registry.all().find((t) => t.isDemo === 1);
  if (!tenant) {
    tenant = await demo.createDemoTenant(
      { fullName: 'Demo Admin', email: DEMO_ADMIN_EMAIL, password: randomBytes(9).toString('base64url') },
      { kind: 'system', id: null, name: 'ISP Desk demo' },
    );
  }
  const email = tenant.ownerEmail === DEMO_ADMIN_EMAIL ? DEMO_ADMIN_EMAIL : tenant.ownerEmail;
  const password = await demo.resetDemoAdminPassword(tenant.id, email);
  lines.unshift(`Demo ISP ready: "${tenant.name}" with ${demo.simulatorsOf(tenant.id).length} simulated routers.`, `  Sign in to it as: ${email} / ${password}`);
  return lines;
}
