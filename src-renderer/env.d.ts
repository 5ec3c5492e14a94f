/// <reference types="vite/client" />
import type { Envelope } from '@shared/domain/errors';

declare global {
  /** What the Electron preload exposes (src-main/electron/preload.ts); absent in a plain browser. */
  interface IspDeskBridge {
    invoke(channel: string, input: unknown, token?: string | null): Promise<Envelope<unknown>>;
    on(event: string, callback: (payload: unknown) => void): () => void;
    /** Native file dialog in main; an upload-id envelope, data null when cancelled (src-renderer/app/upload.ts). */
    pickFile?(purpose: string, token: string | null): Promise<Envelope<unknown>>;
    /** Save dialog in main for a download id; data.saved false when cancelled. */
    saveFile?(downloadId: string, token: string | null): Promise<Envelope<unknown>>;
  }

  interface Window {
    ispDesk?: IspDeskBridge;
  }
}

export {};
