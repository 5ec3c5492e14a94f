import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { ensurePrivateFile, restrictSidecars } from './private-files';

export type RawSqlite = Database.Database;

/**
 * The only place that touches the SQLite driver, so a fallback driver stays a one-file change.
 * WAL + synchronous=NORMAL is safe for a desktop (may lose the last commits on power loss, never corrupts);
 * foreign_keys is per connection.
 */
export function openRawSqlite(file: string, opts: { readonly?: boolean } = {}): RawSqlite {
  if (!opts.readonly) ensurePrivateFile(file);
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false, timeout: 5000 });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  if (!opts.readonly) restrictSidecars(file);
  return db;
}

export function kyselyOver<DB>(raw: RawSqlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] });
}
