import type { HandlersFor } from '../rpc/handlers';
import { defineModule } from '../module';
import { completeSetup, needsSetup } from './setup-service';

const setupHandlers: HandlersFor<'setup.status' | 'setup.complete'> = {
  'setup.status': async (_i, ctx) => ({ needsSetup: await needsSetup(ctx.core) }),
  'setup.complete': (input, ctx) => completeSetup(ctx.core, input, ctx.caller),
};

/** First run: the platform administrator and the first ISP profile (or the demo ISP). Owns no table. */
export const setupModule = defineModule({ name: 'setup', handlers: setupHandlers });
