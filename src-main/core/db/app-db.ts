import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { kyselyOver, openRawSqlite, type RawSqlite } from './open-sqlite';
import { migrateToLatest } from './migrate';
import { ensurePrivateDir } from './private-files';
import { appMigrations } from './migrations/app';
import type { AppDB } from './app-schema';
import { hostname } from 'node:os';
import { uuidv7 } from '@shared/domain/ids';
import type { Clock } from '../ports';

export interface AppDatabase {
  db: Kysely<AppDB>;
  raw: RawSqlite;
  file: string;
  close(): Promise<void>;
}

export async function openAppDb(dataDir: string): Promise<AppDatabase> {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, 'app.sqlite');
  const raw = openRawSqlite(file);
  const db = kyselyOver<AppDB>(raw);
  try {
    await migrateToLatest(db, raw, file, appMigrations);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, raw, file, close: () => db.destroy() };
}

/** This installation's identity (sync and backups name it), created once. */
export async function ensureDeviceIdentity(db: Kysely<AppDB>, clock: Clock): Promise<void> {
  const row = await db.selectFrom('device').select('id').executeTakeFirst();
  if (!row) {
    await db.insertInto('device').values({ rowid: 1, id: uuidv7(), name: hostname(), createdAt: clock.now().toISOString() }).execute();
  }
}
