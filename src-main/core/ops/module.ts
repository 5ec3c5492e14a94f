import { defineModule } from '../module';
import { opsHandlers } from './handlers';

/** Operations: in-app alerts raised by other domains (router down/up …) and read by staff. */
export const opsModule = defineModule({
  name: 'ops',
  owns: { tenant: ['alerts'] },
  handlers: opsHandlers,
});
