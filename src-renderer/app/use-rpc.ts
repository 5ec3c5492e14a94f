import { useCallback, useEffect, useState } from 'react';
import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { ApiError, isApiError } from './api-client';
import { callIn } from './scoped-call';
import { useScope } from './scope-context';

export interface RpcState<T> {
  /** The last answer; kept while a reload is in flight so tables do not flash empty. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  return new ApiError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
}

/** Reads a channel in the current scope; re-reads when the input (compared as JSON) changes. */
export function useRpc<K extends ChannelName>(channel: K, input: InputOf<K>, opts: { enabled?: boolean } = {}): RpcState<OutputOf<K>> {
  const scope = useScope();
  const enabled = opts.enabled ?? true;
  const key = JSON.stringify(input ?? {});
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ data: OutputOf<K> | undefined; error: ApiError | undefined; loading: boolean }>({
    data: undefined, error: undefined, loading: enabled,
  });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    callIn(scope, channel, JSON.parse(key) as InputOf<K>).then(
      (data) => {
        if (!cancelled) setState({ data, error: undefined, loading: false });
      },
      (e: unknown) => {
        if (!cancelled) setState((s) => ({ data: s.data, error: toApiError(e), loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [scope, channel, key, nonce, enabled]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
