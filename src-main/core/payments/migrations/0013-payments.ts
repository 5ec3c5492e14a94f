import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The money of a tenant (README "Money"): the payment inbox and the per-subscriber wallet ledger.
 *
 * payments: one row per payment from any source, keyed by (provider, reference) so the same M-Pesa receipt
 * delivered by STK, statement, SMS and C2B is one row; a second delivery inserts nothing.
 *
 * ledger_entries: append-only (triggers below refuse UPDATE and DELETE; a correction is a reversal entry).
 * amount_minor is signed: credit > 0, debit < 0, adjustment either sign (not 0), reversal = minus the amount
 * of the entry it reverses. balance_after_minor = previous balance_after of the subscriber + amount_minor,
 * seq counts 1, 2, 3 … per subscriber with no gaps (UNIQUE makes two writers of the same seq impossible).
 * A payment is credited at most once (partial unique index), and an entry is reversed at most once.
 */
export const m0013Payments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('mpesa','cash','bank','card')`))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
      .addColumn('paid_at', 'text', (c) => c.notNull())
      .addColumn('account_ref', 'text')
      .addColumn('phone', 'text')
      .addColumn('phone_hash', 'text')
      .addColumn('payer_name', 'text')
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('cash','stk','statement','sms','c2b','manual')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received','applied','unmatched','set-aside')`))
      .addColumn('subscriber_id', 'text', (c) => c.references('subscribers.id'))
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      // Who recorded it (the cashier for cash; system:mpesa for M-Pesa): collections by cashier.
      .addColumn('recorded_by_type', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'text')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      // The last decision on an unmatched payment (assigned / set aside); the audit log keeps every one.
      .addColumn('decided_at', 'text')
      .addColumn('decided_by_id', 'text')
      .addColumn('decision_reason', 'text')
      .addUniqueConstraint('payments_provider_reference', ['provider', 'reference'])
      .execute();
    await db.schema.createIndex('payments_received').on('payments').columns(['received_at', 'id']).execute();
    await db.schema.createIndex('payments_status_received').on('payments').columns(['status', 'received_at', 'id']).execute();
    await db.schema.createIndex('payments_subscriber').on('payments').columns(['subscriber_id', 'received_at']).execute();

    await db.schema
      .createTable('ledger_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id'))
      .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('credit','debit','adjustment','reversal')`))
      .addColumn('amount_minor', 'integer', (c) => c.notNull())
      .addColumn('balance_after_minor', 'integer', (c) => c.notNull())
      .addColumn('reference', 'text')
      // What made it: 'payment', 'renewal', 'manual', 'reversal'.
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
      .addColumn('reverses_entry_id', 'text', (c) => c.references('ledger_entries.id'))
      .addColumn('reason', 'text')
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ledger_entries_subscriber_seq', ['subscriber_id', 'seq'])
      .addCheckConstraint('ledger_entries_sign', sql`(kind = 'credit' and amount_minor > 0)
        or (kind = 'debit' and amount_minor < 0)
        or (kind = 'adjustment' and amount_minor <> 0)
        or (kind = 'reversal' and reverses_entry_id is not null)`)
      .execute();
    await sql`create unique index ledger_entries_payment_once on ledger_entries (payment_id)
      where kind = 'credit' and payment_id is not null`.execute(db);
    await sql`create unique index ledger_entries_reversed_once on ledger_entries (reverses_entry_id)
      where kind = 'reversal'`.execute(db);
    // Collections of a day and the payments/ledger reports read by time.
    await db.schema.createIndex('ledger_entries_created').on('ledger_entries').columns(['created_at', 'id']).execute();
    // Append-only: the ledger is the record of money, so the database itself refuses edits and deletions.
    await sql`create trigger ledger_entries_no_update before update on ledger_entries
      begin select raise(abort, 'ledger_entries is append-only'); end`.execute(db);
    await sql`create trigger ledger_entries_no_delete before delete on ledger_entries
      begin select raise(abort, 'ledger_entries is append-only'); end`.execute(db);
  },
};
