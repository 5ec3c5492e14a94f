import type { OutputOf } from '@shared/contract';

/**
 * Following an STK push from the screen (issue 10 §4): push once, then ask mpesa.stk.status every few seconds
 * until main records a final answer. Main owns the deadline (its poll policy turns a silent phone into
 * `timeout`), so the screen never decides the outcome itself; it only stops asking after repeated failures to
 * reach main and lets the user check again — a new push is offered only once the request has ended, so a
 * retry never sends a second prompt for a payment that may still complete.
 */
export type StkView = OutputOf<'mpesa.stk.status'>;

export type StkPhase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'refused'; message: string }
  | { kind: 'waiting'; request: StkView; checks: number; failures: number }
  | { kind: 'lost'; request: StkView; message: string }
  | { kind: 'ended'; request: StkView };

export type StkEvent =
  | { type: 'send' }
  | { type: 'refused'; message: string }
  | { type: 'answer'; request: StkView }
  | { type: 'check-failed'; message: string }
  | { type: 'check-again' }
  | { type: 'reset' };

/** Consecutive failed status checks before the screen stops asking and offers "Check again". */
export const MAX_CHECK_FAILURES = 3;
/** Daraja's STK query trips spike arrest when asked faster than every ~3 s (integrations.md §4.4). */
export const CHECK_INTERVAL_MS = 3_000;

export function stkReducer(phase: StkPhase, event: StkEvent): StkPhase {
  switch (event.type) {
    case 'send':
      // A push while one is still open would prompt the customer twice.
      return phase.kind === 'waiting' || phase.kind === 'lost' || phase.kind === 'sending' ? phase : { kind: 'sending' };
    case 'refused':
      return phase.kind === 'sending' ? { kind: 'refused', message: event.message } : phase;
    case 'answer': {
      if (phase.kind === 'idle' || phase.kind === 'refused' || phase.kind === 'ended') return phase;
      if (phase.kind !== 'sending' && phase.request.id !== event.request.id) return phase;
      if (event.request.status !== 'pending') return { kind: 'ended', request: event.request };
      const checks = phase.kind === 'waiting' ? phase.checks + 1 : 0;
      return { kind: 'waiting', request: event.request, checks, failures: 0 };
    }
    case 'check-failed':
      if (phase.kind !== 'waiting') return phase;
      return phase.failures + 1 >= MAX_CHECK_FAILURES
        ? { kind: 'lost', request: phase.request, message: event.message }
        : { ...phase, failures: phase.failures + 1 };
    case 'check-again':
      return phase.kind === 'lost' ? { kind: 'waiting', request: phase.request, checks: 0, failures: 0 } : phase;
    case 'reset':
      return phase.kind === 'waiting' || phase.kind === 'lost' || phase.kind === 'sending' ? phase : { kind: 'idle' };
  }
}

/** Plain-words key (a child of the STK result words) for how a request ended, and whether it is good news. */
export function stkResultKey(request: StkView): { key: string; ok: boolean } {
  if (request.status === 'succeeded') return { key: 'succeeded', ok: true };
  if (request.status === 'pending') return { key: 'pending', ok: false };
  return { key: request.errorCode ?? (request.status === 'timeout' ? 'stk-no-answer' : 'stk-failed'), ok: false };
}

/** Whether the screen should ask main again (and so keep a timer running). */
export function isFollowing(phase: StkPhase): phase is Extract<StkPhase, { kind: 'waiting' }> {
  return phase.kind === 'waiting';
}
