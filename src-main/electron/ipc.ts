import { ipcMain, type WebContents } from 'electron';
import { isChannelName } from '@shared/contract';
import type { BootedCore } from '../core/boot';
import { isTrustedUrl } from './windows';

export const INVOKE_CHANNEL = 'isp:invoke';
export const EVENT_CHANNEL = 'isp:event';

/**
 * Electron transport: one ipcMain handler for every contract channel, the sender frame checked, then the
 * same dispatcher as HTTP. Push events go to windows holding a session the event is meant for.
 */
export function registerIpc(booted: BootedCore): void {
  const subscribed = new Map<WebContents, Map<string, () => void>>();

  const track = (wc: WebContents, token: string) => {
    let tokens = subscribed.get(wc);
    if (!tokens) {
      tokens = new Map();
      subscribed.set(wc, tokens);
      wc.once('destroyed', () => {
        for (const off of subscribed.get(wc)?.values() ?? []) off();
        subscribed.delete(wc);
      });
    }
    if (tokens.has(token)) return;
    tokens.set(token, booted.core.events.subscribe({
      token,
      send: (name, payload) => {
        if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, name, payload);
      },
    }));
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown, token: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(frameUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    }
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } };
    }
    const sessionToken = typeof token === 'string' && token.length > 0 ? token : null;
    if (sessionToken) track(event.sender, sessionToken);
    const envelope = await booted.dispatcher.dispatch(channel, input, { token: sessionToken, transport: 'ipc', client: String(event.sender.id) });
    // A new session from sign-in or setup starts receiving its events right away.
    if (envelope.ok && typeof envelope.data === 'object' && envelope.data !== null) {
      const data = envelope.data as { token?: unknown; session?: { token?: unknown } };
      const fresh = typeof data.token === 'string' ? data.token : typeof data.session?.token === 'string' ? data.session.token : null;
      if (fresh) track(event.sender, fresh);
    }
    return envelope;
  });
}
