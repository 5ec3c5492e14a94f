import { ipcMain, type WebContents } from 'electron';
import { isChannelName } from '@shared/contract';
import type { BootedCore } from '../core/boot';
import type { SessionChanges } from '../core/rpc/sessions';
import { IPC } from './ipc-wire';
import { isTrustedUrl } from './windows';

export const INVOKE_CHANNEL = IPC.invoke;

/** The sessions one window obtained (sign-in, setup), each with its event sink while the page listens. */
type Held = Map<string, (() => void) | null>;

/**
 * Electron transport: one ipcMain handler for every contract channel, the sender frame checked, then the
 * same dispatcher as HTTP. Events travel with the token of their session, so a window holding sessions
 * of two tenants keeps them apart; a window may listen only to sessions it obtained, which the
 * dispatcher reports (no output is read for tokens here).
 */
export function registerIpc(booted: BootedCore): void {
  const { core, dispatcher } = booted;
  const windows = new Map<WebContents, Held>();

  const heldBy = (wc: WebContents): Held => {
    let held = windows.get(wc);
    if (!held) {
      held = new Map();
      windows.set(wc, held);
      wc.once('destroyed', () => {
        for (const off of windows.get(wc)?.values() ?? []) off?.();
        windows.delete(wc);
      });
    }
    return held;
  };

  const trusted = (frameUrl: string | undefined) => isTrustedUrl(frameUrl ?? '');

  core.sessions.onEnd((s, reason) => {
    for (const [wc, held] of windows) {
      if (!held.has(s.token)) continue;
      held.get(s.token)?.();
      held.delete(s.token);
      // A deliberate sign-out came from this page, which already knows; anything else is news to it.
      if (reason !== 'signed-out' && !wc.isDestroyed()) wc.send(IPC.gone, s.token);
    }
  });

  ipcMain.handle(IPC.invoke, async (event, channel: unknown, input: unknown, token: unknown) => {
    if (!trusted(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    }
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } };
    }
    const sessionToken = typeof token === 'string' && token.length > 0 ? token : null;
    const wc = event.sender;
    return dispatcher.dispatch(channel, input, { token: sessionToken, transport: 'ipc', client: String(wc.id) }, {
      onSessions: (changes: SessionChanges) => {
        // Sessions this call opened belong to this window (ends are handled by the onEnd listener above).
        for (const s of changes.created) if (core.sessions.peek(s.token)) heldBy(wc).set(s.token, null);
      },
    });
  });

  ipcMain.handle(IPC.subscribe, (event, token: unknown) => {
    if (!trusted(event.senderFrame?.url) || typeof token !== 'string') return false;
    const wc = event.sender;
    const held = windows.get(wc);
    if (!held?.has(token) || !core.sessions.peek(token)) return false;
    if (!held.get(token)) {
      held.set(token, core.events.subscribe({
        token,
        send: (name, payload) => {
          if (!wc.isDestroyed()) wc.send(IPC.event, token, name, payload);
        },
      }));
    }
    return true;
  });

  ipcMain.on(IPC.unsubscribe, (event, token: unknown) => {
    if (typeof token !== 'string') return;
    const held = windows.get(event.sender);
    const off = held?.get(token);
    if (!held || !off) return;
    off();
    held.set(token, null);
  });
}
