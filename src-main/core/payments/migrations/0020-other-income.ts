import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Money received for no subscriber (issue 11 §4): vouchers sold at the desk and agents' float top-ups. It has
 * no wallet, so it cannot live in ledger_entries (subscriber_id is required there); it is its own append-only
 * record, read next to the ledger by the day's collections and the cashier's shift.
 *
 * kind 'receipt' > 0 (one per (method, reference): a retried sale or a receipt code used twice inserts
 * nothing), 'reversal' = minus the receipt it reverses, at most once. Triggers refuse UPDATE and DELETE.
 */
export const m0020OtherIncome: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('income_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('receipt','reversal')`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('voucher-sale','agent-float')`))
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('mpesa','cash','bank','card')`))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'integer', (c) => c.notNull())
      .addColumn('reverses_entry_id', 'text', (c) => c.references('income_entries.id'))
      .addColumn('note', 'text')
      .addColumn('recorded_by_type', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'text')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('income_entries_sign', sql`(kind = 'receipt' and amount_minor > 0 and reverses_entry_id is null)
        or (kind = 'reversal' and amount_minor < 0 and reverses_entry_id is not null)`)
      .execute();
    await sql`create unique index income_entries_reference on income_entries (method, reference) where kind = 'receipt'`.execute(db);
    await sql`create unique index income_entries_reversed_once on income_entries (reverses_entry_id) where kind = 'reversal'`.execute(db);
    await db.schema.createIndex('income_entries_created').on('income_entries').columns(['created_at', 'id']).execute();
    await sql`create trigger income_entries_no_update before update on income_entries
      begin select raise(abort, 'income_entries is append-only'); end`.execute(db);
    await sql`create trigger income_entries_no_delete before delete on income_entries
      begin select raise(abort, 'income_entries is append-only'); end`.execute(db);
  },
};
