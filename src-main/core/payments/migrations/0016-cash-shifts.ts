import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Cashier drawer shifts (README "Money", cash drawer): one row per shift, opened with a float and closed with
 * the counted cash; expected and difference are frozen at close so the record does not move if the ledger is
 * corrected later (a reversal after close shows in the next day's collections, not in a closed shift).
 * At most one open shift per staff member (partial unique index), so two windows cannot open two drawers.
 */
export const m0016CashShifts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cash_shifts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('staff_name', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opening_float_minor', 'integer', (c) => c.notNull().check(sql`opening_float_minor >= 0`))
      .addColumn('closed_at', 'text')
      .addColumn('expected_minor', 'integer')
      .addColumn('counted_minor', 'integer', (c) => c.check(sql`counted_minor >= 0`))
      .addColumn('difference_minor', 'integer')
      .addColumn('note', 'text')
      .addCheckConstraint('cash_shifts_closed_complete', sql`(closed_at is null and expected_minor is null and counted_minor is null and difference_minor is null)
        or (closed_at is not null and expected_minor is not null and counted_minor is not null and difference_minor = counted_minor - expected_minor)`)
      .execute();
    await sql`create unique index cash_shifts_one_open on cash_shifts (staff_id) where closed_at is null`.execute(db);
    await db.schema.createIndex('cash_shifts_staff_opened').on('cash_shifts').columns(['staff_id', 'opened_at']).execute();
  },
};
