import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Per-tenant expiry enforcement settings: one row (id 1), created on first update; defaults apply until then. */
export const m0009Enforcement: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('enforcement_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('expiry_action', 'text', (c) => c.notNull().defaultTo('disable').check(sql`expiry_action in ('disable','expired-profile')`))
      .addColumn('notice_url', 'text')
      .addColumn('strict_assume_sec', 'integer', (c) => c.check(sql`strict_assume_sec is null or strict_assume_sec between 0 and 2592000`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
