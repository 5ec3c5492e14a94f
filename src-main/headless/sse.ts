import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../core/rpc/event-hub';
import type { SessionStore } from '../core/rpc/sessions';
import { bearerToken, sendJson } from './http-transport';

/** GET /events: Server-Sent Events for one session (token in the Authorization header). */
export function handleEvents(hub: EventHub, sessions: SessionStore, req: IncomingMessage, res: ServerResponse): void {
  const token = bearerToken(req);
  const resolved = sessions.resolve(token);
  if (!token || 'error' in resolved) {
    sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const unsubscribe = hub.subscribe({
    token,
    send(name, payload) {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
  ping.unref();
  let stopped = false;
  // When the session ends the stream ends too (after `session.ended` went out: boot's listener runs first).
  const offEnd = sessions.onEnd((s) => {
    if (s.token === token) setImmediate(() => {
      stop();
      res.end();
    });
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(ping);
    unsubscribe();
    offEnd();
  };
  req.on('close', stop);
  res.on('error', stop);
}
