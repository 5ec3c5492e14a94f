import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadRef, UploadRef } from '@shared/contract/uploads';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { silentLogger } from '../../../src-main/core/ports';
import { sniffImageType } from '../../../src-main/core/tenancy/logo';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';

const MiB = 1024 * 1024;
/** The test server's tenant-import cap, lowered so an over-cap stream stays cheap. */
const CAP = 2 * MiB;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

interface Reply { status: number; json: { ok: boolean; data?: unknown; error?: { code: string; reason?: string; fields?: Record<string, string> } } }

function send(port: number, path: string, body: Buffer | null, headers: Record<string, string>, opts: { declare?: number; streamTotal?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({
      host: '127.0.0.1', port, method: 'POST', path,
      headers: { host: `127.0.0.1:${port}`, ...headers, ...(opts.declare !== undefined ? { 'content-length': String(opts.declare) } : {}) },
    }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['json'] });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (opts.streamTotal !== undefined) {
      let sent = 0;
      const pump = () => {
        while (!answered && sent < opts.streamTotal!) {
          sent += CHUNK.length;
          if (!req.write(CHUNK)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    } else {
      req.end(body ?? undefined);
    }
  });
}

function get(port: number, path: string, token: string | null): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers: { host: `127.0.0.1:${port}`, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const rpc = async (port: number, channel: string, input: unknown, token?: string): Promise<Reply> =>
  send(port, `/rpc/${channel}`, Buffer.from(JSON.stringify(input)), { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });

const upload = (port: number, bytes: Buffer, token: string | null, purpose = 'tenant-import'): Promise<Reply> =>
  send(port, `/upload?purpose=${purpose}`, bytes, {
    'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('alpha net.ispdesk'), ...(token ? { authorization: `Bearer ${token}` } : {}),
  });

describe('files take the binary upload path, never base64 inside JSON', () => {
  let server: HeadlessServer;
  const temp = makeTempDir();
  const clock = new FakeClock();
  let platformToken: string;
  let tenantId: string;
  let adminToken: string;
  let exportFile: Buffer;
  let exportRef: DownloadRef;

  const uploadFiles = (): string[] => {
    const dir = server.booted.core.uploads.tempDir;
    return dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.upload')) : [];
  };

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: temp.dir, clock, uploads: { maxBytes: { 'tenant-import': CAP }, ttlMs: 5 * 60_000 } });
    const setup = await rpc(server.port, 'setup.complete', {
      platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' },
      tenant: { name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'o@alpha.test', ownerPhone: '0712345678', admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: 'tenant admin pass 1' } },
    });
    const data = setup.json.data as { session: { token: string }; tenantId: string };
    platformToken = data.session.token;
    tenantId = data.tenantId;
    const admin = await rpc(server.port, 'auth.sign-in', { scope: 'tenant', tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    adminToken = (admin.json.data as { token: string }).token;
    const exported = await rpc(server.port, 'tenants.export', { tenantId, passphrase: 'move it safely' }, platformToken);
    exportRef = exported.json.data as DownloadRef;
    exportFile = (await get(server.port, `/download?id=${exportRef.downloadId}`, platformToken)).body;
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('hands the export out over the download path: only to its session, as a streamed attachment, not in the JSON', async () => {
    expect(exportRef).toMatchObject({ fileName: expect.stringMatching(/^alpha-net-.*\.ispdesk$/), sizeBytes: exportFile.length });
    expect(exportFile.subarray(0, 14).toString('ascii')).toBe('ISPDESK-TENANT');
    expect(Object.keys(exportRef).sort()).toEqual(['downloadId', 'expiresAt', 'fileName', 'sizeBytes']);
    const ok = await get(server.port, `/download?id=${exportRef.downloadId}`, platformToken);
    expect(ok.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''alpha-net-/);
    expect(ok.body.equals(exportFile)).toBe(true);
    expect((await get(server.port, `/download?id=${exportRef.downloadId}`, null)).status).toBe(401);
    expect((await get(server.port, `/download?id=${exportRef.downloadId}`, adminToken)).status).toBe(404);
  });

  it('no longer accepts a file as base64 inside the JSON of tenants.import', async () => {
    const r = await rpc(server.port, 'tenants.import', { contentBase64: exportFile.toString('base64'), passphrase: 'move it safely' }, platformToken);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('authorises before reading: no token, a role without the purpose, or an unknown purpose read nothing and store nothing', async () => {
    const before = server.bodyStats.upload.bytesRead;
    expect((await upload(server.port, exportFile, null)).status).toBe(401);
    expect(await upload(server.port, exportFile, adminToken)).toMatchObject({ status: 403, json: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect((await upload(server.port, exportFile, platformToken, 'logo-of-doom')).status).toBe(404);
    expect(server.bodyStats.upload.bytesRead).toBe(before);
    expect(server.booted.core.uploads.uploadCount).toBe(0);
  });

  it('refuses a declared or streamed body over the purpose cap with 413, keeping no partial file', async () => {
    const before = server.bodyStats.upload.bytesRead;
    const declared = await send(server.port, '/upload?purpose=tenant-import', null,
      { 'content-type': 'application/octet-stream', authorization: `Bearer ${platformToken}` }, { declare: 300 * MiB, streamTotal: 300 * MiB });
    expect(declared).toMatchObject({ status: 413, json: { ok: false, error: { reason: 'BODY_TOO_LARGE' } } });
    expect(server.bodyStats.upload.bytesRead).toBe(before);

    const streamed = await send(server.port, '/upload?purpose=tenant-import', null,
      { 'content-type': 'application/octet-stream', authorization: `Bearer ${platformToken}` }, { streamTotal: 64 * MiB });
    expect(streamed.status).toBe(413);
    const read = server.bodyStats.upload.bytesRead - before;
    expect(read).toBeGreaterThan(CAP);
    expect(read).toBeLessThan(CAP + 2 * CHUNK.length);
    expect(uploadFiles()).toEqual([]);
    expect(server.booted.core.uploads.uploadCount).toBe(0);
    // The server is still up and answering.
    expect((await rpc(server.port, 'setup.status', {})).json).toEqual({ ok: true, data: { needsSetup: false } });
  });

  it('streams an upload into a 0700 folder as a 0600 file; only its session can use it; it is deleted after use', async () => {
    const r = await upload(server.port, exportFile, platformToken);
    expect(r).toMatchObject({ status: 200, json: { ok: true, data: { fileName: 'alpha net.ispdesk', sizeBytes: exportFile.length } } });
    const ref = r.json.data as UploadRef;
    const dir = server.booted.core.uploads.tempDir!;
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = uploadFiles();
    expect(files).toHaveLength(1);
    expect(statSync(`${dir}/${files[0]}`).mode & 0o777).toBe(0o600);

    // A second session of the same admin cannot use another session's upload.
    const other = await rpc(server.port, 'auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: 'platform pass 1' });
    const otherToken = (other.json.data as { token: string }).token;
    const stolen = await rpc(server.port, 'tenants.import', { uploadId: ref.uploadId, passphrase: 'move it safely' }, otherToken);
    expect(stolen.json).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'UPLOAD_NOT_FOUND' } });

    // Delete the tenant, then bring it back from the upload.
    await rpc(server.port, 'tenants.delete', { tenantId, confirmName: 'Alpha Net' }, platformToken);
    const wrong = await rpc(server.port, 'tenants.import', { uploadId: ref.uploadId, passphrase: 'not the passphrase' }, platformToken);
    expect(wrong.json).toMatchObject({ ok: false, error: { reason: 'EXPORT_WRONG_PASSPHRASE' } });
    expect(server.booted.core.registry.get(tenantId)).toBeUndefined();
    const imported = await rpc(server.port, 'tenants.import', { uploadId: ref.uploadId, passphrase: 'move it safely' }, platformToken);
    expect(imported.json).toMatchObject({ ok: true, data: { id: tenantId, name: 'Alpha Net' } });
    expect(uploadFiles()).toEqual([]);
    const again = await rpc(server.port, 'tenants.import', { uploadId: ref.uploadId, passphrase: 'move it safely' }, platformToken);
    expect(again.json).toMatchObject({ ok: false, error: { reason: 'UPLOAD_NOT_FOUND' } });
  });

  it('deletes unused uploads at expiry and when their session ends', async () => {
    const expiring = (await upload(server.port, Buffer.from('some bytes'), platformToken)).json.data as UploadRef;
    expect(uploadFiles()).toHaveLength(1);
    clock.set(new Date(Date.parse(expiring.expiresAt) + 1_000));
    server.booted.core.uploads.sweep();
    expect(uploadFiles()).toEqual([]);

    const signIn = await rpc(server.port, 'auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: 'platform pass 1' });
    const token = (signIn.json.data as { token: string }).token;
    await upload(server.port, Buffer.from('more bytes'), token);
    expect(uploadFiles()).toHaveLength(1);
    await rpc(server.port, 'auth.sign-out', {}, token);
    expect(uploadFiles()).toEqual([]);
    expect(server.booted.core.uploads.uploadCount).toBe(0);
  });

  it('takes the logo as an upload (settings.set-logo), keeps only real images, and removes it with null', async () => {
    // Earlier tests moved the clock past the admin's idle timeout: sign in again.
    const again = await rpc(server.port, 'auth.sign-in', { scope: 'tenant', tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    adminToken = (again.json.data as { token: string }).token;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const logo = (port: number, bytes: Buffer, token: string) => upload(port, bytes, token, 'tenant-logo');
    const business = async () => ((await rpc(server.port, 'settings.get', {}, adminToken)).json.data as { business: { logoDataUrl: string | null } }).business;

    // Logos are the tenant's settings: the platform administrator has no settings.manage there.
    expect((await logo(server.port, png, platformToken)).status).toBe(403);
    const over = await logo(server.port, Buffer.alloc(290 * 1024 + 1, 0x89), adminToken);
    expect(over).toMatchObject({ status: 413, json: { ok: false, error: { reason: 'BODY_TOO_LARGE' } } });

    const disguised = (await logo(server.port, Buffer.from('<html><script>alert(1)</script></html>'), adminToken)).json.data as UploadRef;
    expect(await rpc(server.port, 'settings.set-logo', { uploadId: disguised.uploadId }, adminToken))
      .toMatchObject({ status: 400, json: { ok: false, error: { code: 'VALIDATION', fields: { uploadId: 'not-an-image' } } } });
    expect((await business()).logoDataUrl).toBeNull();

    const ref = (await logo(server.port, png, adminToken)).json.data as UploadRef;
    const set = await rpc(server.port, 'settings.set-logo', { uploadId: ref.uploadId }, adminToken);
    expect(set).toMatchObject({ status: 200, json: { ok: true } });
    expect((await business()).logoDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    // Used once: the upload is gone, and the same id cannot set it again.
    expect((await rpc(server.port, 'settings.set-logo', { uploadId: ref.uploadId }, adminToken)).json).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'UPLOAD_NOT_FOUND', fields: { uploadId: 'choose-again' } } });
    const audit = await rpc(server.port, 'audit.list', { page: 1, pageSize: 5, action: 'settings.updated' }, adminToken);
    expect((audit.json.data as { items: { actorName: string; summary: string }[] }).items[0]).toMatchObject({ actorName: 'Ada Admin', summary: 'Business settings changed: logoDataUrl' });

    // The form saves the other fields without the logo (which stays); a logo inside JSON is refused.
    const { updatedAt: _u, logoDataUrl, ...fields } = await business() as unknown as Record<string, unknown> & { logoDataUrl: string };
    expect((await rpc(server.port, 'settings.update', { ...fields, receiptFooter: 'Asante' }, adminToken)).status).toBe(200);
    expect((await business()).logoDataUrl).toBe(logoDataUrl);
    const inJson = await rpc(server.port, 'settings.update', { ...fields, logoDataUrl }, adminToken);
    expect(inJson).toMatchObject({ status: 400, json: { ok: false, error: { code: 'VALIDATION' } } });

    expect((await rpc(server.port, 'settings.set-logo', { uploadId: null }, adminToken)).status).toBe(200);
    expect((await business()).logoDataUrl).toBeNull();
  });

  it('recognises a logo by its bytes, not its name: PNG, JPEG, WebP and SVG only', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    for (const other of ['GIF89a....', '<html><svg></svg></html>', '%PDF-1.7', 'RIFF....WAVEfmt ', '']) expect(sniffImageType(Buffer.from(other)), other).toBeNull();
  });
});
