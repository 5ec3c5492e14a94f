import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '@shared/domain/errors';
import type { Dispatcher } from '../core/rpc/dispatcher';
import { sendJson } from './json-reply';
import { busyBody, declaredLength, readCapped, refuseBody, tooLargeBody, type BodyGate } from './request-body';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429,
  UNAVAILABLE: 503, INTERNAL: 500,
};

/** RPC inputs are small JSON documents; files take the upload path (see uploads.ts) with their own caps. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h?.startsWith('Bearer ')) return null;
  return h.slice(7).trim() || null;
}

export { sendJson };

/** POST /rpc/<channel> with a JSON body → the same envelope the Electron transport returns. */
export async function handleRpc(dispatcher: Dispatcher, gate: BodyGate, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
  if (!type.toLowerCase().startsWith('application/json')) {
    sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Send JSON (Content-Type: application/json).' } });
    return;
  }
  // The cap is checked before authentication and before a single body byte is buffered.
  const declared = declaredLength(req);
  if (declared !== null && declared > MAX_RPC_BODY_BYTES) {
    refuseBody(req, res, 413, tooLargeBody('The request is too large.'));
    return;
  }
  const slot = gate.tryAcquire();
  if (!slot) {
    refuseBody(req, res, 503, busyBody('The server is busy; please try again.'));
    return;
  }
  const release = await slot;
  let input: unknown;
  try {
    const read = await readCapped(req, MAX_RPC_BODY_BYTES, gate.stats);
    if (read.tooLarge) {
      refuseBody(req, res, 413, tooLargeBody('The request is too large.'));
      return;
    }
    input = read.body.length === 0 ? {} : (JSON.parse(read.body.toString('utf8')) as unknown);
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.', fields: { '': 'Invalid JSON' } } });
    return;
  } finally {
    release();
  }
  const envelope = await dispatcher.dispatch(channel, input, { token: bearerToken(req), transport: 'http', client: req.socket.remoteAddress ?? '' });
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
}
