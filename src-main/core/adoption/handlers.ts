import type { adoptionChannels } from '@shared/contract/adoption';
import type { subscriberLiveChannels } from '@shared/contract/subscriber-live';
import type { HandlersFor } from '../rpc/handlers';
import { applyAdoption, previewAdoption } from './adopt-service';
import { subscriberLiveState } from './live-state';

type AdoptionChannels = Extract<keyof typeof adoptionChannels | keyof typeof subscriberLiveChannels, string>;

export const adoptionHandlers: HandlersFor<AdoptionChannels> = {
  'adoption.preview': (q, ctx) => previewAdoption(ctx, q),
  'adoption.apply': (i, ctx) => applyAdoption(ctx, i),
  'subscribers.live': (i, ctx) => subscriberLiveState(ctx, i.subscriberId),
};
