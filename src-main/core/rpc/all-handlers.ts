import type { Handlers } from './handlers';
import { authHandlers } from '../auth/handlers';
import { tenancyHandlers } from '../tenancy/handlers';
import { routersHandlers } from '../routers/handlers';

/** Every channel of the contract mapped to its service; `satisfies` fails the build if one is missing. */
export const allHandlers = {
  ...tenancyHandlers,
  ...authHandlers,
  ...routersHandlers,
} satisfies Handlers;
