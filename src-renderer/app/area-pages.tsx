import type { ComponentType } from 'react';
import { AuditPage } from '../features/auth/audit-page';
import { StaffPage } from '../features/auth/staff-page';
import { HomePage } from '../features/home/home-page';
import { MpesaPage } from '../features/mpesa/mpesa-page';
import { PackagesPage } from '../features/packages/packages-page';
import { PaymentsPage } from '../features/payments/payments-page';
import { InvoicesPage } from '../features/invoices/invoices-page';
import { HotspotPage } from '../features/hotspot/hotspot-page';
import { PortalPage } from '../features/hotspot-portal/portal-page';
import { RoutersArea } from '../features/routers/routers-area';
import { SchedulerPage } from '../features/scheduler/scheduler-page';
import { SubscribersArea } from '../features/subscribers/subscribers-area';
import { SyncPage } from '../features/sync/sync-page';
import { SettingsPage } from '../features/tenancy/settings-page';
import { TenantsPage } from '../features/tenancy/tenants-page';
import { VoucherTemplatesPage } from '../features/voucher-templates/voucher-templates-page';
import { VoucherSalesPage } from '../features/voucher-sales/voucher-sales-page';
import type { AreaId } from './areas';

/** The page of every area in areas.ts (the compiler insists each one has a page). */
export const AREA_PAGES: Record<AreaId, ComponentType> = {
  tenants: TenantsPage,
  home: HomePage,
  subscribers: SubscribersArea,
  packages: PackagesPage,
  payments: PaymentsPage,
  mpesa: MpesaPage,
  invoices: InvoicesPage,
  hotspot: HotspotPage,
  voucherSales: VoucherSalesPage,
  'voucher-templates': VoucherTemplatesPage,
  portal: PortalPage,
  routers: RoutersArea,
  sync: SyncPage,
  staff: StaffPage,
  audit: AuditPage,
  scheduler: SchedulerPage,
  settings: SettingsPage,
};
