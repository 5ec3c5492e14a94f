import { defineModule } from '../module';
import { opsHandlers } from './handlers';
import { m0004AlertParams } from './migrations/0004-alert-params';

/** Operations: in-app alerts raised by other domains (router down/up …) and read by staff. */
export const opsModule = defineModule({
  name: 'ops',
  owns: { tenant: ['alerts'] },
  tenantMigrations: { '0004-alert-params': m0004AlertParams },
  handlers: opsHandlers,
});
