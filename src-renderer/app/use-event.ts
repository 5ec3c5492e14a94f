import { useEffect, useRef } from 'react';
import type { EventName, PayloadOf } from '@shared/contract';
import { subscribe } from './api-client';
import { useScope } from './scope-context';
import { useSessionStore } from './session-store';

/** The session token of the current scope (undefined on public pages or once signed out). */
export function useScopeToken(): string | undefined {
  const scope = useScope();
  return useSessionStore((s) => (scope ? s.sessions[scope]?.token : undefined));
}

/** Runs `callback` for each `event` pushed to the current scope's session (and to no other session). */
export function useEvent<E extends EventName>(event: E, callback: (payload: PayloadOf<E>) => void): void {
  const token = useScopeToken();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    if (!token) return;
    return subscribe(event, (p) => latest.current(p), token);
  }, [event, token]);
}
