/**
 * The captive portal's public routes (issue 11 §5), served on the LAN address staff chose in the portal
 * settings — never the staff RPC, no session, nothing but these:
 *
 *   GET  /portal/<tenantId>/<page>.html        the pages the router fetches when the portal is installed
 *   POST /portal/<tenantId>/buy                {planId, phone, mac, ip, key?} → {ok:true, purchaseId, …} | 400 {ok:false, field}
 *   GET  /portal/<tenantId>/purchase/<id>      the page's poll → {ok:true, status, code, password, login, reason}
 *
 * The page is served by the router (another origin), so answers allow any origin; the page posts its JSON as
 * text/plain (a "simple" request, no preflight). Bodies are capped at 2 KB, a few are read at a time, and
 * each client IP has its own small budget per minute.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { PORTAL_FILES, type PortalFile } from '@shared/contract/hotspot-portal';
import type { Core } from '../core/context';
import { systemActor } from '../core/context';
import { withTenantScope } from '../core/tenancy/scope';
import { readPortalRow, renderPortalPages } from '../core/hotspot-portal/settings-service';
import { PortalInputError, purchaseStatus, startPurchase, type PurchaseView } from '../core/hotspot-portal/purchase-service';
import { answerAndDrop, declaredLength, readCapped, type BodyGate } from './request-body';
import { sendJson } from './json-reply';

export const MAX_PORTAL_BODY_BYTES = 2 * 1024;

/** Requests per client IP per minute, by kind. Buying starts an STK push: a handful is plenty for a person. */
export const PORTAL_RATE_LIMITS = { buy: 5, poll: 60, page: 120 } as const;
type Kind = keyof typeof PORTAL_RATE_LIMITS;

const PATH = /^\/portal\/([0-9a-f-]{36})\/(?:(buy)|purchase\/([0-9a-f-]{36})|([a-z]+\.html))\/?(?:\?.*)?$/i;

export type PortalRoute =
  | { tenantId: string; kind: 'buy' }
  | { tenantId: string; kind: 'poll'; purchaseId: string }
  | { tenantId: string; kind: 'page'; file: PortalFile };

export function portalRouteOf(url: string): PortalRoute | null {
  const m = PATH.exec(url);
  if (!m?.[1]) return null;
  const tenantId = m[1].toLowerCase();
  if (m[2]) return { tenantId, kind: 'buy' };
  if (m[3]) return { tenantId, kind: 'poll', purchaseId: m[3].toLowerCase() };
  const file = m[4]?.toLowerCase();
  return file && (PORTAL_FILES as readonly string[]).includes(file) ? { tenantId, kind: 'page', file: file as PortalFile } : null;
}

/** Fixed one-minute windows per (kind, client IP); the map is emptied when a window turns over. */
export class PortalRateLimiter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  allow(kind: Kind, ip: string): boolean {
    const w = Math.floor(this.now() / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.counts.clear();
    }
    const k = `${kind} ${ip}`;
    const n = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, n);
    return n <= PORTAL_RATE_LIMITS[kind];
  }
}

const buyBody = z.object({
  planId: z.string().max(64),
  phone: z.string().max(40),
  mac: z.string().max(40),
  ip: z.string().max(40),
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});

/** Any origin may call: the pages are served by the router, not by us. */
const CORS = { 'access-control-allow-origin': '*' };

const reply = (res: ServerResponse, status: number, body: unknown): void => sendJson(res, status, body, CORS);

const refuse = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void =>
  answerAndDrop(req, res, status, body, { ...CORS, ...headers });

const viewOf = (v: PurchaseView) => ({ ok: true, purchaseId: v.id, status: v.status, reason: v.reason, code: v.code, password: v.password, login: v.login });

export interface PortalServeContext {
  core: Core;
  gate: BodyGate;
  limiter: PortalRateLimiter;
  /** The listener's own address and port: a tenant is served only where its settings say. */
  bound: { address: string; port: number };
}

async function servedHere(ctx: PortalServeContext, tenantId: string): Promise<boolean> {
  const tenant = ctx.core.registry.get(tenantId);
  if (!tenant || !ctx.core.registry.isRunnable(tenantId)) return false;
  const row = await withTenantScope(ctx.core, tenantId, systemActor('system:portal'), (scope) => readPortalRow(scope));
  return row.lanAddress === ctx.bound.address && row.lanPort === ctx.bound.port;
}

export async function handlePortal(ctx: PortalServeContext, route: PortalRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ip = req.socket.remoteAddress ?? 'unknown';
  const method = route.kind === 'buy' ? 'POST' : 'GET';
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
    res.end();
    return;
  }
  if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
    refuse(req, res, 405, { ok: false });
    return;
  }
  if (!ctx.limiter.allow(route.kind, ip)) {
    refuse(req, res, 429, { ok: false, reason: 'rate-limited' }, { 'retry-after': '60' });
    return;
  }
  if (!(await servedHere(ctx, route.tenantId))) {
    refuse(req, res, 404, { ok: false });
    return;
  }
  const scoped = <T>(fn: Parameters<typeof withTenantScope<T>>[3]) => withTenantScope(ctx.core, route.tenantId, systemActor('system:portal'), fn);
  if (route.kind === 'page') {
    const pages = await scoped((scope) => renderPortalPages(scope));
    const html = pages[route.file];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(html)) });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  if (route.kind === 'poll') {
    const v = await scoped((scope) => purchaseStatus(scope, route.purchaseId));
    if (!v) reply(res, 404, { ok: false });
    else reply(res, 200, viewOf(v));
    return;
  }
  const declared = declaredLength(req);
  if (declared !== null && declared > MAX_PORTAL_BODY_BYTES) {
    refuse(req, res, 413, { ok: false, reason: 'too-large' });
    return;
  }
  const slot = ctx.gate.tryAcquire();
  if (!slot) {
    refuse(req, res, 503, { ok: false, reason: 'busy' });
    return;
  }
  const release = await slot;
  let body: z.infer<typeof buyBody>;
  try {
    const read = await readCapped(req, MAX_PORTAL_BODY_BYTES, ctx.gate.stats);
    if (read.tooLarge) {
      refuse(req, res, 413, { ok: false, reason: 'too-large' });
      return;
    }
    const parsed = buyBody.safeParse(JSON.parse(read.body.toString('utf8')));
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'body');
      reply(res, 400, { ok: false, field });
      return;
    }
    body = parsed.data;
  } catch {
    reply(res, 400, { ok: false, field: 'body' });
    return;
  } finally {
    release();
  }
  try {
    const v = await scoped((scope) => startPurchase(scope, body));
    reply(res, 200, viewOf(v));
  } catch (e) {
    if (e instanceof PortalInputError) reply(res, e.field === 'portal' ? 404 : 400, { ok: false, field: e.field });
    else throw e;
  }
}
