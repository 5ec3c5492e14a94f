import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { kyselyOver, openRawSqlite } from '../../../src-main/core/db/open-sqlite';
import { migrateToLatest, SchemaTooNewError } from '../../../src-main/core/db/migrate';
import { tenantMigrationsOf } from '../../../src-main/core/module';
import { coreModules } from '../../../src-main/core/modules';

const tenantMigrations = tenantMigrationsOf(coreModules);
import { appMigrations } from '../../../src-main/core/db/migrations/app';
import { TenantPool } from '../../../src-main/core/db/tenant-pool';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';

const dirs: { remove(): void }[] = [];
const temp = () => {
  const d = makeTempDir();
  dirs.push(d);
  return d.dir;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

async function open(file: string, migrations: Record<string, Migration>) {
  const raw = openRawSqlite(file);
  const db = kyselyOver<unknown>(raw);
  try {
    await migrateToLatest(db as Kysely<unknown>, raw, file, migrations);
  } finally {
    await db.destroy();
  }
}

function tables(file: string): string[] {
  const raw = openRawSqlite(file);
  try {
    return (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    raw.close();
  }
}

describe('migrations', () => {
  it('creates every table on a new tenant file, with the SQLite settings we rely on', async () => {
    const file = join(temp(), 'data.sqlite');
    await open(file, tenantMigrations);
    expect(tables(file)).toEqual(expect.arrayContaining(['staff_users', 'audit_log', 'business_settings', 'secrets', 'outbox', 'job_runs', 'tenant_meta']));
    const raw = openRawSqlite(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(raw.pragma('user_version', { simple: true })).toBe(Object.keys(tenantMigrations).length);
    raw.close();
  });

  it('creates the registry tables in app.sqlite', async () => {
    const file = join(temp(), 'app.sqlite');
    await open(file, appMigrations);
    expect(tables(file)).toEqual(expect.arrayContaining(['tenants', 'platform_admins', 'device', 'preferences']));
  });

  it('upgrades an existing file by running only the new steps and keeps its rows', async () => {
    const file = join(temp(), 'data.sqlite');
    const first = { '0001-init': tenantMigrations['0001-init']! };
    await open(file, first);
    const raw = openRawSqlite(file);
    raw.prepare("INSERT INTO tenant_meta (key, value) VALUES ('tenant_id', 'x')").run();
    raw.close();
    const next: Record<string, Migration> = {
      ...tenantMigrations,
      '9999-test-step': { up: async (db) => { await sql`CREATE TABLE test_step (id INTEGER)`.execute(db); } },
    };
    await open(file, next);
    await open(file, next); // idempotent second open
    expect(tables(file)).toContain('test_step');
    const check = openRawSqlite(file);
    expect(check.prepare("SELECT value FROM tenant_meta WHERE key = 'tenant_id'").get()).toEqual({ value: 'x' });
    check.close();
  });

  it('moves alerts written with English title/body to kind + params, keeping the router name', async () => {
    const file = join(temp(), 'data.sqlite');
    await open(file, { '0001-init': tenantMigrations['0001-init']!, '0002-routers': tenantMigrations['0002-routers']! });
    const raw = openRawSqlite(file);
    raw.prepare("INSERT INTO routers (id, name, host, port, username, created_at, updated_at) VALUES ('r1', 'Core', '10.0.0.1', 8728, 'api', 'x', 'x')").run();
    const insert = raw.prepare("INSERT INTO alerts (id, at, severity, kind, title, body, router_id) VALUES (?, 'x', ?, ?, ?, ?, 'r1')");
    insert.run('a1', 'critical', 'router.down', 'Router Core is down', 'refused');
    insert.run('a2', 'info', 'router.up', 'Router Core is back up', 'Reachable again.');
    raw.close();
    await open(file, tenantMigrations);
    const check = openRawSqlite(file);
    const rows = check.prepare('SELECT * FROM alerts ORDER BY id').all() as Record<string, unknown>[];
    check.close();
    expect(rows.map((r) => [r.kind, JSON.parse(String(r.params))])).toEqual([
      ['router.down', { routerName: 'Core', cause: null }],
      ['router.up', { routerName: 'Core', downForMs: null }],
    ]);
    expect(Object.keys(rows[0]!)).not.toContain('title');
  });

  it('refuses a file written by a newer schema with a clear error and does not write to it', async () => {
    const file = join(temp(), 'data.sqlite');
    await open(file, { ...tenantMigrations, '9999-from-the-future': { up: async (db) => { await sql`CREATE TABLE future (id INTEGER)`.execute(db); } } });
    const raw = openRawSqlite(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(file);
    await expect(open(file, tenantMigrations)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(open(file, tenantMigrations)).rejects.toThrow(/newer version of ISP Desk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens tenant files lazily, shares them, and closes idle ones', async () => {
    const dir = temp();
    const clock = new FakeClock();
    const pool = new TenantPool({ dataDir: dir, clock, log: silentLogger, idleCloseMs: 60_000, maxOpen: 2, migrations: tenantMigrations });
    await pool.create('t1');
    await pool.create('t2');
    await pool.create('t3');
    expect(pool.openCount).toBeLessThanOrEqual(2);
    await pool.use('t1', async () => {
      clock.advance(120_000);
      expect(await pool.sweepIdle()).toBeGreaterThanOrEqual(0);
      expect(pool.openCount).toBeGreaterThanOrEqual(1); // t1 is borrowed: never closed under a caller
    });
    clock.advance(120_000);
    await pool.sweepIdle();
    expect(pool.openCount).toBe(0);
    await pool.use('t2', async (h) => {
      expect((await h.db.selectFrom('tenantMeta').selectAll().execute())[0]).toEqual({ key: 'tenant_id', value: 't2' });
    });
    await expect(pool.use('missing', async () => 1)).rejects.toThrow(/no data file/);
    await pool.closeAll();
  });
});
