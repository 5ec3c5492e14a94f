import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The simple queue name of a static subscriber adopted from a router (`static-biz-01`), kept so desired
 * state matches the queue the router already has instead of renaming it; null = our own `ispdesk-<account>`.
 */
export const m0012SubscriberQueueName: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('subscribers').addColumn('queue_name', 'text').execute();
  },
};
