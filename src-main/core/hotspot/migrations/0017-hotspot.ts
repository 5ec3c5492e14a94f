import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Hotspot plans, voucher batches and vouchers. A voucher code is unique per router whatever its case
 * (it is the hotspot user's name there); a batch's request key makes a retried create return the same batch.
 */
export const m0017Hotspot: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hotspot_plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('server', 'text', (c) => c.notNull())
      .addColumn('profile_name', 'text', (c) => c.notNull())
      .addColumn('rate_rx_kbps', 'integer', (c) => c.notNull())
      .addColumn('rate_tx_kbps', 'integer', (c) => c.notNull())
      .addColumn('shared_users', 'integer', (c) => c.notNull())
      .addColumn('session_timeout_sec', 'integer')
      .addColumn('idle_timeout_sec', 'integer')
      .addColumn('limit_kind', 'text', (c) => c.notNull().check(sql`limit_kind in ('uptime','validity','none')`))
      .addColumn('limit_sec', 'integer')
      .addColumn('limit_bytes_total', 'integer')
      .addColumn('price_minor', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','disabled')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index hotspot_plans_name on hotspot_plans (name collate nocase)`.execute(db);
    await sql`create unique index hotspot_plans_profile on hotspot_plans (router_id, profile_name)`.execute(db);

    await db.schema
      .createTable('voucher_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('serial', 'integer', (c) => c.notNull().unique())
      .addColumn('request_key', 'text', (c) => c.notNull().unique())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('hotspot_plans.id'))
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('price_minor', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('same','pin')`))
      .addColumn('code_options', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('vouchers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull().references('voucher_batches.id').onDelete('cascade'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('hotspot_plans.id'))
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('code_key', 'text', (c) => c.notNull())
      .addColumn('password', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unused','revoked')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await sql`create unique index vouchers_router_code on vouchers (router_id, code_key)`.execute(db);
    await sql`create index vouchers_batch on vouchers (batch_id, code)`.execute(db);
    await sql`create index vouchers_plan on vouchers (plan_id, status)`.execute(db);
  },
};
