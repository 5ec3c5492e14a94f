import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m0001Init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenant_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('staff_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('phone', 'text')
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_sign_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('business_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('legal_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tax_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('vat_rate_basis_points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('logo_data_url', 'text')
      .addColumn('receipt_footer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_at', 'text')
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .execute();
    // (at, id) matches the list order exactly, so paging never sorts.
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at', 'id']).execute();
    await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor_id', 'at', 'id']).execute();
    // Append-only: the log is evidence, so the database itself refuses edits and deletions.
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await db.schema
      .createTable('secrets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_type', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('secrets_owner_name', ['owner_type', 'owner_id', 'name'])
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('done_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('job_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_key', 'text', (c) => c.notNull())
      .addColumn('scheduled_for', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('error', 'text')
      .addUniqueConstraint('job_runs_key_slot', ['job_key', 'scheduled_for'])
      .execute();
    await sql`INSERT INTO business_settings (id) VALUES (1)`.execute(db);
  },
};
