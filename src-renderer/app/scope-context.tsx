import { createContext, useCallback, useContext } from 'react';
import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import type { Principal } from '@shared/contract/auth';
import { callIn } from './scoped-call';
import { useSessionStore, type Scope } from './session-store';

const ScopeContext = createContext<Scope | null>(null);

export const ScopeProvider = ScopeContext.Provider;

/** The scope of the page being shown: 'platform', a tenant id, or null on public pages. */
export function useScope(): Scope | null {
  return useContext(ScopeContext);
}

/** The signed-in principal of the current scope (pages behind a guard always have one). */
export function usePrincipal(): Principal {
  const scope = useScope();
  const principal = useSessionStore((s) => (scope ? s.sessions[scope]?.principal : undefined));
  if (!principal) throw new Error('usePrincipal() used outside a signed-in scope');
  return principal;
}

/** A call function bound to the current scope's session. */
export function useCall(): <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>> {
  const scope = useScope();
  return useCallback(<K extends ChannelName>(channel: K, input: InputOf<K>) => callIn(scope, channel, input), [scope]);
}
