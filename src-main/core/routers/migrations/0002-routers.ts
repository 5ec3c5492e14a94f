import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m0002Routers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('routers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('port', 'integer', (c) => c.notNull())
      .addColumn('use_tls', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('tls_fingerprint', 'text')
      .addColumn('site', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_core', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('unknown'))
      .addColumn('status_since', 'text')
      .addColumn('last_checked_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('ros_version', 'text')
      .addColumn('board_name', 'text')
      .addColumn('identity', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('routers_host_port', ['host', 'port'])
      .execute();
    await db.schema
      .createTable('router_downtimes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('duration_ms', 'integer')
      .addColumn('cause', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('router_downtimes_router').on('router_downtimes').columns(['router_id', 'started_at']).execute();
    // At most one open period per router.
    await sql`CREATE UNIQUE INDEX router_downtimes_open ON router_downtimes (router_id) WHERE ended_at IS NULL`.execute(db);
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('router_id', 'text', (c) => c.references('routers.id').onDelete('set null'))
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('alerts_at').on('alerts').columns(['at', 'id']).execute();
    await db.schema
      .createTable('router_backups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('router_id', 'text', (c) => c.notNull().references('routers.id').onDelete('cascade'))
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addColumn('ros_version', 'text')
      .addColumn('changed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('router_backups_router').on('router_backups').columns(['router_id', 'fetched_at']).execute();
  },
};
