import type { ComponentType } from 'react';
import type { Permission } from '@shared/domain/permissions';
import type { RouterSummary } from '@shared/contract/routers';

export interface RouterTabProps {
  router: RouterSummary;
}

export interface RouterTab {
  /** URL segment: #/t/<tenantId>/routers/<routerId>/<id>. */
  id: string;
  /** i18n key of the tab label. */
  labelKey: string;
  component: ComponentType<RouterTabProps>;
  /** Extra permission needed to see the tab beyond routers.read (none today). */
  requires?: Permission;
}

/** The tabs of the router dashboard, in display order. Each tab module adds its entry here. */
export const ROUTER_TABS: RouterTab[] = [];
