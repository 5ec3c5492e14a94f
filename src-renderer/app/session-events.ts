import { useEffect, useRef } from 'react';
import type { PayloadOf } from '@shared/contract';
import { call, isApiError, subscribe } from './api-client';
import { i18n } from './i18n';
import { useSessionStore, type Scope } from './session-store';

type EndReason = PayloadOf<'session.ended'>['reason'];

export function endedMessage(reason: EndReason | 'unknown'): string {
  return i18n.t(`sessionEnded.${reason}`);
}

function endIfCurrent(scope: Scope, token: string, message: string): void {
  const s = useSessionStore.getState();
  if (s.sessions[scope]?.token === token) s.end(scope, message);
}

/**
 * Asks main about every stored session: refreshes the principal (roles may have changed) or drops the
 * session with the reason main gives (expired, suspended…). Used at start-up.
 */
export async function recheckSessions(): Promise<void> {
  const entries = Object.entries(useSessionStore.getState().sessions);
  await Promise.all(entries.map(async ([scope, s]) => {
    try {
      const principal = await call('auth.session', {}, { token: s.token });
      if (useSessionStore.getState().sessions[scope]?.token === s.token) useSessionStore.getState().setPrincipal(scope, principal);
    } catch (e) {
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
        endIfCurrent(scope, s.token, e.reason === 'NO_SESSION' ? endedMessage('unknown') : e.message);
      }
    }
  }));
}

/** Listens for 'session.ended' on every open session (each on its own) and drops the ones main ends. */
export function useSessionEvents(): void {
  const key = useSessionStore((s) =>
    Object.entries(s.sessions).map(([scope, v]) => `${scope} ${v.token}`).sort().join('\n'),
  );
  const subscriptions = useRef(new Map<string, () => void>());

  useEffect(() => {
    const pairs = key ? key.split('\n').map((line) => line.split(' ') as [Scope, string]) : [];
    const subs = subscriptions.current;
    const wanted = new Set(pairs.map(([scope, token]) => `${scope} ${token}`));
    for (const [id, off] of subs) {
      if (!wanted.has(id)) {
        off();
        subs.delete(id);
      }
    }
    for (const [scope, token] of pairs) {
      const id = `${scope} ${token}`;
      if (subs.has(id)) continue;
      subs.set(id, subscribe('session.ended', (p) => endIfCurrent(scope, token, endedMessage(p.reason)), token, {
        onGone: () => endIfCurrent(scope, token, endedMessage('unknown')),
      }));
    }
  }, [key]);

  useEffect(() => {
    const subs = subscriptions.current;
    return () => {
      for (const off of subs.values()) off();
      subs.clear();
    };
  }, []);
}
