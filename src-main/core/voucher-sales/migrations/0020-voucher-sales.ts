import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Voucher stock and sales (issue 11 §4): agents (resellers) with a wholesale discount and a prepaid float,
 * the float's append-only ledger, sales (to a walk-in customer or an agent) with the vouchers each sold, and
 * a low-stock threshold per hotspot plan.
 *
 * agent_ledger has the subscriber wallet's invariants (README "Money"): append-only (triggers), seq 1, 2, 3 …
 * per agent with no gap (UNIQUE), signed amounts (top-up > 0, purchase < 0, adjustment ≠ 0, reversal of an
 * entry at most once), and — a float being prepaid — a running balance that never goes below zero.
 * voucher_sale_items.voucher_id is the primary key: a voucher is sold at most once, whoever tries twice.
 * Plans and vouchers are the hotspot domain's: no foreign keys to them, so the record of money survives a
 * router (and its vouchers) being deleted and never blocks that delete.
 */
export const m0020VoucherSales: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('discount_bp', 'integer', (c) => c.notNull().check(sql`discount_bp between 0 and 9000`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index agents_name on agents (name collate nocase)`.execute(db);

    await db.schema
      .createTable('agent_ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('top-up','purchase','adjustment','reversal')`))
      .addColumn('amount_minor', 'integer', (c) => c.notNull())
      .addColumn('balance_after_minor', 'integer', (c) => c.notNull().check(sql`balance_after_minor >= 0`))
      .addColumn('method', 'text', (c) => c.check(sql`method in ('mpesa','cash','bank','card')`))
      .addColumn('reference', 'text')
      .addColumn('income_entry_id', 'text')
      .addColumn('sale_id', 'text')
      .addColumn('reverses_entry_id', 'text', (c) => c.references('agent_ledger.id'))
      .addColumn('reason', 'text')
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('agent_ledger_agent_seq', ['agent_id', 'seq'])
      .addCheckConstraint('agent_ledger_sign', sql`(kind = 'top-up' and amount_minor > 0 and method is not null and income_entry_id is not null)
        or (kind = 'purchase' and amount_minor < 0 and sale_id is not null)
        or (kind = 'adjustment' and amount_minor <> 0 and reason is not null)
        or (kind = 'reversal' and amount_minor <> 0 and reverses_entry_id is not null)`)
      .execute();
    await sql`create unique index agent_ledger_reversed_once on agent_ledger (reverses_entry_id) where kind = 'reversal'`.execute(db);
    await db.schema.createIndex('agent_ledger_created').on('agent_ledger').columns(['created_at', 'id']).execute();
    await sql`create trigger agent_ledger_no_update before update on agent_ledger
      begin select raise(abort, 'agent_ledger is append-only'); end`.execute(db);
    await sql`create trigger agent_ledger_no_delete before delete on agent_ledger
      begin select raise(abort, 'agent_ledger is append-only'); end`.execute(db);

    await db.schema
      .createTable('voucher_sales')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_key', 'text', (c) => c.notNull().unique())
      .addColumn('buyer_kind', 'text', (c) => c.notNull().check(sql`buyer_kind in ('walk-in','agent')`))
      .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 1`))
      .addColumn('list_total_minor', 'integer', (c) => c.notNull().check(sql`list_total_minor >= 0`))
      .addColumn('discount_bp', 'integer', (c) => c.notNull())
      .addColumn('total_minor', 'integer', (c) => c.notNull().check(sql`total_minor >= 0`))
      .addColumn('method', 'text', (c) => c.check(sql`method in ('mpesa','cash','bank','card')`))
      .addColumn('reference', 'text')
      .addColumn('income_entry_id', 'text')
      .addColumn('agent_entry_id', 'text')
      .addColumn('note', 'text')
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('voucher_sales_buyer', sql`(buyer_kind = 'walk-in' and agent_id is null and method is not null)
        or (buyer_kind = 'agent' and agent_id is not null)`)
      .execute();
    await db.schema.createIndex('voucher_sales_created').on('voucher_sales').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('voucher_sales_agent').on('voucher_sales').columns(['agent_id', 'created_at']).execute();

    await db.schema
      .createTable('voucher_sale_items')
      .addColumn('voucher_id', 'text', (c) => c.primaryKey())
      .addColumn('sale_id', 'text', (c) => c.notNull().references('voucher_sales.id'))
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
      .execute();
    await db.schema.createIndex('voucher_sale_items_sale').on('voucher_sale_items').columns(['sale_id']).execute();
    await db.schema.createIndex('voucher_sale_items_batch').on('voucher_sale_items').columns(['batch_id']).execute();
    await db.schema.createIndex('voucher_sale_items_plan').on('voucher_sale_items').columns(['plan_id']).execute();

    await db.schema
      .createTable('voucher_stock_thresholds')
      .addColumn('plan_id', 'text', (c) => c.primaryKey())
      .addColumn('low_stock', 'integer', (c) => c.notNull().check(sql`low_stock >= 0`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
