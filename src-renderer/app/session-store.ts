import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Principal, SessionInfo } from '@shared/contract/auth';

/** 'platform' for platform administration, otherwise a tenant id. */
export type Scope = string;
export const PLATFORM: Scope = 'platform';

export interface ScopedSession {
  token: string;
  principal: Principal;
  idleTimeoutMs: number;
}

export interface SessionNotice {
  scope: Scope;
  message: string;
}

interface SessionState {
  sessions: Record<Scope, ScopedSession>;
  /** The scope the user last worked in (used by pages that are not tied to one, e.g. change password). */
  activeScope: Scope | null;
  /** Why the user is back on the sign-in screen (session expired, profile suspended…). */
  notice: SessionNotice | null;
  signedIn(info: SessionInfo): Scope;
  setActive(scope: Scope): void;
  setPrincipal(scope: Scope, principal: Principal): void;
  /** Drops a session; with a message, the sign-in screen explains why. */
  end(scope: Scope, message?: string): void;
  clearNotice(): void;
}

export function scopeOf(principal: Principal): Scope {
  return principal.kind === 'platform' ? PLATFORM : principal.tenant.id;
}

/** Sessions live in sessionStorage: a reload keeps you signed in, closing the tab does not. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      sessions: {},
      activeScope: null,
      notice: null,
      signedIn(info) {
        const scope = scopeOf(info.principal);
        set((s) => ({
          sessions: { ...s.sessions, [scope]: { token: info.token, principal: info.principal, idleTimeoutMs: info.idleTimeoutMs } },
          activeScope: scope,
          notice: null,
        }));
        return scope;
      },
      setActive(scope) {
        set((s) => (s.activeScope === scope ? s : { activeScope: scope }));
      },
      setPrincipal(scope, principal) {
        set((s) => {
          const current = s.sessions[scope];
          if (!current) return s;
          return { sessions: { ...s.sessions, [scope]: { ...current, principal } } };
        });
      },
      end(scope, message) {
        set((s) => {
          if (!s.sessions[scope]) return message ? { notice: { scope, message } } : s;
          const { [scope]: _gone, ...rest } = s.sessions;
          return {
            sessions: rest,
            activeScope: s.activeScope === scope ? null : s.activeScope,
            notice: message ? { scope, message } : s.notice,
          };
        });
      },
      clearNotice() {
        set({ notice: null });
      },
    }),
    {
      name: 'isp-desk.sessions',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ sessions: s.sessions, activeScope: s.activeScope }),
    },
  ),
);

export function sessionOf(scope: Scope | null | undefined): ScopedSession | undefined {
  return scope ? useSessionStore.getState().sessions[scope] : undefined;
}
