import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { call, isApiError } from './api-client';
import { i18n } from './i18n';
import { useSessionStore, type Scope } from './session-store';

/**
 * Calls a channel with the session of `scope`. When main says that session is over (UNAUTHENTICATED, or
 * the tenant was suspended meanwhile) the session is dropped, which sends the user to sign-in with the
 * server's explanation; when a password change is required, the principal is marked so the router
 * shows the change-password page.
 */
export async function callIn<K extends ChannelName>(scope: Scope | null, channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const store = useSessionStore.getState();
  const token = scope ? store.sessions[scope]?.token ?? null : null;
  try {
    return await call(channel, input, { token });
  } catch (e) {
    if (scope && token && isApiError(e)) {
      const current = useSessionStore.getState().sessions[scope];
      // A late answer for an older token must not end a session signed in since.
      if (current?.token === token) {
        if (e.code === 'UNAUTHENTICATED' || e.reason === 'TENANT_SUSPENDED') {
          // "Please sign in" (the server no longer knows the token, e.g. after a restart) says too little.
          useSessionStore.getState().end(scope, e.reason === 'NO_SESSION' ? i18n.t('sessionEnded.unknown') : e.message);
        } else if (e.reason === 'PASSWORD_CHANGE_REQUIRED' && !current.principal.mustChangePassword) {
          useSessionStore.getState().setPrincipal(scope, { ...current.principal, mustChangePassword: true });
        }
      }
    }
    throw e;
  }
}
