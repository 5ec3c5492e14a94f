import type { ChannelName, EventName, InputOf, OutputOf, PayloadOf } from '@shared/contract';
import { ApiError, unwrapEnvelope } from './api-error';
import { bridge } from './http-bridge';
import { i18n } from './i18n';

export { ApiError, isApiError } from './api-error';

export interface CallOptions {
  /** Session token of the scope the call is made in; omit for public channels. */
  token?: string | null;
}

/** Calls a contract channel through the bridge. Resolves with the channel's output; throws ApiError. */
export async function call<K extends ChannelName>(channel: K, input: InputOf<K>, opts: CallOptions = {}): Promise<OutputOf<K>> {
  let envelope: unknown;
  try {
    envelope = await bridge().invoke(channel, input, opts.token ?? null);
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  }
  return unwrapEnvelope(envelope, i18n.t('errors.notEnvelope')) as OutputOf<K>;
}

export interface SubscribeOptions {
  /** Main no longer knows the session (it ended, or main restarted); nothing more will arrive. */
  onGone?: () => void;
}

/** Listens to a contract event pushed to one session, and only to it. Returns the unsubscribe. */
export function subscribe<E extends EventName>(
  event: E,
  callback: (payload: PayloadOf<E>) => void,
  token: string,
  opts: SubscribeOptions = {},
): () => void {
  // The contract validated the payload in main before it was sent.
  return bridge().on(event, token, (p) => callback(p as PayloadOf<E>), opts.onGone);
}
