import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Per-router text encoding (RouterOS stores bytes; old configurations often carry Windows-1252 comments). */
export const m0005RouterEncoding: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('routers')
      .addColumn('encoding', 'text', (c) => c.notNull().defaultTo('utf8-lossless').check(sql`encoding in ('utf8-lossless','win1252','latin1')`))
      .execute();
  },
};
