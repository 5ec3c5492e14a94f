import type { hotspotPortalChannels } from '@shared/contract/hotspot-portal';
import type { HandlersFor } from '../rpc/handlers';
import { installPortal } from './install-service';
import { listPurchases } from './purchase-service';
import { portalOf } from './runtime';
import { getPortalSettings, previewPortal, updatePortalSettings } from './settings-service';

type Channels = Extract<keyof typeof hotspotPortalChannels, string>;

export const hotspotPortalHandlers: HandlersFor<Channels> = {
  'portal.settings.get': (_i, ctx) => getPortalSettings(ctx),
  'portal.settings.update': async (i, ctx) => {
    const out = await updatePortalSettings(ctx, i);
    // The roots re-open their portal listeners on the new address.
    portalOf(ctx.core).changed();
    return out;
  },
  'portal.preview': (_i, ctx) => previewPortal(ctx),
  'portal.install': (i, ctx) => installPortal(ctx, i.routerId),
  'portal.purchases.list': (q, ctx) => listPurchases(ctx, q),
};
