import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAGIC } from '../../../src-main/core/tenancy/export-file';
import { addStaff, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { downloadedBytes, uploadBytes } from '../../fixtures/uploads';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
async function core(): Promise<TestCore> {
  const c = await startTestCore();
  cores.push(c);
  return c;
}

const PASSPHRASE = 'move it safely 42';

/** An installation whose tenant holds readable-looking data: staff e-mails, audit, a router with a backup. */
async function exportedTenant(): Promise<{ t: TestCore; inst: Installation; file: Buffer }> {
  const t = await core();
  const inst = await setUpInstallation(t, 'Alpha Net');
  await addStaff(t, inst.adminToken, 'cashier.wanjiru@alpha.test', ['CASHIER']);
  await t.booted.core.tenants.use(inst.tenantId, (h) =>
    h.db.insertInto('secrets').values({
      id: '0190f0f0-0000-7000-8000-000000000001', ownerType: 'test', ownerId: 'x', name: 'api-password',
      ciphertext: t.booted.core.secrets.seal('router-pass-Ω'), updatedAt: new Date().toISOString(),
    }).execute(),
  );
  const exported = await t.call('tenants.export', { tenantId: inst.tenantId, passphrase: PASSPHRASE }, inst.platformToken);
  return { t, inst, file: downloadedBytes(t, inst.platformToken, exported) };
}

/** What a second installation holds: tenant folders and registry rows (nothing may appear on refusal). */
function footprint(t: TestCore): { tenants: string[]; registry: string[] } {
  const dir = join(t.dataDir, 'tenants');
  return { tenants: existsSync(dir) ? readdirSync(dir).sort() : [], registry: t.booted.core.registry.all().map((r) => r.id).sort() };
}

describe('tenant export files are encrypted as a whole', () => {
  it('leaves no staff e-mail, tenant name, SQLite header or secret readable in the raw file', async () => {
    const { file } = await exportedTenant();
    expect(file.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    for (const needle of ['cashier.wanjiru@alpha.test', 'ada@alpha.test', 'olive@alpha.test', 'Alpha Net', 'SQLite format 3', 'router-pass-Ω', 'staff.created', 'scrypt$']) {
      expect(file.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
    // The readable header says only how to derive the key.
    const headLen = file.readUInt32BE(MAGIC.length);
    const head = JSON.parse(file.subarray(MAGIC.length + 4, MAGIC.length + 4 + headLen).toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(head).sort()).toEqual(['bodyIv', 'cipher', 'format', 'kdf', 'keyCheck', 'metaIv']);
    expect(head).toMatchObject({ format: 2, cipher: 'aes-256-gcm', kdf: { name: 'scrypt' } });
  });

  it('round-trips: the imported tenant has its staff, audit and secrets', async () => {
    const { inst, file } = await exportedTenant();
    const dst = await core();
    const other = await setUpInstallation(dst, 'Zulu Net');
    const imported = await dst.call('tenants.import', { uploadId: uploadBytes(dst, other.platformToken, file), passphrase: PASSPHRASE }, other.platformToken);
    expect(imported).toMatchObject({ id: inst.tenantId, name: 'Alpha Net' });
    const s = await dst.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'cashier.wanjiru@alpha.test', password: 'staff pass 12x' });
    expect(s.principal).toMatchObject({ kind: 'staff', roles: ['CASHIER'] });
    const secret = await dst.booted.core.tenants.use(inst.tenantId, (h) =>
      h.db.selectFrom('secrets').select('ciphertext').where('ownerType', '=', 'test').executeTakeFirstOrThrow(),
    );
    expect(dst.booted.core.secrets.open(secret.ciphertext)).toBe('router-pass-Ω');
    // The upload is gone after use.
    expect(dst.booted.core.uploads.uploadCount).toBe(0);
  });

  it('refuses a wrong passphrase with a clear code and writes nothing', async () => {
    const { file } = await exportedTenant();
    const dst = await core();
    const other = await setUpInstallation(dst, 'Zulu Net');
    const before = footprint(dst);
    const env = await dst.raw('tenants.import', { uploadId: uploadBytes(dst, other.platformToken, file), passphrase: 'not the passphrase' }, other.platformToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'EXPORT_WRONG_PASSPHRASE', fields: { passphrase: expect.any(String) } } });
    expect(footprint(dst)).toEqual(before);
  });

  it('refuses a file with one flipped byte anywhere (header, meta, body, tag) and writes nothing', async () => {
    const { file } = await exportedTenant();
    const dst = await core();
    const other = await setUpInstallation(dst, 'Zulu Net');
    const before = footprint(dst);
    const headLen = file.readUInt32BE(MAGIC.length);
    const metaAt = MAGIC.length + 4 + headLen + 4 + 5;
    const spots = { meta: metaAt, body: Math.floor((metaAt + file.length) / 2), last: file.length - 1 };
    for (const [where, at] of Object.entries(spots)) {
      const bad = Buffer.from(file);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const env = await dst.raw('tenants.import', { uploadId: uploadBytes(dst, other.platformToken, bad), passphrase: PASSPHRASE }, other.platformToken);
      expect(env, where).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'EXPORT_DAMAGED' } });
      expect(footprint(dst), where).toEqual(before);
    }
    // An edited header (here: the KDF salt) cannot pass for the right passphrase either.
    const text = file.toString('latin1');
    const saltAt = text.indexOf('"salt":"') + 8;
    const edited = Buffer.from(file);
    edited[saltAt] = edited[saltAt] === 0x41 ? 0x42 : 0x41;
    const env = await dst.raw('tenants.import', { uploadId: uploadBytes(dst, other.platformToken, edited), passphrase: PASSPHRASE }, other.platformToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: expect.stringMatching(/^EXPORT_(WRONG_PASSPHRASE|DAMAGED)$/) } });
    expect(footprint(dst)).toEqual(before);
    // And the intact file still imports afterwards.
    const ok = await dst.raw('tenants.import', { uploadId: uploadBytes(dst, other.platformToken, file), passphrase: PASSPHRASE }, other.platformToken);
    expect(ok.ok).toBe(true);
  });
});
