import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Drift found by reconcile: one row per difference between desired state and what a router holds.
 * Ignored rows stay (with the router values they were ignored for, `fingerprint`) so the next run does
 * not report them again until the router value changes. `router_sync_runs` keeps the last reconcile per
 * router for the status screen.
 */
export const m0011RouterSyncDrift: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('router_drift')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('menu', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('missing','extra','foreign','different')`))
      /** What identifies the drift across runs: the object's tag, or `.id=<router id>` for foreign items. */
      .addColumn('identity', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text')
      .addColumn('router_item_id', 'text')
      .addColumn('label', 'text', (c) => c.notNull())
      /** JSON of the router's values (null when missing on the router). */
      .addColumn('router_props', 'text')
      /** JSON [{prop, ours, theirs}] for `different`. */
      .addColumn('diffs', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','ignored')`))
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('router_drift_router').on('router_drift').columns(['router_id', 'status', 'id']).execute();
    await db.schema
      .createTable('router_sync_runs')
      .addColumn('router_id', 'text', (c) => c.primaryKey().references('routers.id').onDelete('cascade'))
      .addColumn('last_reconcile_at', 'text', (c) => c.notNull())
      .addColumn('api_calls', 'integer', (c) => c.notNull())
      .addColumn('drift_count', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
  },
};
