import type { hotspotAdoptionChannels } from '@shared/contract/hotspot-adoption';
import type { HandlersFor } from '../rpc/handlers';
import { applyHotspotAdoption, previewHotspotAdoption } from './adopt-service';

type Channels = Extract<keyof typeof hotspotAdoptionChannels, string>;

export const hotspotAdoptionHandlers: HandlersFor<Channels> = {
  'hotspot.adopt.preview': (q, ctx) => previewHotspotAdoption(ctx, q),
  'hotspot.adopt.apply': (i, ctx) => applyHotspotAdoption(ctx, i),
};
