import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpInstallation, startTestCore } from '../../fixtures/test-core';
import { makeTempDir } from '../../fixtures/temp-dir';

/** Issue 6 §4: data folders are 0700 and database files 0600 whatever the umask. */
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder and database file modes', () => {
  const temp = makeTempDir();
  let umask: number;
  beforeAll(() => {
    // The most permissive umask: anything left to the defaults would come out world-readable.
    umask = process.umask(0);
  });
  afterAll(() => {
    process.umask(umask);
    temp.remove();
  });

  it('creates folders 0700 and app.sqlite, tenant files and their -wal/-shm 0600 under umask 0', async () => {
    const dataDir = join(temp.dir, 'fresh', 'isp-desk');
    const t = await startTestCore({ dataDir, keepDir: true });
    try {
      const { tenantId } = await setUpInstallation(t);
      const tenantDir = join(dataDir, 'tenants', tenantId);
      for (const dir of [dataDir, join(dataDir, 'tenants'), tenantDir]) expect(mode(dir), dir).toBe(0o700);
      const files = [join(dataDir, 'app.sqlite'), join(tenantDir, 'data.sqlite'), join(dataDir, 'secret.key')];
      for (const f of files) expect(mode(f), f).toBe(0o600);
      const sidecars = ['app.sqlite-wal', 'app.sqlite-shm'].map((f) => join(dataDir, f)).concat(['data.sqlite-wal', 'data.sqlite-shm'].map((f) => join(tenantDir, f)));
      for (const f of sidecars) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
    } finally {
      await t.close();
    }
  });

  it('tightens an existing data folder and database files left world-readable', async () => {
    const dataDir = join(temp.dir, 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'app.sqlite'), '');
    chmodSync(join(dataDir, 'app.sqlite'), 0o644);
    const t = await startTestCore({ dataDir, keepDir: true });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'app.sqlite'))).toBe(0o600);
      expect(mode(join(dataDir, 'app.sqlite-wal'))).toBe(0o600);
    } finally {
      await t.close();
    }
  });
});
