import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Editable voucher templates (documents domain): the card's HTML as its author saved it, already checked. */
export const m0023VoucherTemplates: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('voucher_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('layout', 'text', (c) => c.notNull())
      .addColumn('dns_name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index voucher_templates_name on voucher_templates (name collate nocase)`.execute(db);
  },
};
