import type { ComponentType } from 'react';
import type { Permission } from '@shared/domain/permissions';
import type { RouterSummary } from '@shared/contract/routers';
import { InterfacesTab } from '../tabs/interfaces-tab';
import { OverviewTab } from '../tabs/overview-tab';
import { PppTab } from '../tabs/ppp-tab';
import { BackupsTab } from './backups-tab';
import { DhcpTab } from './dhcp-tab';
import { FirewallTab } from './firewall-tab';
import { HotspotTab } from './hotspot-tab';
import { LogTab } from './log-tab';
import { QueuesTab } from './queues-tab';
import { ToolsTab } from './tools-tab';

export interface RouterTabProps {
  router: RouterSummary;
}

/** The hotspot views need only the router's id: the Hotspot vouchers area has no more for a cashier. */
export interface HotspotRouterProps {
  router: Pick<RouterSummary, 'id'>;
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
export const ROUTER_TABS: RouterTab[] = [
  { id: 'overview', labelKey: 'routers.tabs.overview', component: OverviewTab },
  { id: 'interfaces', labelKey: 'routers.tabs.interfaces', component: InterfacesTab },
  { id: 'ppp', labelKey: 'routers.tabs.ppp', component: PppTab },
  { id: 'hotspot', labelKey: 'routerTabs.tabs.hotspot', component: HotspotTab },
  { id: 'queues', labelKey: 'routerTabs.tabs.queues', component: QueuesTab },
  { id: 'dhcp', labelKey: 'routerTabs.tabs.dhcp', component: DhcpTab },
  { id: 'firewall', labelKey: 'routerTabs.tabs.firewall', component: FirewallTab },
  { id: 'log', labelKey: 'routerTabs.tabs.log', component: LogTab },
  { id: 'tools', labelKey: 'routerTabs.tabs.tools', component: ToolsTab },
  { id: 'backups', labelKey: 'routerTabs.tabs.backups', component: BackupsTab },
];
