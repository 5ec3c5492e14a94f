import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@shared/domain/ids';
import { addStaff, ADMIN_PASSWORD, PLATFORM_PASSWORD, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { AesGcmSecretBox } from '../../../src-main/core/secrets/aes-gcm-secret-box';
import { startRouterSimulator } from '../../../src-main/routeros-simulator';

function databaseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...databaseFiles(p));
    else if (/\.sqlite(-wal|-shm)?$/.test(name)) out.push(p);
  }
  return out;
}

describe('secrets at rest', () => {
  let t: TestCore;
  const secrets = [PLATFORM_PASSWORD, ADMIN_PASSWORD, 'staff pass 12', 'staff pass 12x', 'Router-API-secret-7f3', 'export passphrase 9'];

  beforeAll(async () => {
    t = await startTestCore();
    const inst = await setUpInstallation(t);
    await addStaff(t, inst.adminToken, 'cash@alpha.test', ['CASHIER'], 'staff pass 12');
    await t.booted.core.tenants.use(inst.tenantId, (h) =>
      h.db.insertInto('secrets').values({
        id: uuidv7(), ownerType: 'router', ownerId: 'r1', name: 'api-password', ciphertext: t.booted.core.secrets.seal('Router-API-secret-7f3'), updatedAt: new Date().toISOString(),
      }).execute(),
    );
    // A router registered through the channel, as a user would: its API password must be sealed too.
    const sim = await startRouterSimulator({ users: [{ name: 'api', password: 'Mikrotik-API-pw-5521', group: 'full' }] });
    t.onClose(() => sim.stop());
    const router = await t.call('routers.create', { name: 'Core', host: '127.0.0.1', port: sim.port, username: 'api', password: 'Mikrotik-API-pw-5521' }, inst.adminToken);
    await t.call('routers.test-connection', { host: '127.0.0.1', port: sim.port, username: 'api', password: 'Mikrotik-API-pw-5521' }, inst.adminToken);
    await t.call('routers.backups.fetch', { routerId: router.id }, inst.adminToken);
    await t.call('routers.update', { routerId: router.id, password: 'Mikrotik-API-pw-5522' }, inst.adminToken);
    secrets.push('Mikrotik-API-pw-5521', 'Mikrotik-API-pw-5522');
    await t.call('tenants.export', { tenantId: inst.tenantId, passphrase: 'export passphrase 9' }, inst.platformToken);
  });
  afterAll(() => t.close());

  it('no database file (or its WAL) contains a secret in plaintext', () => {
    const files = databaseFiles(t.dataDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const s of secrets) {
        expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} found in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(s, 'utf16le')), `${s} (UTF-16) found in ${file}`).toBe(false);
      }
    }
  });

  it('keeps the headless key file private to the user', () => {
    expect(statSync(join(t.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('seals with authenticated encryption: tampering is detected', () => {
    const box = AesGcmSecretBox.fromKeyFile(t.dataDir);
    const sealed = box.seal('hello');
    expect(box.open(sealed)).toBe('hello');
    const raw = Buffer.from(sealed.slice(4), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`$01:${raw.toString('base64')}`)).toThrow();
    expect(box.seal('hello')).not.toBe(sealed);
  });
});
