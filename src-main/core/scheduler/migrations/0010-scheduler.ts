import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The scheduler's record: `job_runs` (from 0001) gains why a run exists (schedule, manual, catch-up), who
 * pressed Run now, its log and when a retry is due; `job_settings` holds staff overrides per job.
 */
export const m0010Scheduler: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('job_runs').addColumn('trigger', 'text', (c) => c.notNull().defaultTo('schedule')).execute();
    await db.schema.alterTable('job_runs').addColumn('triggered_by', 'text').execute();
    await db.schema.alterTable('job_runs').addColumn('log', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('job_runs').addColumn('next_attempt_at', 'text').execute();
    await db.schema.createIndex('job_runs_job_started').on('job_runs').columns(['job_key', 'started_at']).execute();
    await db.schema.createIndex('job_runs_retrying').on('job_runs').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('job_settings')
      .addColumn('job_key', 'text', (c) => c.primaryKey())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('schedule', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
  },
};
