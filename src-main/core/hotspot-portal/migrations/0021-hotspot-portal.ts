import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The captive-portal kit: one settings row per tenant (which plans the portal sells, the LAN address the app
 * serves the portal on, the page look) and one row per purchase from the portal, keyed by its STK request.
 */
export const m0021HotspotPortal: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('portal_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('lan_address', 'text')
      .addColumn('lan_port', 'integer', (c) => c.notNull())
      .addColumn('offered_plan_ids', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('colour', 'text', (c) => c.notNull())
      .addColumn('support_phone', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('portal_purchases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_key', 'text', (c) => c.unique())
      .addColumn('account_ref', 'text', (c) => c.notNull().unique())
      .addColumn('stk_request_id', 'text', (c) => c.unique())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('hotspot_plans.id'))
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('mac', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('paying','paid','failed')`))
      .addColumn('failure', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('voucher_id', 'text')
      .addColumn('code', 'text')
      .addColumn('password', 'text')
      .addColumn('login', 'text', (c) => c.notNull().check(sql`login in ('none','waiting','done','failed')`))
      .addColumn('login_error', 'text')
      .addColumn('login_attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create index portal_purchases_created on portal_purchases (created_at, id)`.execute(db);
    await sql`create index portal_purchases_open on portal_purchases (status, login)`.execute(db);
  },
};
