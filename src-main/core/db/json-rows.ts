import { sql, type Insertable, type Kysely } from 'kysely';
import { toSnake } from './query-helpers';

/** Rows per statement: one JSON text parameter each, so SQLite's bound-parameter limit does not apply. */
const ROWS_PER_STATEMENT = 2000;

type Cell = string | number | null;

function column(i: number) {
  return sql`json_extract(j.value, ${sql.lit(`$[${i}]`)})`;
}

/**
 * Inserts many rows as `insert … select … from json_each(?)`: each chunk goes to SQLite as one JSON array
 * of row arrays instead of thousands of bound values that Kysely would compile and bind one by one
 * (money.statement_import_50k_ms). Values must be text, numbers or null (booleans are stored as 0/1 already).
 * Every row must have the same keys as the first.
 */
export async function insertJsonRows<DB, T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const cols = sql.join(keys.map((k) => sql.id(toSnake(k))));
  const values = sql.join(keys.map((_k, i) => column(i)));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => keys.map((k) => (r as Record<string, Cell | undefined>)[k] ?? null)));
    await sql`insert into ${sql.id(toSnake(table))} (${cols}) select ${values} from json_each(${json}) as j`.execute(db);
  }
}

/**
 * Updates many rows by id the same way (`update … from json_each(?)`): `set` names the columns written,
 * each row gives the id then those values in that order.
 */
export async function updateJsonRows<DB, T extends keyof DB & string>(
  db: Kysely<DB>, table: T, set: readonly string[], rows: readonly (readonly Cell[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const t = toSnake(table);
  const assignments = sql.join(set.map((c, i) => sql`${sql.id(toSnake(c))} = ${column(i + 1)}`));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await sql`update ${sql.id(t)} set ${assignments} from json_each(${json}) as j where ${sql.id(t)}.id = ${column(0)}`.execute(db);
  }
}

/** SQLite's default: a checkpoint once the WAL holds 1,000 pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Runs a bulk write of many commits with the WAL's automatic checkpoint paused, then checkpoints once.
 * Every commit of a large import rewrites thousands of index pages; checkpointing after each one copied
 * those pages into the database file again and again (money.statement_import_50k_ms), while one
 * checkpoint at the end copies each page once. Durability is unchanged: each commit is still synced to
 * the WAL, which SQLite replays after a crash.
 */
export async function withOneCheckpoint<DB, T>(db: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  await sql`PRAGMA wal_autocheckpoint = 0`.execute(db);
  try {
    return await fn();
  } finally {
    await sql.raw(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`).execute(db);
    await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(db);
  }
}
