import { useCallback, useEffect, useReducer } from 'react';
import type { InputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';
import { CHECK_INTERVAL_MS, isFollowing, stkReducer, type StkPhase } from './stk-follow';

export interface StkPush {
  phase: StkPhase;
  /** Sends the prompt; refused input comes back as field errors for the form. */
  send: (input: InputOf<'mpesa.stk.request'>) => Promise<Record<string, string> | null>;
  checkAgain: () => void;
  reset: () => void;
}

/** Pushes an STK prompt and follows it with mpesa.stk.status every few seconds (see stk-follow.ts). */
export function useStkPush(onEnded?: (succeeded: boolean) => void): StkPush {
  const callIn = useCall();
  const [phase, dispatch] = useReducer(stkReducer, { kind: 'idle' });

  const send = useCallback(async (input: InputOf<'mpesa.stk.request'>) => {
    dispatch({ type: 'send' });
    try {
      dispatch({ type: 'answer', request: await callIn('mpesa.stk.request', input) });
      return null;
    } catch (e) {
      const error = toApiError(e);
      dispatch({ type: 'refused', message: error.message });
      return error.fields ?? null;
    }
  }, [callIn]);

  const waitingId = isFollowing(phase) ? phase.request.id : null;
  const checks = isFollowing(phase) ? `${phase.checks}:${phase.failures}` : '';
  useEffect(() => {
    if (!waitingId) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      callIn('mpesa.stk.status', { stkRequestId: waitingId }).then(
        (request) => { if (!cancelled) dispatch({ type: 'answer', request }); },
        (e: unknown) => { if (!cancelled) dispatch({ type: 'check-failed', message: toApiError(e).message }); },
      );
    }, CHECK_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [waitingId, checks, callIn]);

  const endedStatus = phase.kind === 'ended' ? phase.request.status : null;
  useEffect(() => {
    if (endedStatus) onEnded?.(endedStatus === 'succeeded');
    // Only the moment a request ends matters, not a new callback identity.
  }, [endedStatus]);

  return {
    phase,
    send,
    checkAgain: useCallback(() => dispatch({ type: 'check-again' }), []),
    reset: useCallback(() => dispatch({ type: 'reset' }), []),
  };
}
