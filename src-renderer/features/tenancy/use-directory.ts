import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '@shared/contract';
import { call, type ApiError } from '../../app/api-client';
import { toApiError } from '../../app/use-rpc';

export type DirectoryEntry = OutputOf<'tenants.directory'>['items'][number];

/** The tenant profiles on this installation (public: names and status only), for sign-in and the switcher. */
export function useDirectory(): { items: DirectoryEntry[] | undefined; error: ApiError | undefined; reload: () => void } {
  const [items, setItems] = useState<DirectoryEntry[]>();
  const [error, setError] = useState<ApiError>();
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let cancelled = false;
    call('tenants.directory', {}).then(
      (r) => {
        if (!cancelled) {
          setItems([...r.items].sort((a, b) => a.name.localeCompare(b.name)));
          setError(undefined);
        }
      },
      (e: unknown) => {
        if (!cancelled) setError(toApiError(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { items, error, reload };
}
