import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Configuration versions say whether they are a router's first (nothing to have "changed" from) and whether
 * the export carries passwords (`show-sensitive`, only for an API user with the `sensitive` policy).
 */
export const m0003BackupDetail: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('router_backups').addColumn('is_first', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('router_backups').addColumn('secrets', 'text', (c) => c.notNull().defaultTo('hidden')).execute();
    // Versions kept before this step: the oldest per router is its first.
    await sql`update router_backups set is_first = 1, changed = 0 where id in (
      select b.id from router_backups b where not exists (
        select 1 from router_backups o where o.router_id = b.router_id and (o.fetched_at < b.fetched_at or (o.fetched_at = b.fetched_at and o.id < b.id))))`.execute(db);
  },
};
