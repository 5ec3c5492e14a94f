/**
 * What the renderer talks to main through. Two implementations are installed the same way, as
 * `window.ispDesk`: the Electron preload (IPC) and, in a plain browser, the HTTP + SSE twin. Renderer code
 * never knows which one it has.
 */
export interface IspDeskBridge {
  /**
   * Calls a contract channel as the session `token` (null for public channels). Resolves with main's
   * envelope (anything else is the caller's to reject); rejects only when the bridge itself broke.
   */
  invoke(channel: string, input: unknown, token: string | null): Promise<unknown>;
  /**
   * Listens to a contract event pushed to the session `token`, and only to it. `onGone` runs once when
   * main no longer knows that session (it ended, or main restarted). Returns the unsubscribe.
   */
  on(event: string, token: string, handler: (payload: unknown) => void, onGone?: () => void): () => void;
}
