import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '@shared/contract';
import type { IspDeskBridge } from '@shared/contract/bridge';
import { IPC } from './ipc-wire';

const channels = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

interface SessionListeners {
  events: Map<string, Set<(payload: unknown) => void>>;
  gone: Set<() => void>;
}

/** Listeners per session token: an event reaches only the listeners of the session it was sent for. */
const sessions = new Map<string, SessionListeners>();

function goneFor(token: string): void {
  const entry = sessions.get(token);
  if (!entry) return;
  sessions.delete(token);
  for (const cb of entry.gone) cb();
}

ipcRenderer.on(IPC.event, (_e: IpcRendererEvent, token: unknown, name: unknown, payload: unknown) => {
  if (typeof token !== 'string' || typeof name !== 'string') return;
  for (const cb of sessions.get(token)?.events.get(name) ?? []) cb(payload);
});
ipcRenderer.on(IPC.gone, (_e: IpcRendererEvent, token: unknown) => {
  if (typeof token === 'string') goneFor(token);
});

/**
 * The whole bridge (see IspDeskBridge): invoke a contract channel, listen to a contract event of one
 * session. Nothing else of Electron or Node reaches the page.
 */
const bridge: IspDeskBridge = {
  invoke(channel, input, token) {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } });
    return ipcRenderer.invoke(IPC.invoke, channel, input, token ?? null);
  },
  on(event, token, handler, onGone) {
    if (!eventNames.has(event) || typeof token !== 'string' || token === '') return () => undefined;
    let entry = sessions.get(token);
    if (!entry) {
      const created: SessionListeners = { events: new Map(), gone: new Set() };
      sessions.set(token, created);
      entry = created;
      // Main answers false for a session it does not know or that this window did not open.
      void ipcRenderer.invoke(IPC.subscribe, token).then(
        (held: unknown) => {
          if (held !== true && sessions.get(token) === created) goneFor(token);
        },
        () => undefined,
      );
    }
    const current = entry;
    let set = current.events.get(event);
    if (!set) {
      set = new Set();
      current.events.set(event, set);
    }
    // One wrapper per call, so the same handler added twice is removed once per unsubscribe.
    const cb = (payload: unknown) => handler(payload);
    set.add(cb);
    const gone = onGone ? () => onGone() : null;
    if (gone) current.gone.add(gone);
    return () => {
      set.delete(cb);
      if (gone) current.gone.delete(gone);
      const empty = [...current.events.values()].every((s) => s.size === 0);
      if (empty && sessions.get(token) === current) {
        sessions.delete(token);
        ipcRenderer.send(IPC.unsubscribe, token);
      }
    };
  },
  // Files are picked and saved by main (native dialogs); the page only ever holds an id.
  pickFile(purpose, token) {
    return ipcRenderer.invoke('isp:pick-file', purpose, token);
  },
  saveFile(downloadId, _fileName, token) {
    return ipcRenderer.invoke('isp:save-file', downloadId, token);
  },
  // The desktop app prints to a chosen printer (pdf-printing.ts in main); a browser has no such capability.
  print: {
    printers() {
      return ipcRenderer.invoke('isp:printers');
    },
    printPdf(pdfBase64, printer) {
      return ipcRenderer.invoke('isp:print-pdf', pdfBase64, printer);
    },
  },
};

contextBridge.exposeInMainWorld('ispDesk', bridge);
