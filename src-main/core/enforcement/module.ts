import { defineModule } from '../module';
import { enforcementHandlers } from './handlers';
import { m0009Enforcement } from './migrations/0009-enforcement';

/**
 * Expiry enforcement on the router itself (README "Expiry enforcement on the router"): the router-side
 * sweeper and its prerequisites (installed through the router outbox after a pre-flight), the tenant's
 * enforcement settings, and the app-side high-water mark and health check on a live connection.
 */
export const enforcementModule = defineModule({
  name: 'enforcement',
  owns: { tenant: ['enforcementSettings'] },
  tenantMigrations: { '0009-enforcement': m0009Enforcement },
  handlers: enforcementHandlers,
});
