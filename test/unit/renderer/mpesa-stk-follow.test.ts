import { describe, expect, it } from 'vitest';
import { MAX_CHECK_FAILURES, stkReducer, stkResultKey, type StkPhase, type StkView } from '../../../src-renderer/features/mpesa/stk-follow';

const ID = '0190a0b0-0000-7000-8000-0000000000a1';
function request(over: Partial<StkView> = {}): StkView {
  return {
    id: ID, subscriberId: null, phone: '+254712000222', amountMinor: 150_000, accountRef: 'ACC1', status: 'pending', errorCode: null,
    resultCode: null, receipt: null, paymentId: null, requestedAt: '2026-12-03T10:00:00.000Z', finishedAt: null, ...over,
  };
}
const run = (events: Parameters<typeof stkReducer>[1][], from: StkPhase = { kind: 'idle' }) => events.reduce(stkReducer, from);

describe('following an STK push on the screen', () => {
  it('goes from sending to waiting, counts each pending answer, and ends on the final one', () => {
    const waiting = run([{ type: 'send' }, { type: 'answer', request: request() }, { type: 'answer', request: request() }]);
    expect(waiting).toMatchObject({ kind: 'waiting', checks: 1, failures: 0 });
    const ended = stkReducer(waiting, { type: 'answer', request: request({ status: 'succeeded', receipt: 'RKA1AAAAA1' }) });
    expect(ended).toMatchObject({ kind: 'ended', request: { receipt: 'RKA1AAAAA1' } });
  });

  it('shows a refused push with main’s words and lets the form send again', () => {
    const refused = run([{ type: 'send' }, { type: 'refused', message: 'M-Pesa is not set up yet.' }]);
    expect(refused).toEqual({ kind: 'refused', message: 'M-Pesa is not set up yet.' });
    expect(stkReducer(refused, { type: 'send' })).toEqual({ kind: 'sending' });
  });

  it('never starts a second push while one is open (waiting, or lost after failed checks)', () => {
    const waiting = run([{ type: 'send' }, { type: 'answer', request: request() }]);
    expect(stkReducer(waiting, { type: 'send' })).toBe(waiting);
    expect(stkReducer(waiting, { type: 'reset' })).toBe(waiting);
    const lost = run(Array.from({ length: MAX_CHECK_FAILURES }, () => ({ type: 'check-failed' as const, message: 'offline' })), waiting);
    expect(lost).toMatchObject({ kind: 'lost', message: 'offline' });
    expect(stkReducer(lost, { type: 'send' })).toBe(lost);
  });

  it('stops asking only after repeated failed checks, and a good answer clears the failures', () => {
    const waiting = run([{ type: 'send' }, { type: 'answer', request: request() }, { type: 'check-failed', message: 'x' }]);
    expect(waiting).toMatchObject({ kind: 'waiting', failures: 1 });
    expect(stkReducer(waiting, { type: 'answer', request: request() })).toMatchObject({ kind: 'waiting', failures: 0 });
  });

  it('checks the same request again after losing it (no new push), then can end normally', () => {
    const lost = run([{ type: 'send' }, { type: 'answer', request: request() }, ...Array.from({ length: MAX_CHECK_FAILURES }, () => ({ type: 'check-failed' as const, message: 'x' }))]);
    const again = stkReducer(lost, { type: 'check-again' });
    expect(again).toMatchObject({ kind: 'waiting', request: { id: ID }, failures: 0 });
    expect(stkReducer(again, { type: 'answer', request: request({ status: 'timeout', errorCode: 'stk-no-answer' }) })).toMatchObject({ kind: 'ended' });
  });

  it('ignores a late answer about another request', () => {
    const waiting = run([{ type: 'send' }, { type: 'answer', request: request() }]);
    expect(stkReducer(waiting, { type: 'answer', request: request({ id: '0190a0b0-0000-7000-8000-0000000000ff', status: 'succeeded' }) })).toBe(waiting);
  });

  it('allows a new push once the request has ended, and reset returns to the form', () => {
    const ended = run([{ type: 'send' }, { type: 'answer', request: request({ status: 'failed', errorCode: 'stk-cancelled' }) }]);
    expect(ended.kind).toBe('ended');
    expect(stkReducer(ended, { type: 'send' })).toEqual({ kind: 'sending' });
    expect(stkReducer(ended, { type: 'reset' })).toEqual({ kind: 'idle' });
  });

  it('words the outcome by status and error code', () => {
    expect(stkResultKey(request({ status: 'succeeded' }))).toEqual({ key: 'succeeded', ok: true });
    expect(stkResultKey(request({ status: 'failed', errorCode: 'stk-wrong-pin' }))).toEqual({ key: 'stk-wrong-pin', ok: false });
    expect(stkResultKey(request({ status: 'timeout', errorCode: null }))).toEqual({ key: 'stk-no-answer', ok: false });
    expect(stkResultKey(request({ status: 'failed', errorCode: null }))).toEqual({ key: 'stk-failed', ok: false });
  });
});
