import { defineModule } from '../module';
import { adoptionHandlers } from './handlers';

/**
 * Adoption: a router's existing PPP secrets and profiles become subscribers and packages (through the
 * subscribers domain's services), plus a subscriber's live router state. Owns no table; nothing imports it.
 */
export const adoptionModule = defineModule({
  name: 'adoption',
  handlers: adoptionHandlers,
});
