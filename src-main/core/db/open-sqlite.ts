import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
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
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }), plugins: [new CamelCasePlugin()] });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours (a renewal is ~20 small
 * statements). Reuse prepared statements by SQL text, least recently used out; a statement still being
 * iterated (`busy`) is never handed out twice. SQLite re-prepares a cached statement itself after a schema change.
 */
export function withStatementCache(raw: RawSqlite): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => { cache.clear(); raw.close(); },
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return stmt;
    },
  };
}
