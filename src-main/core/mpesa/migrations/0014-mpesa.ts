import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * M-Pesa (Daraja) per tenant.
 *
 * mpesa_settings: one row (id 'default'): PayBill or BuyGoods (till + store number as the shortcode),
 * sandbox or production, an optional base URL (the fake Daraja, a relay), whether C2B validation refuses
 * unknown accounts. Consumer key/secret and passkey are sealed in `secrets` (owner 'mpesa'), never here.
 *
 * stk_requests: one row per STK push. checkout_request_id is Daraja's key for query and callback (unique);
 * receipt arrives only with the callback (a query never returns it, integrations.md §4.4);
 * payment_reference is what the payment pipeline got, so a late callback never credits twice.
 */
export const m0014Mpesa: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mpesa_settings')
      .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'default'`))
      .addColumn('account_type', 'text', (c) => c.notNull().check(sql`account_type in ('paybill','buygoods')`))
      .addColumn('shortcode', 'text', (c) => c.notNull())
      .addColumn('till', 'text')
      .addColumn('environment', 'text', (c) => c.notNull().check(sql`environment in ('sandbox','production')`))
      .addColumn('base_url', 'text')
      .addColumn('callback_url', 'text')
      .addColumn('c2b_reject_unknown', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stk_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subscriber_id', 'text', (c) => c.references('subscribers.id'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
      .addColumn('account_ref', 'text', (c) => c.notNull())
      .addColumn('checkout_request_id', 'text', (c) => c.unique())
      .addColumn('merchant_request_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','succeeded','failed','timeout')`))
      .addColumn('result_code', 'text')
      .addColumn('result_desc', 'text')
      .addColumn('error_code', 'text')
      .addColumn('receipt', 'text')
      .addColumn('payment_reference', 'text')
      .addColumn('payment_id', 'text')
      .addColumn('requested_by_id', 'text')
      .addColumn('requested_by_name', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('stk_requests_subscriber').on('stk_requests').columns(['subscriber_id', 'requested_at']).execute();
    await db.schema.createIndex('stk_requests_status').on('stk_requests').columns(['status', 'requested_at']).execute();
  },
};
