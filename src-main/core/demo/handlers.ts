import type { demoChannels } from '@shared/contract/demo';
import type { HandlersFor } from '../rpc/handlers';
import { demoOf } from './runtime';

export const demoHandlers: HandlersFor<Extract<keyof typeof demoChannels, string>> = {
  'demo.play-outage': (_i, ctx) => {
    const endsAt = demoOf(ctx.core).playOutage(ctx.tenant.id);
    return Promise.resolve({ ok: true as const, endsAt: endsAt.toISOString() });
  },
};
