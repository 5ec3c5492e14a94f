import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '@shared/domain/errors';
import type { Dispatcher } from '../core/rpc/dispatcher';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429,
  UNAVAILABLE: 503, INTERNAL: 500,
};

export const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h?.startsWith('Bearer ')) return null;
  return h.slice(7).trim() || null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** POST /rpc/<channel> with a JSON body → the same envelope the Electron transport returns. */
export async function handleRpc(dispatcher: Dispatcher, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
  if (!type.toLowerCase().startsWith('application/json')) {
    sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Send JSON (Content-Type: application/json).' } });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch (e) {
    const tooLarge = e instanceof Error && e.message === 'too large';
    sendJson(res, tooLarge ? 413 : 400, {
      ok: false,
      error: { code: 'VALIDATION', message: tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.', fields: { '': 'Invalid JSON' } },
    });
    return;
  }
  const envelope = await dispatcher.dispatch(channel, input, { token: bearerToken(req), transport: 'http', client: req.socket.remoteAddress ?? '' });
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
}
