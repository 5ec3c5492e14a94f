import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { MAX_RPC_BODY_BYTES } from '../../../src-main/headless/http-transport';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

interface Reply { status: number; body: string }

/**
 * Sends a POST whose body is up to `total` bytes, written as fast as the server takes it, and stops
 * writing as soon as an answer arrives. `declare` sends a Content-Length; otherwise the body is chunked.
 */
function flood(port: number, path: string, total: number, declare: boolean): Promise<Reply & { sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req: ClientRequest = request({
      host: '127.0.0.1', port, method: 'POST', path,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...(declare ? { 'content-length': String(total) } : {}) },
    }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sent });
        req.destroy();
      });
    });
    // Once the server drops the connection our pending writes fail; only an error before the answer counts.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function post(port: number, path: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request that has sent its headers and part of its body, and waits to be finished. */
function partial(port: number, body: string, firstPart: number): { finish: () => Promise<Reply>; answered: Promise<Reply> } {
  let resolveReply!: (r: Reply) => void;
  let rejectReply!: (e: unknown) => void;
  const answered = new Promise<Reply>((res, rej) => {
    resolveReply = res;
    rejectReply = rej;
  });
  const req = request({
    host: '127.0.0.1', port, method: 'POST', path: '/rpc/setup.status',
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
  });
  req.on('error', rejectReply);
  req.write(body.slice(0, firstPart));
  return {
    answered,
    finish: () => {
      req.end(body.slice(firstPart));
      return answered;
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('request bodies are capped before authentication', () => {
  let server: HeadlessServer;
  const temp = makeTempDir();

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: temp.dir });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('answers 413 to a declared 128 MiB body to a public channel without reading it, and nothing is written', async () => {
    const before = server.bodyStats.rpc.bytesRead;
    const r = await flood(server.port, '/rpc/setup.complete', 128 * MiB, true);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'BODY_TOO_LARGE' } });
    // Refused from the Content-Length alone: not one body byte was taken in.
    expect(server.bodyStats.rpc.bytesRead - before).toBe(0);
    expect(r.sent).toBeLessThan(128 * MiB);
    const status = await post(server.port, '/rpc/setup.status', '{}');
    expect(JSON.parse(status.body)).toEqual({ ok: true, data: { needsSetup: true } });
  });

  it('stops reading a streamed (chunked) 128 MiB body as soon as it passes 1 MiB', async () => {
    const before = server.bodyStats.rpc.bytesRead;
    const r = await flood(server.port, '/rpc/setup.complete', 128 * MiB, false);
    expect(r.status).toBe(413);
    const read = server.bodyStats.rpc.bytesRead - before;
    expect(read).toBeGreaterThan(MAX_RPC_BODY_BYTES);
    expect(read).toBeLessThan(MAX_RPC_BODY_BYTES + 2 * CHUNK.length);
    expect(r.sent).toBeLessThan(128 * MiB);
  });

  it('still serves normal calls afterwards, and a body just under the cap is read', async () => {
    const ok = await post(server.port, '/rpc/setup.status', '{}');
    expect(ok.status).toBe(200);
    const padded = `{${' '.repeat(MAX_RPC_BODY_BYTES - 10)}}`;
    const big = await post(server.port, '/rpc/setup.status', padded);
    expect(JSON.parse(big.body)).toEqual({ ok: true, data: { needsSetup: true } });
    expect(server.bodyStats.rpc).toMatchObject({ reading: 0, waiting: 0 });
  });
});

describe('a bounded number of bodies are read at a time', () => {
  let server: HeadlessServer;
  const temp = makeTempDir();

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: temp.dir, bodyLimits: { rpcReaders: 1, rpcWaiting: 1 } });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('lets excess requests wait, refuses the rest with 503, and serves the waiting ones afterwards', async () => {
    const body = '{          }';
    const first = partial(server.port, body, 3);
    await until(() => server.bodyStats.rpc.reading === 1);
    const second = partial(server.port, body, 3);
    await until(() => server.bodyStats.rpc.waiting === 1);

    const third = await post(server.port, '/rpc/setup.status', '{}');
    expect(third.status).toBe(503);
    expect(JSON.parse(third.body)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    const a = await first.finish();
    const b = await second.finish();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(JSON.parse(b.body)).toEqual({ ok: true, data: { needsSetup: true } });
    expect((await post(server.port, '/rpc/setup.status', '{}')).status).toBe(200);
  });
});
