import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The `/ip/pool` a plan's user profile hands addresses from (`address-pool`); null = the server's own. */
export const m0025PlanAddressPool: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table hotspot_plans add column address_pool text`.execute(db);
  },
};
