import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '@shared/contract';

const channels = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

/**
 * The whole bridge: invoke a contract channel, listen to a contract event, pick or save a file (in main).
 * Nothing else of Electron or Node reaches the page.
 */
contextBridge.exposeInMainWorld('ispDesk', {
  invoke(channel: string, input: unknown, token?: string | null): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } });
    return ipcRenderer.invoke('isp:invoke', channel, input, token ?? null);
  },
  /** Native file dialog in main; resolves with an upload id envelope (data null when cancelled). */
  pickFile(purpose: string, token: string | null): Promise<unknown> {
    return ipcRenderer.invoke('isp:pick-file', purpose, token);
  },
  /** Save dialog in main for a file core offered as a download. */
  saveFile(downloadId: string, token: string | null): Promise<unknown> {
    return ipcRenderer.invoke('isp:save-file', downloadId, token);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!eventNames.has(event)) return () => undefined;
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on('isp:event', listener);
    return () => ipcRenderer.removeListener('isp:event', listener);
  },
});
