import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { ADMIN_PASSWORD, PLATFORM_PASSWORD } from '../../fixtures/test-core';
import type { Core } from '../../../src-main/core/context';

/** Helpers for the security regressions: the real headless server on a temp data dir, raw HTTP. */

export interface Reply {
  status: number;
  body: string;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string>; reason?: string } };
}

export function http(port: number, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Reply['json'] = { ok: false };
        try {
          json = JSON.parse(text) as Reply['json'];
        } catch {
          // Not JSON (static files): leave the default.
        }
        resolve({ status: res.statusCode ?? 0, body: text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const rpc = (port: number, channel: string, input: unknown, token?: string): Promise<Reply> =>
  http(port, 'POST', `/rpc/${channel}`, JSON.stringify(input), {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });

export interface TestServer {
  server: HeadlessServer;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const temp = makeTempDir();
  const renderer = makeTempDir();
  writeFileSync(`${renderer.dir}/index.html`, '<!doctype html><title>ISP Desk</title>');
  const server = await startHeadlessServer({
    dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: renderer.dir, clock: new FakeClock(),
    background: false,
  });
  return {
    server, port: server.port, dataDir: temp.dir,
    async close() {
      await server.close();
      temp.remove();
      renderer.remove();
    },
  };
}

export function setupInput(n = 1): unknown {
  return {
    platformAdmin: { fullName: `Pat Platform ${n}`, email: `pat${n}@platform.test`, password: PLATFORM_PASSWORD },
    tenant: {
      name: `Alpha Net ${n}`, ownerName: 'Olive Owner', ownerEmail: `olive${n}@alpha.test`, ownerPhone: '0712345678',
      admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: ADMIN_PASSWORD },
    },
  };
}

/** First run over HTTP; returns the tenant id and the platform token. */
export async function setUpOverHttp(port: number): Promise<{ tenantId: string; platformToken: string }> {
  const r = await rpc(port, 'setup.complete', setupInput());
  if (r.status !== 200) throw new Error(`setup failed: ${r.body}`);
  const data = r.json.data as { tenantId: string; session: { token: string } };
  return { tenantId: data.tenantId, platformToken: data.session.token };
}

/** Rows of an app.sqlite table (snake_case name), optionally filtered by a SQL condition. */
export function appRows(core: Core, table: string, where = '1 = 1'): number {
  return (core.app.raw.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

/** Rows of a tenant file's table, optionally filtered by a SQL condition with parameters. */
export function tenantRows(core: Core, tenantId: string, table: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  return core.tenants.use(tenantId, async (h) => (h.raw.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n);
}
