import type { IspDeskBridge } from '@shared/contract/bridge';
import { openEventStream } from './event-stream';
import { fetchDownload, pickAndUpload } from './http-files';

export interface HttpBridgeOptions {
  /** Where the headless server is; '' (the page's own origin) in the app, a full URL in tests. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

interface SessionStream {
  close: () => void;
  events: Map<string, Set<(payload: unknown) => void>>;
  gone: Set<() => void>;
}

/**
 * The browser twin of the Electron preload: channels are POST /rpc/<channel> with the session's bearer
 * token, events come over one Server-Sent Events stream per session (shared by all its listeners), so
 * each session hears only its own events. Transport failures come back as error envelopes, like main's.
 */
export function createHttpBridge(opts: HttpBridgeOptions = {}): IspDeskBridge {
  const base = opts.baseUrl ?? '';
  const fetchImpl = opts.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const streams = new Map<string, SessionStream>();

  const streamFor = (token: string): SessionStream => {
    const existing = streams.get(token);
    if (existing) return existing;
    const created: SessionStream = { close: () => undefined, events: new Map(), gone: new Set() };
    created.close = openEventStream({
      url: `${base}/events`,
      token,
      fetchImpl,
      onMessage: (m) => {
        let payload: unknown;
        try {
          payload = JSON.parse(m.data);
        } catch {
          return;
        }
        for (const cb of created.events.get(m.event) ?? []) cb(payload);
      },
      // 401: the server no longer knows the session (it ended, or the server restarted).
      onUnauthorized: () => {
        if (streams.get(token) === created) streams.delete(token);
        for (const cb of created.gone) cb();
      },
    });
    streams.set(token, created);
    return created;
  };

  return {
    async invoke(channel, input, token) {
      let res: Response;
      try {
        res = await fetchImpl(`${base}/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', key: 'transport.unreachable', params: {} } };
      }
      try {
        return (await res.json()) as unknown;
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', key: 'transport.bad-response', params: { status: res.status } } };
      }
    },

    on(event, token, handler, onGone) {
      const entry = streamFor(token);
      let set = entry.events.get(event);
      if (!set) {
        set = new Set();
        entry.events.set(event, set);
      }
      const cb = (payload: unknown) => handler(payload);
      set.add(cb);
      const gone = onGone ? () => onGone() : null;
      if (gone) entry.gone.add(gone);
      return () => {
        set.delete(cb);
        if (gone) entry.gone.delete(gone);
        const empty = [...entry.events.values()].every((s) => s.size === 0);
        if (empty && streams.get(token) === entry) {
          streams.delete(token);
          entry.close();
        }
      };
    },

    pickFile: (purpose, token) => pickAndUpload(base, fetchImpl, purpose, token),
    saveFile: (downloadId, fileName, token) => fetchDownload(base, fetchImpl, downloadId, fileName, token),
  };
}

/** Outside a browser (unit tests) there is no window to install on. */
let windowless: IspDeskBridge | undefined;

/**
 * The bridge this page talks to main through: the one the Electron preload installed, else the HTTP twin,
 * installed the same way (as window.ispDesk) on first use.
 */
export function bridge(): IspDeskBridge {
  if (typeof window === 'undefined') return (windowless ??= createHttpBridge());
  return (window.ispDesk ??= createHttpBridge());
}
