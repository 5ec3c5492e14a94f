import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Installation-wide actions (preferences, …) have no tenant file to be audited in: they go here. */
export const m0002PlatformAudit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('platform_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .execute();
    await db.schema.createIndex('platform_audit_at').on('platform_audit').column('at').execute();
  },
};
