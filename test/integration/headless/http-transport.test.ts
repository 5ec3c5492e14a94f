import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';

interface Reply { status: number; body: string; headers: Record<string, string | string[] | undefined> }

function http(port: number, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('headless HTTP transport', () => {
  let server: HeadlessServer;
  const temp = makeTempDir();
  const rendererDir = makeTempDir();
  let platformToken: string;
  let tenantId: string;

  beforeAll(async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${rendererDir.dir}/index.html`, '<!doctype html><title>ISP Desk</title>');
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: rendererDir.dir, clock: new FakeClock() });
    const setup = await http(server.port, 'POST', '/rpc/setup.complete', JSON.stringify({
      platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' },
      tenant: { name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'o@alpha.test', ownerPhone: '0712345678', admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: 'tenant admin pass 1' } },
    }), json);
    const env = JSON.parse(setup.body) as { data: { session: { token: string }; tenantId: string } };
    platformToken = env.data.session.token;
    tenantId = env.data.tenantId;
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
    rendererDir.remove();
  });

  it('listens on loopback only and refuses other addresses', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(startHeadlessServer({ dataDir: temp.dir, host: '0.0.0.0', log: silentLogger })).rejects.toThrow(/loopback/);
  });

  it('returns the same envelope as the dispatcher, with HTTP statuses that match the code', async () => {
    const ok = await http(server.port, 'POST', '/rpc/tenants.list', '{"page":1,"pageSize":5}', { ...json, authorization: `Bearer ${platformToken}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { total: 1, items: [{ name: 'Alpha Net' }] } });
    const noAuth = await http(server.port, 'POST', '/rpc/tenants.list', '{}', json);
    expect(noAuth.status).toBe(401);
    expect(JSON.parse(noAuth.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bad = await http(server.port, 'POST', '/rpc/tenants.list', '{"page":"one"}', { ...json, authorization: `Bearer ${platformToken}` });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { page: expect.any(String) } } });
    const unknown = await http(server.port, 'POST', '/rpc/no.such', '{}', json);
    expect(unknown.status).toBe(404);
  });

  it('rejects malformed JSON, non-JSON bodies, other origins and foreign Host headers', async () => {
    expect((await http(server.port, 'POST', '/rpc/setup.status', '{oops', json)).status).toBe(400);
    expect((await http(server.port, 'POST', '/rpc/setup.status', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await http(server.port, 'POST', '/rpc/setup.status', '{}', { ...json, origin: 'http://evil.example' })).status).toBe(403);
    expect((await http(server.port, 'POST', '/rpc/setup.status', '{}', { ...json, host: 'evil.example' })).status).toBe(421);
    expect((await http(server.port, 'POST', '/rpc/setup.status', '{}', { ...json, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('serves the renderer with security headers and falls back to index.html for app routes', async () => {
    const page = await http(server.port, 'GET', '/platform/tenants');
    expect(page.status).toBe(200);
    expect(page.body).toContain('ISP Desk');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await http(server.port, 'GET', '/../../etc/passwd')).body).not.toContain('root:');
  });

  it('pushes events over SSE to the sessions they are meant for', async () => {
    const admin = JSON.parse((await http(server.port, 'POST', '/rpc/auth.sign-in', JSON.stringify({ scope: 'tenant', tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' }), json)).body) as { data: { token: string } };
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/events', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${admin.data.token}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        res.on('data', (c: Buffer) => {
          received.push(c.toString('utf8'));
          if (received.join('').includes('session.ended')) {
            req.destroy();
            resolve();
          }
        });
        // Once connected, the platform admin suspends the tenant: the staff session must be told.
        setTimeout(() => {
          void http(server.port, 'POST', '/rpc/tenants.set-status', JSON.stringify({ tenantId, status: 'suspended' }), { ...json, authorization: `Bearer ${platformToken}` });
        }, 50);
      });
      req.on('error', (e) => (received.join('').includes('session.ended') ? resolve() : reject(e)));
      req.end();
    });
    const text = received.join('');
    expect(text).toContain('event: session.ended');
    expect(text).toContain('"reason":"tenant-suspended"');
    await http(server.port, 'POST', '/rpc/tenants.set-status', JSON.stringify({ tenantId, status: 'active' }), { ...json, authorization: `Bearer ${platformToken}` });
  });

  it('refuses an events stream without a session', async () => {
    expect((await http(server.port, 'GET', '/events')).status).toBe(401);
  });
});
