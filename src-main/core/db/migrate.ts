import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { RawSqlite } from './open-sqlite';

export class SchemaTooNewError extends Error {
  constructor(readonly file: string, readonly unknownMigrations: string[]) {
    super(
      `${file} was written by a newer version of ISP Desk (schema steps ${unknownMigrations.join(', ')} are unknown here). ` +
        'Update ISP Desk to open it; it has not been changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Migrations live in code (bundle-safe): a static record, names sorting in order. */
class InCodeProvider implements MigrationProvider {
  constructor(private readonly migrations: Readonly<Record<string, Migration>>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ ...this.migrations });
  }
}

/**
 * Brings a file to the current schema. A file that has steps this build does not know is refused
 * before anything is written, so an older app never writes a newer file.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  raw: RawSqlite,
  file: string,
  migrations: Readonly<Record<string, Migration>>,
): Promise<void> {
  const known = new Set(Object.keys(migrations));
  const hasTable = raw
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (hasTable) {
    const applied = raw.prepare('SELECT name FROM kysely_migration').all() as { name: string }[];
    const unknown = applied.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length > 0) throw new SchemaTooNewError(file, unknown);
  }
  const userVersion = raw.pragma('user_version', { simple: true }) as number;
  if (userVersion > known.size) throw new SchemaTooNewError(file, [`#${userVersion}`]);

  const migrator = new Migrator({ db, provider: new InCodeProvider(migrations) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Could not upgrade ${file}${failed ? ` at step ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  raw.pragma(`user_version = ${known.size}`);
  await sql`PRAGMA optimize`.execute(db);
}
