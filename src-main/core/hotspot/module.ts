import { defineModule } from '../module';
import { hotspotHandlers } from './handlers';
import { m0017Hotspot } from './migrations/0017-hotspot';
import { m0022HotspotPrintCancel } from './migrations/0022-hotspot-print-cancel';

/**
 * Hotspot plans (a user profile the app maintains on the router) and voucher batches (hotspot users
 * tagged with their batch), written as desired state through the router outbox in the same transaction.
 */
export const hotspotModule = defineModule({
  name: 'hotspot',
  owns: { tenant: ['hotspotPlans', 'voucherBatches', 'vouchers'] },
  tenantMigrations: { '0017-hotspot': m0017Hotspot, '0022-hotspot-print-cancel': m0022HotspotPrintCancel },
  handlers: hotspotHandlers,
});
