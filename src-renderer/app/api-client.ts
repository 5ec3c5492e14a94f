import type { ChannelName, EventName, InputOf, OutputOf, PayloadOf } from '@shared/contract';
import { ApiError, unwrapEnvelope } from './api-error';
import { openEventStream } from './event-stream';
import { i18n } from './i18n';

export { ApiError, isApiError } from './api-error';

export interface CallOptions {
  /** Session token of the scope the call is made in; omit for public channels. */
  token?: string | null;
}

function bridge(): IspDeskBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.ispDesk;
}

/** Whether events arrive per session (HTTP/SSE) or mixed for the whole window (Electron preload). */
export function eventsArePerSession(): boolean {
  return !bridge();
}

/**
 * Calls a contract channel through whichever transport exists: the Electron preload, or HTTP to the
 * headless server that served this page. Resolves with the channel's output; throws ApiError.
 */
export async function call<K extends ChannelName>(channel: K, input: InputOf<K>, opts: CallOptions = {}): Promise<OutputOf<K>> {
  const token = opts.token ?? null;
  const b = bridge();
  let envelope: unknown;
  if (b) {
    try {
      envelope = await b.invoke(channel, input, token);
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
    }
  } else {
    let res: Response;
    try {
      res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.serverUnreachable') });
    }
    try {
      envelope = await res.json();
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.badResponse', { status: res.status }) });
    }
  }
  return unwrapEnvelope(envelope, i18n.t('errors.notEnvelope')) as OutputOf<K>;
}

interface StreamEntry {
  close: () => void;
  listeners: Map<string, Set<(payload: unknown) => void>>;
  onUnauthorized: Set<() => void>;
}

const streams = new Map<string, StreamEntry>();

function streamFor(token: string): StreamEntry {
  const entry = streams.get(token);
  if (entry) return entry;
  const created: StreamEntry = { close: () => undefined, listeners: new Map(), onUnauthorized: new Set() };
  created.close = openEventStream({
    url: '/events',
    token,
    onMessage: (m) => {
      let payload: unknown;
      try {
        payload = JSON.parse(m.data);
      } catch {
        return;
      }
      for (const cb of created.listeners.get(m.event) ?? []) cb(payload);
    },
    onUnauthorized: () => {
      streams.delete(token);
      for (const cb of created.onUnauthorized) cb();
    },
  });
  streams.set(token, created);
  return created;
}

export interface SubscribeOptions {
  /** HTTP only: the server no longer knows the token (the stream got a 401). */
  onUnauthorized?: () => void;
}

/**
 * Listens to a contract event for one session. Over HTTP every session has its own SSE stream (shared by
 * all listeners of that token); in Electron the preload delivers the window's events. Returns the unsubscribe.
 */
export function subscribe<E extends EventName>(
  event: E,
  callback: (payload: PayloadOf<E>) => void,
  token: string,
  opts: SubscribeOptions = {},
): () => void {
  const b = bridge();
  if (b) return b.on(event, (p) => callback(p as PayloadOf<E>));
  const entry = streamFor(token);
  const cb = (p: unknown) => callback(p as PayloadOf<E>);
  let set = entry.listeners.get(event);
  if (!set) {
    set = new Set();
    entry.listeners.set(event, set);
  }
  set.add(cb);
  if (opts.onUnauthorized) entry.onUnauthorized.add(opts.onUnauthorized);
  return () => {
    set.delete(cb);
    if (opts.onUnauthorized) entry.onUnauthorized.delete(opts.onUnauthorized);
    const empty = [...entry.listeners.values()].every((s) => s.size === 0);
    if (empty && streams.get(token) === entry) {
      streams.delete(token);
      entry.close();
    }
  };
}
