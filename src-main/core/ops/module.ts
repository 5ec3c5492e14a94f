import { defineModule } from '../module';
import { enforcementOf } from '../enforcement/runtime';
import { raiseEnforcementHealthAlert } from './enforcement-alerts';
import { opsHandlers } from './handlers';
import { m0004AlertParams } from './migrations/0004-alert-params';

/** Operations: in-app alerts raised by other domains (router down/up …) and read by staff. */
export const opsModule = defineModule({
  name: 'ops',
  owns: { tenant: ['alerts'] },
  tenantMigrations: { '0004-alert-params': m0004AlertParams },
  handlers: opsHandlers,
  start(core) {
    // Enforcement sits below ops and cannot raise alerts itself: it calls back after each health check.
    enforcementOf(core).healthListeners.push(raiseEnforcementHealthAlert);
    return {};
  },
});
