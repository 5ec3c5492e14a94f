import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { activateTenants, bootCore, type BootOptions, type BootedCore } from '../core/boot';
import { AesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';
import type { Logger } from '../core/ports';
import { handleRpc, sendJson } from './http-transport';
import { BodyGate, newBodyStats, type BodyStats } from './request-body';
import { handleDownload, handleUpload } from './uploads';
import { handleEvents } from './sse';
import { serveStatic } from './static-files';
import { c2bRouteOf, handleC2b } from './c2b-route';
import { startPortalListeners, type PortalListeners } from './portal-listeners';

export interface HeadlessOptions extends Partial<Omit<BootOptions, 'dataDir' | 'log'>> {
  dataDir: string;
  log: Logger;
  host?: string;
  port?: number;
  rendererDir?: string;
  /** How many request bodies are read at once, and how many may wait for a slot (the rest get 503). */
  bodyLimits?: { rpcReaders?: number; rpcWaiting?: number; uploadReaders?: number };
}

export interface HeadlessServer {
  url: string;
  port: number;
  booted: BootedCore;
  /** Bytes taken off sockets and bodies being read, per path. */
  bodyStats: { rpc: BodyStats; upload: BodyStats };
  /** The captive portal's LAN listeners (portal-listeners.ts), one per address:port in tenants' portal settings. */
  portal: PortalListeners;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
};

/** A malformed %-escape is the client's mistake (400), not a server failure. */
function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * The headless composition root: the same core and dispatcher as the Electron app, served over HTTP on
 * loopback only. Used where the Electron binary is missing and by the end-to-end tests.
 */
export async function startHeadlessServer(opts: HeadlessOptions): Promise<HeadlessServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the headless server only listens on loopback (127.0.0.1 or ::1), not ${host}`);
  const booted = await bootCore({ ...opts, secrets: opts.secrets ?? AesGcmSecretBox.fromKeyFile(opts.dataDir) });
  const rendererDir = resolve(opts.rendererDir ?? resolve(__dirname, '../renderer'));
  let port = 0;
  const rpcGate = new BodyGate(opts.bodyLimits?.rpcReaders ?? 8, opts.bodyLimits?.rpcWaiting ?? 64, newBodyStats());
  // Files are big and rare: a couple at a time, nobody waits.
  const uploadGate = new BodyGate(opts.bodyLimits?.uploadReaders ?? 2, 0, newBodyStats());
  // Daraja callbacks are tiny and come from outside through the ISP's proxy: their own small gate.
  const c2bGate = new BodyGate(4, 32, newBodyStats());

  // DNS-rebinding guard: only our own loopback host names are answered.
  const allowedHost = (h: string | undefined) =>
    !!h && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(h.toLowerCase());

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // C2B callbacks arrive through the ISP's public proxy with its host name, and carry no session: they
    // skip the loopback host check, which guards the session-bearing routes below (README "C2B endpoint").
    const c2b = c2bRouteOf(req.url ?? '/');
    if (c2b) {
      handleC2b(booted.core, c2bGate, c2b, req, res).catch((e: unknown) => {
        opts.log.error('c2b callback failed', { error: e });
        if (!res.headersSent) sendJson(res, 500, c2b.kind === 'validation' ? { ResultCode: 'C2B00016', ResultDesc: 'Rejected' } : { ResultCode: 1, ResultDesc: 'Rejected' });
      });
      return;
    }
    if (!allowedHost(req.headers.host)) {
      sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Unknown host.' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin && !allowedHost(origin.replace(/^https?:\/\//, ''))) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Cross-origin requests are not allowed.' } });
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } });
        return;
      }
      const channel = decodePathPart(url.slice(5).split('?')[0] ?? '');
      if (channel === null) {
        sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request path is not valid.' } });
        return;
      }
      handleRpc(booted.dispatcher, rpcGate, channel, req, res).catch((e: unknown) => {
        opts.log.error('rpc transport failed', { error: e });
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Transport failure.' } });
      });
      return;
    }
    if (url === '/upload' || url.startsWith('/upload?')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } });
        return;
      }
      handleUpload(booted.core, uploadGate, req, res).catch((e: unknown) => {
        opts.log.warn('upload failed', { error: e });
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Transport failure.' } });
      });
      return;
    }
    if (url.startsWith('/download?') && (req.method === 'GET' || req.method === 'HEAD')) {
      handleDownload(booted.core, req, res);
      return;
    }
    if (url === '/events' || url.startsWith('/events?')) {
      handleEvents(booted.core.events, booted.core.sessions, req, res);
      return;
    }
    if (url === '/healthz') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(rendererDir, url, res);
  };

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      opts.log.error('request failed', { error: e });
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  await activateTenants(booted.core);
  const portal = startPortalListeners(booted.core, opts.log);
  await portal.refresh();
  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    booted,
    bodyStats: { rpc: rpcGate.stats, upload: uploadGate.stats },
    portal,
    async close() {
      await portal.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await booted.close();
    },
  };
}
