/// <reference types="vite/client" />
import type { IspDeskBridge } from '@shared/contract/bridge';

declare global {
  interface Window {
    /** Installed by the Electron preload, or by app/bridge.ts in a plain browser. */
    ispDesk?: IspDeskBridge;
  }
}

export {};
