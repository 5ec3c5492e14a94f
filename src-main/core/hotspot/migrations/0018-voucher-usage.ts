import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Voucher usage as the router reports it (counters, active session, first-login expiry) and the state
 * derived from it, one row per voucher, kept apart from `vouchers` (the sync rewrites it often); and the
 * plans' MAC lock on first login.
 */
export const m0018VoucherUsage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hotspot_plans').addColumn('mac_lock', 'integer', (c) => c.notNull().defaultTo(0).check(sql`mac_lock in (0, 1)`)).execute();
    await db.schema
      .createTable('voucher_usage')
      .addColumn('voucher_id', 'text', (c) => c.primaryKey().references('vouchers.id').onDelete('cascade'))
      .addColumn('uptime_sec', 'integer', (c) => c.notNull())
      .addColumn('bytes_in', 'integer', (c) => c.notNull())
      .addColumn('bytes_out', 'integer', (c) => c.notNull())
      .addColumn('first_login_at', 'text')
      .addColumn('last_seen_at', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
      .addColumn('mac', 'text')
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('unused','in-use','used-up','expired','revoked')`))
      .addColumn('synced_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create index voucher_usage_state on voucher_usage (state)`.execute(db);
  },
};
