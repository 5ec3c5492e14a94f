import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Desired router state and the router outbox. `router_objects` holds, per router object the app manages
 * (found on the router by its comment tag), the props it must have; `router_outbox` records each change
 * in order, written in the same transaction as the domain change that caused it.
 */
export const m0007RouterSync: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('router_objects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('menu', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('owner_type', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('desired', 'text')
      .addColumn('sealed', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('applied_version', 'integer')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','synced','error')`))
      .addColumn('last_error', 'text')
      .addColumn('last_synced_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('router_objects_tag', ['router_id', 'menu', 'tag'])
      .execute();
    await db.schema.createIndex('router_objects_owner').on('router_objects').columns(['owner_type', 'owner_id']).execute();
    await db.schema.createIndex('router_objects_status').on('router_objects').columns(['router_id', 'status']).execute();
    await db.schema
      .createTable('router_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','done','failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('done_at', 'text')
      .execute();
    await db.schema.createIndex('router_outbox_pending').on('router_outbox').columns(['router_id', 'status', 'id']).execute();
  },
};
