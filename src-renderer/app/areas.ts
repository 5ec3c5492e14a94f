import { IconArrowsExchange, IconBuildingCommunity, IconCalendarTime, IconCash, IconDeviceMobileDollar, IconFileInvoice, IconHome, IconListSearch, IconPackage, IconReceipt2, IconRouter, IconSettings, IconTemplate, IconTicket, IconUsers, IconUsersGroup, IconWifi, type Icon } from '@tabler/icons-react';
import type { Principal } from '@shared/contract/auth';
import type { Permission } from '@shared/domain/permissions';

export interface Area {
  id: string;
  /** Platform administration or a tenant's workspace. */
  scope: 'platform' | 'tenant';
  /** Last route segment: '#/platform/<path>' or '#/t/<tenantId>/<path>'. */
  path: string;
  /** i18n keys of the sidebar label and of the one-line description shown on the home page. */
  labelKey: string;
  descriptionKey: string;
  icon: Icon;
  /** Permission from the shared matrix needed to see the area; null = anyone in that scope. */
  requires: Permission | null;
}

/**
 * The areas of the app, in sidebar order. A new domain (Routers, Subscribers…) adds one entry here and
 * its page in area-pages.tsx; the sidebar, the route guard and the home page follow from this list.
 */
export const AREAS = [
  { id: 'tenants', scope: 'platform', path: 'tenants', labelKey: 'nav.tenants', descriptionKey: 'nav.tenantsHint', icon: IconBuildingCommunity, requires: null },
  { id: 'home', scope: 'tenant', path: 'home', labelKey: 'nav.home', descriptionKey: 'nav.homeHint', icon: IconHome, requires: null },
  { id: 'subscribers', scope: 'tenant', path: 'subscribers', labelKey: 'subscribers.nav.label', descriptionKey: 'subscribers.nav.hint', icon: IconUsers, requires: 'subscribers.read' },
  { id: 'packages', scope: 'tenant', path: 'packages', labelKey: 'packages.nav.label', descriptionKey: 'packages.nav.hint', icon: IconPackage, requires: 'subscribers.read' },
  { id: 'payments', scope: 'tenant', path: 'payments', labelKey: 'payments.nav.label', descriptionKey: 'payments.nav.hint', icon: IconCash, requires: 'payments.read' },
  { id: 'mpesa', scope: 'tenant', path: 'mpesa', labelKey: 'mpesa.nav.label', descriptionKey: 'mpesa.nav.hint', icon: IconDeviceMobileDollar, requires: 'payments.collect' },
  { id: 'invoices', scope: 'tenant', path: 'invoices', labelKey: 'invoices.nav.label', descriptionKey: 'invoices.nav.hint', icon: IconFileInvoice, requires: 'payments.read' },
  // Roles that sell vouchers reach them here without reading routers (a cashier); admins also have the router tab.
  { id: 'hotspot', scope: 'tenant', path: 'hotspot', labelKey: 'routerTabs.hotspotArea.label', descriptionKey: 'routerTabs.hotspotArea.hint', icon: IconTicket, requires: 'vouchers.sell' },
  { id: 'voucherSales', scope: 'tenant', path: 'voucher-sales', labelKey: 'voucherSales.nav.label', descriptionKey: 'voucherSales.nav.hint', icon: IconReceipt2, requires: 'vouchers.sell' },
  { id: 'voucher-templates', scope: 'tenant', path: 'voucher-templates', labelKey: 'voucherTemplates.nav.label', descriptionKey: 'voucherTemplates.nav.hint', icon: IconTemplate, requires: 'vouchers.sell' },
  { id: 'portal', scope: 'tenant', path: 'hotspot-portal', labelKey: 'portal.nav.label', descriptionKey: 'portal.nav.hint', icon: IconWifi, requires: 'vouchers.sell' },
  { id: 'routers', scope: 'tenant', path: 'routers', labelKey: 'routers.nav.label', descriptionKey: 'routers.nav.hint', icon: IconRouter, requires: 'routers.read' },
  { id: 'sync', scope: 'tenant', path: 'sync', labelKey: 'sync.nav.label', descriptionKey: 'sync.nav.hint', icon: IconArrowsExchange, requires: 'routers.read' },
  { id: 'staff', scope: 'tenant', path: 'staff', labelKey: 'nav.staff', descriptionKey: 'nav.staffHint', icon: IconUsersGroup, requires: 'staff.read' },
  { id: 'audit', scope: 'tenant', path: 'audit', labelKey: 'nav.audit', descriptionKey: 'nav.auditHint', icon: IconListSearch, requires: 'audit.read' },
  { id: 'scheduler', scope: 'tenant', path: 'scheduled-tasks', labelKey: 'scheduler.nav.label', descriptionKey: 'scheduler.nav.hint', icon: IconCalendarTime, requires: 'jobs.manage' },
  { id: 'settings', scope: 'tenant', path: 'settings', labelKey: 'nav.settings', descriptionKey: 'nav.settingsHint', icon: IconSettings, requires: 'settings.read' },
] as const satisfies readonly Area[];

export type AreaId = (typeof AREAS)[number]['id'];

export function findArea(scope: 'platform' | 'tenant', path: string): Area | undefined {
  return AREAS.find((a) => a.scope === scope && a.path === path);
}

export function mayOpen(area: Area, principal: Principal): boolean {
  if (principal.kind === 'platform') return area.scope === 'platform';
  if (area.scope !== 'tenant') return false;
  return area.requires === null || principal.permissions.includes(area.requires);
}

export function visibleAreas(principal: Principal): Area[] {
  return AREAS.filter((a) => mayOpen(a, principal));
}
