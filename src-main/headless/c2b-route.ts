/**
 * Daraja C2B validation and confirmation over HTTP (issue 10 §4c; integrations.md §4.5), for ISPs that put
 * `npm run serve` behind a public proxy and register these URLs with Safaricom:
 *
 *   POST /c2b/<tenantId>/<token>/validation     → {"ResultCode":"0","ResultDesc":"Accepted"} or a C2B000xx rejection
 *   POST /c2b/<tenantId>/<token>/confirmation   → {"ResultCode":0,"ResultDesc":"Success"}
 *
 * Daraja signs nothing, so the secret `<token>` (core/mpesa/c2b-path.ts; channel `payments.callback-urls`) is
 * what keeps strangers from posting payments; a wrong one is answered like an unknown tenant.
 * Safaricom refuses callback URLs containing "mpesa"/"safaricom", hence `/c2b/`. The work is core's
 * (core/mpesa/c2b.ts); this file only reads a small JSON body and always answers in Daraja's shapes —
 * a bad body, an unknown tenant or a failure inside is a rejection, never a crash or an HTML page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/context';
import { systemActor } from '../core/context';
import { confirmC2b, validateC2b } from '../core/mpesa/c2b';
import { isC2bPathToken } from '../core/mpesa/c2b-path';
import { getMpesaSettings } from '../core/mpesa/settings';
import { withTenantScope } from '../core/tenancy/scope';
import { sendJson } from './json-reply';
import { answerAndDrop, declaredLength, readCapped, type BodyGate } from './request-body';

/** A C2B payload is ~400 bytes of JSON; 16 KB leaves room for any extra fields and nothing more. */
export const MAX_C2B_BODY_BYTES = 16 * 1024;

const PATH = /^\/c2b\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{16,100})\/(validation|confirmation)\/?(?:\?.*)?$/i;

type Kind = 'validation' | 'confirmation';

export interface C2bRoute {
  tenantId: string;
  token: string;
  kind: Kind;
}

export function c2bRouteOf(url: string): C2bRoute | null {
  const m = PATH.exec(url);
  return m?.[1] && m[2] && m[3] ? { tenantId: m[1].toLowerCase(), token: m[2], kind: m[3].toLowerCase() as Kind } : null;
}

const rejected = (kind: Kind, code: 'C2B00015' | 'C2B00016' = 'C2B00016') =>
  kind === 'validation' ? { ResultCode: code, ResultDesc: 'Rejected' } : { ResultCode: 1, ResultDesc: 'Rejected' };

/** Answers, then drops the connection: the rest of an oversized or unwanted body is never read. */
const refuse = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void => answerAndDrop(req, res, status, body);

export async function handleC2b(core: Core, gate: BodyGate, route: C2bRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { kind } = route;
  if (req.method !== 'POST') {
    refuse(req, res, 405, rejected(kind));
    return;
  }
  const tenant = core.registry.get(route.tenantId);
  if (!tenant || tenant.status !== 'active') {
    refuse(req, res, 404, rejected(kind));
    return;
  }
  const declared = declaredLength(req);
  if (declared !== null && declared > MAX_C2B_BODY_BYTES) {
    refuse(req, res, 413, rejected(kind));
    return;
  }
  const slot = gate.tryAcquire();
  if (!slot) {
    refuse(req, res, 503, rejected(kind));
    return;
  }
  const release = await slot;
  let payload: Record<string, unknown>;
  try {
    const read = await readCapped(req, MAX_C2B_BODY_BYTES, gate.stats);
    if (read.tooLarge) {
      refuse(req, res, 413, rejected(kind));
      return;
    }
    const parsed = JSON.parse(read.body.toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    payload = parsed as Record<string, unknown>;
  } catch {
    sendJson(res, 400, rejected(kind));
    return;
  } finally {
    release();
  }
  const reply = await withTenantScope(core, route.tenantId, systemActor('system:mpesa'), async (scope) => {
    if (!(await isC2bPathToken(scope, route.token))) return null;
    // A payment to another business's shortcode was sent to the wrong tenant's URL: refuse it rather than credit it here.
    const settings = await getMpesaSettings(scope);
    const shortcode = typeof payload.BusinessShortCode === 'string' || typeof payload.BusinessShortCode === 'number' ? String(payload.BusinessShortCode).trim() : '';
    const ours = [settings.shortcode, settings.till].filter((s): s is string => !!s);
    if (ours.length > 0 && shortcode !== '' && !ours.includes(shortcode)) return rejected(kind, 'C2B00015');
    return kind === 'validation' ? validateC2b(scope, payload) : confirmC2b(scope, payload);
  });
  if (reply === null) sendJson(res, 404, rejected(kind));
  else sendJson(res, 200, reply);
}
