import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '@shared/domain/ids';
import { addStaff, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { downloadedBytes, uploadBytes } from '../../fixtures/uploads';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
async function core() {
  const c = await startTestCore();
  cores.push(c);
  return c;
}

/** Stores a secret the way domains do: sealed by the installation's SecretBox in the tenant file. */
async function putSecret(t: TestCore, tenantId: string, plaintext: string): Promise<string> {
  const id = uuidv7();
  await t.booted.core.tenants.use(tenantId, (h) =>
    h.db.insertInto('secrets').values({
      id, ownerType: 'test', ownerId: 'x', name: 'api-password', ciphertext: t.booted.core.secrets.seal(plaintext), updatedAt: new Date().toISOString(),
    }).execute(),
  );
  return id;
}

async function readSecret(t: TestCore, tenantId: string, id: string): Promise<string> {
  return t.booted.core.tenants.use(tenantId, async (h) => {
    const row = await h.db.selectFrom('secrets').select('ciphertext').where('id', '=', id).executeTakeFirstOrThrow();
    return t.booted.core.secrets.open(row.ciphertext);
  });
}

describe('tenant export and import', () => {
  it('moves a tenant to another installation with ids, staff, audit and secrets intact', async () => {
    const src = await core();
    const inst = await setUpInstallation(src, 'Alpha Net');
    const cashier = await addStaff(src, inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    const secretId = await putSecret(src, inst.tenantId, 'router-pass-Ω');
    const exported = await src.call('tenants.export', { tenantId: inst.tenantId, passphrase: 'move it safely' }, inst.platformToken);
    expect(exported.fileName).toMatch(/^alpha-net-\d{4}-\d{2}-\d{2}\.ispdesk$/);
    const file = downloadedBytes(src, inst.platformToken, exported);
    expect(file.includes(Buffer.from('router-pass-Ω'))).toBe(false);

    const dst = await core();
    const other = await setUpInstallation(dst, 'Zulu Net');
    const uploadId = uploadBytes(dst, other.platformToken, file);
    const wrongPass = await dst.raw('tenants.import', { uploadId, passphrase: 'not the phrase' }, other.platformToken);
    expect(wrongPass).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'transfer.wrong-passphrase', fields: { passphrase: 'wrong-passphrase' } } });

    // The same upload can be retried with the right passphrase.
    const imported = await dst.call('tenants.import', { uploadId, passphrase: 'move it safely' }, other.platformToken);
    expect(imported).toMatchObject({ id: inst.tenantId, name: 'Alpha Net', currency: 'KES' });
    // Secrets were re-sealed for this installation's key.
    expect(await readSecret(dst, inst.tenantId, secretId)).toBe('router-pass-Ω');
    // Staff sign in on the new installation with their own passwords; ids preserved.
    const s = await dst.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'cash@alpha.test', password: 'staff pass 12x' });
    expect(s.principal.userId).toBe(cashier.id);
    const admin = await dst.call('auth.sign-in', { scope: 'tenant', tenantId: inst.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    const audit = await dst.call('audit.list', { page: 1, pageSize: 100 }, admin.token);
    expect(audit.items.map((a) => a.action)).toEqual(expect.arrayContaining(['tenant.imported', 'tenant.created', 'staff.created']));
  });

  it('refuses to overwrite a tenant that already exists, and changes nothing', async () => {
    const t = await core();
    const inst = await setUpInstallation(t);
    const exported = await t.call('tenants.export', { tenantId: inst.tenantId, passphrase: 'move it safely' }, inst.platformToken);
    await t.call('staff.create', { fullName: 'After Export', email: 'after@alpha.test', roles: ['VIEWER'], password: 'viewer pass 1' }, inst.adminToken);
    const again = await t.raw('tenants.import', { uploadId: uploadBytes(t, inst.platformToken, downloadedBytes(t, inst.platformToken, exported)), passphrase: 'move it safely' }, inst.platformToken);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'transfer.already-here', params: { name: expect.any(String) }, fields: { uploadId: 'already-here' } } });
    const staff = await t.call('staff.list', { page: 1, pageSize: 10 }, inst.adminToken);
    expect(staff.items.map((s) => s.email)).toContain('after@alpha.test');
  });

  it('refuses a file that is not an export, leaving nothing behind', async () => {
    const t = await core();
    const inst = await setUpInstallation(t);
    const env = await t.raw('tenants.import', { uploadId: uploadBytes(t, inst.platformToken, Buffer.from('hello world')), passphrase: 'whatever pass' }, inst.platformToken);
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'EXPORT_NOT_A_FILE', fields: { uploadId: expect.any(String) } } });
    expect(t.booted.core.registry.all()).toHaveLength(1);
  });

  it('re-imports a deleted tenant under its old id', async () => {
    const t = await core();
    const inst = await setUpInstallation(t);
    const exported = await t.call('tenants.export', { tenantId: inst.tenantId, passphrase: 'move it safely' }, inst.platformToken);
    await t.call('tenants.delete', { tenantId: inst.tenantId, confirmName: 'Alpha Net' }, inst.platformToken);
    const back = await t.call('tenants.import', { uploadId: uploadBytes(t, inst.platformToken, downloadedBytes(t, inst.platformToken, exported)), passphrase: 'move it safely' }, inst.platformToken);
    expect(back.id).toBe(inst.tenantId);
  });
});
