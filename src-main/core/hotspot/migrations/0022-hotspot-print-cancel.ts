import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The hotspot's DNS name on a plan (the host of the QR auto-login URL printed on vouchers: RouterOS keeps
 * it on `/ip/hotspot/profile`, which the app does not manage) and when a batch's push was cancelled.
 */
export const m0022HotspotPrintCancel: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hotspot_plans').addColumn('dns_name', 'text').execute();
    await db.schema.alterTable('voucher_batches').addColumn('cancelled_at', 'text').execute();
  },
};
