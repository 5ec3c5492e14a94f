import { useEffect, useRef } from 'react';
import type { EventName, PayloadOf } from '@shared/contract';
import { subscribe } from './api-client';
import { useScope } from './scope-context';
import { useSessionStore } from './session-store';

/** Runs `callback` for each `event` pushed to the current scope's session. */
export function useEvent<E extends EventName>(event: E, callback: (payload: PayloadOf<E>) => void): void {
  const scope = useScope();
  const token = useSessionStore((s) => (scope ? s.sessions[scope]?.token : undefined));
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    if (!token) return;
    return subscribe(event, (p) => latest.current(p), token);
  }, [event, token]);
}
