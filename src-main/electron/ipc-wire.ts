/** IPC message names shared by main (ipc.ts) and the preload; nothing else of IPC reaches the page. */
export const IPC = {
  /** renderer → main: (channel, input, token) → envelope. */
  invoke: 'isp:invoke',
  /** renderer → main: (token) → whether this window may receive that session's events. */
  subscribe: 'isp:subscribe',
  /** renderer → main: (token), the window stopped listening to that session. */
  unsubscribe: 'isp:unsubscribe',
  /** main → renderer: (token, event, payload), an event of one session. */
  event: 'isp:event',
  /** main → renderer: (token), that session is gone; its listeners get nothing more. */
  gone: 'isp:gone',
} as const;
