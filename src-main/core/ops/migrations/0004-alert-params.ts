import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Alerts store their kind (a code) and JSON params instead of English title/body, so the renderer words
 * them in the user's language. Existing rows keep their router's name; their cause was free text and is dropped.
 */
export const m0004AlertParams: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE alerts ADD COLUMN params TEXT NOT NULL DEFAULT '{}'`.execute(db);
    await sql`
      UPDATE alerts SET params = CASE kind
        WHEN 'router.up' THEN json_object('routerName', coalesce((SELECT name FROM routers WHERE routers.id = alerts.router_id), ''), 'downForMs', NULL)
        ELSE json_object('routerName', coalesce((SELECT name FROM routers WHERE routers.id = alerts.router_id), ''), 'cause', NULL)
      END`.execute(db);
    await sql`ALTER TABLE alerts DROP COLUMN title`.execute(db);
    await sql`ALTER TABLE alerts DROP COLUMN body`.execute(db);
  },
};
