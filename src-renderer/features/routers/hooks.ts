import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../app/api-client';
import { usePrincipal } from '../../app/scope-context';
import type { RpcState } from '../../app/use-rpc';

/** The current time, refreshed every `intervalMs`, so "5 minutes ago" texts keep up. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** What the signed-in role may do with routers (from the shared permission matrix). */
export function useRouterPermissions(): { canManage: boolean; canOperate: boolean } {
  const principal = usePrincipal();
  const permissions = principal.kind === 'staff' ? principal.permissions : [];
  return { canManage: permissions.includes('routers.manage'), canOperate: permissions.includes('routers.operate') };
}

/** Calls `reload` every `intervalMs` while the window is visible (a hidden window does not poll the router). */
export function usePolling(reload: () => void, intervalMs: number): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
}

/**
 * The last error of a polled read, kept while the next attempt runs (useRpc clears it on reload),
 * so an offline router's message does not flicker every poll.
 */
export function useStickyError<T>(rpc: RpcState<T>): ApiError | undefined {
  const [sticky, setSticky] = useState<ApiError | undefined>(undefined);
  useEffect(() => {
    if (rpc.error) setSticky(rpc.error);
    else if (!rpc.loading) setSticky(undefined);
  }, [rpc.error, rpc.loading]);
  return rpc.error ?? sticky;
}
