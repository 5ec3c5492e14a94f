import { systemActor } from '../context';
import { defineModule } from '../module';
import { hotspotAdoptionHandlers } from './adopt-handlers';
import { hotspotHandlers } from './handlers';
import { m0017Hotspot } from './migrations/0017-hotspot';
import { m0018VoucherUsage } from './migrations/0018-voucher-usage';
import { m0019HotspotAdoption } from './migrations/0019-hotspot-adoption';
import { m0022HotspotPrintCancel } from './migrations/0022-hotspot-print-cancel';
import { m0025PlanAddressPool } from './migrations/0025-plan-address-pool';
import { syncAllVoucherStatuses } from './status-sync';

/**
 * Hotspot plans (a user profile the app maintains on the router) and voucher batches (hotspot users
 * tagged with their batch), written as desired state through the router outbox in the same transaction.
 */
export const hotspotModule = defineModule({
  name: 'hotspot',
  owns: { tenant: ['hotspotPlans', 'voucherBatches', 'vouchers', 'voucherUsage'] },
  tenantMigrations: {
    '0017-hotspot': m0017Hotspot, '0018-voucher-usage': m0018VoucherUsage, '0019-hotspot-adoption': m0019HotspotAdoption,
    '0022-hotspot-print-cancel': m0022HotspotPrintCancel, '0025-plan-address-pool': m0025PlanAddressPool,
  },
  handlers: { ...hotspotHandlers, ...hotspotAdoptionHandlers },
  start: () => ({
    scheduledJobs: [{
      key: 'hotspot.status-sync',
      // Each run reads each router's hotspot users once (10,000 vouchers: hotspot.status_sync_10k_ms).
      schedule: { everyMs: 5 * 60_000 },
      missed: 'skip',
      actor: 'system:hotspot',
      async run(scope, { log }) {
        await syncAllVoucherStatuses({ ...scope, actor: systemActor('system:hotspot') }, log);
      },
    }],
  }),
});
