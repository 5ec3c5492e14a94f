import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Invoices of a tenant (README "Invoices").
 *
 * invoice_settings: one row — the number prefix, the next number, the VAT mode (the rate is the business
 * settings' vat_rate_basis_points) and the payment terms. next_number is read and bumped in the transaction
 * that issues an invoice: the tenant file has one writer at a time and a rolled-back issue rolls the bump
 * back too, so numbers have no gaps and no repeats (UNIQUE(seq) would refuse a repeat anyway).
 *
 * invoices: drafts have no number (seq/number NULL); void keeps its number. period_key (YYYY-MM) is set on
 * monthly postpaid invoices; UNIQUE(subscriber_id, period_key) makes a second run of the job insert nothing.
 * Totals are stored as computed at create (src-shared/domain/invoice-totals.ts); paid_minor is the sum of
 * invoice_allocations, kept in the same transaction as each allocation.
 *
 * invoice_allocations: which payment paid how much of which invoice, written in the payment's own
 * transaction (payments calls the hook invoices registers), at most once per (invoice, payment).
 *
 * postpaid_subscribers: the billing mode on the invoice side; a row means "invoice this subscriber monthly".
 */
export const m0015Invoices: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('invoice_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('prefix', 'text', (c) => c.notNull().defaultTo('INV-'))
      .addColumn('next_number', 'integer', (c) => c.notNull().defaultTo(1).check(sql`next_number >= 1`))
      .addColumn('vat_mode', 'text', (c) => c.notNull().defaultTo('exclusive').check(sql`vat_mode in ('exclusive','inclusive')`))
      .addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(14).check(sql`payment_terms_days between 0 and 365`))
      .addColumn('updated_at', 'text')
      .execute();
    await sql`INSERT INTO invoice_settings (id) VALUES (1)`.execute(db);

    await db.schema
      .createTable('invoices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.unique())
      .addColumn('number', 'text', (c) => c.unique())
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','issued','partially_paid','paid','void')`))
      .addColumn('period_key', 'text')
      .addColumn('period_from', 'text')
      .addColumn('period_to', 'text')
      .addColumn('vat_mode', 'text', (c) => c.notNull().check(sql`vat_mode in ('exclusive','inclusive')`))
      .addColumn('vat_rate_basis_points', 'integer', (c) => c.notNull().check(sql`vat_rate_basis_points between 0 and 10000`))
      .addColumn('subtotal_minor', 'integer', (c) => c.notNull())
      .addColumn('vat_minor', 'integer', (c) => c.notNull())
      .addColumn('total_minor', 'integer', (c) => c.notNull().check(sql`total_minor >= 0`))
      .addColumn('paid_minor', 'integer', (c) => c.notNull().defaultTo(0).check(sql`paid_minor >= 0 AND paid_minor <= total_minor`))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text')
      .addColumn('notes', 'text')
      .addColumn('voided_at', 'text')
      .addColumn('void_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      // A number exactly when issued: drafts never have one, issued/paid always do, void keeps what it had.
      .addCheckConstraint('invoices_number_when_issued', sql`(seq IS NULL) = (number IS NULL) AND (seq IS NULL) = (issued_at IS NULL)
        AND (status <> 'draft' OR seq IS NULL) AND (status IN ('draft','void') OR seq IS NOT NULL)`)
      .execute();
    await db.schema.createIndex('invoices_subscriber_period').on('invoices').columns(['subscriber_id', 'period_key']).unique().where(sql.ref('period_key'), 'is not', null).execute();
    await db.schema.createIndex('invoices_open_by_subscriber').on('invoices').columns(['subscriber_id', 'status', 'seq']).execute();

    await db.schema
      .createTable('invoice_lines')
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
      .addColumn('unit_price_minor', 'integer', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
      .addColumn('amount_minor', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('invoice_lines_pk', ['invoice_id', 'position'])
      .execute();

    await db.schema
      .createTable('invoice_allocations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
      .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
      .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('invoice_allocations_once', ['invoice_id', 'payment_id'])
      .execute();

    await db.schema
      .createTable('postpaid_subscribers')
      .addColumn('subscriber_id', 'text', (c) => c.primaryKey().references('subscribers.id'))
      .addColumn('since', 'text', (c) => c.notNull())
      .execute();
  },
};
