import { useCallback, useRef, useState } from 'react';
import type { InputOf } from '@shared/contract';
import type { Diagnosis } from '@shared/contract/routers';
import { ApiError } from '../../app/api-client';
import { i18n } from '../../app/i18n';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';

/** The server gives up on a router after ~5 s; this only guards against a lost answer. */
const CLIENT_TIMEOUT_MS = 30_000;

export interface ConnectionTestState {
  running: boolean;
  diagnosis: Diagnosis | null;
  error: ApiError | null;
}

const IDLE: ConnectionTestState = { running: false, diagnosis: null, error: null };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiError({ code: 'UNAVAILABLE', message: i18n.t('routers.diagnosis.noAnswer') })), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

/** Runs routers.test-connection; a newer run or a reset makes older answers irrelevant. */
export function useConnectionTest() {
  const callIn = useCall();
  const [state, setState] = useState<ConnectionTestState>(IDLE);
  const seq = useRef(0);

  const run = useCallback(async (input: InputOf<'routers.test-connection'>): Promise<{ diagnosis: Diagnosis } | { error: ApiError }> => {
    const mine = ++seq.current;
    setState({ running: true, diagnosis: null, error: null });
    try {
      const diagnosis = await withTimeout(callIn('routers.test-connection', input), CLIENT_TIMEOUT_MS);
      if (mine === seq.current) setState({ running: false, diagnosis, error: null });
      return { diagnosis };
    } catch (e) {
      const error = toApiError(e);
      if (mine === seq.current) setState({ running: false, diagnosis: null, error });
      return { error };
    }
  }, [callIn]);

  const reset = useCallback(() => {
    seq.current += 1;
    setState(IDLE);
  }, []);

  return { ...state, run, reset };
}
