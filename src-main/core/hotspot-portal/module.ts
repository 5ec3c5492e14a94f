import { systemActor } from '../context';
import { defineModule } from '../module';
import { hotspotPortalHandlers } from './handlers';
import { m0021HotspotPortal } from './migrations/0021-hotspot-portal';
import { followOpenPurchases } from './purchase-service';
import { hotspotPortalKey, portalRuntime } from './runtime';

/**
 * The captive-portal kit: branded hotspot pages installed on the router (fetched from the app), and
 * vouchers bought from the portal with M-Pesa (public routes served by the headless root on the LAN).
 */
export const hotspotPortalModule = defineModule({
  name: 'hotspot-portal',
  owns: { tenant: ['portalSettings', 'portalPurchases'] },
  tenantMigrations: { '0021-hotspot-portal': m0021HotspotPortal },
  handlers: hotspotPortalHandlers,
  key: hotspotPortalKey,
  start: (core) => portalRuntime(core, [{
    key: 'portal.purchase-follow-up',
    schedule: { everyMs: 60_000 },
    // A customer who paid while the app was off gets their voucher on the first run after it starts.
    missed: 'run-once',
    actor: 'system:portal',
    async run(scope, { log }) {
      const r = await followOpenPurchases({ ...scope, actor: systemActor('system:portal') });
      log(`checked ${r.checked}, paid ${r.paid}, errors ${r.failed}`);
    },
  }]),
});
