/**
 * What an STK result means for the request (integrations.md §4.3, mpesa-ingestion.md §5), as codes the
 * renderer words. 1037 (phone unreachable) and 1019 (expired) are timeouts; a retry is a new request.
 */
export const STK_STATUSES = ['pending', 'succeeded', 'failed', 'timeout'] as const;
export type StkStatus = (typeof STK_STATUSES)[number];

export const STK_ERROR_CODES = [
  'stk-cancelled', 'stk-insufficient-funds', 'stk-wrong-pin', 'stk-unreachable', 'stk-expired', 'stk-busy', 'stk-failed',
  /** Our own deadline passed with Daraja still saying "being processed". */
  'stk-no-answer',
  /** Talking to Daraja failed (client codes without the `mpesa.` prefix). */
  'timeout', 'unreachable', 'auth-failed', 'rejected', 'busy', 'bad-response',
] as const;
export type StkErrorCode = (typeof STK_ERROR_CODES)[number];

export function stkOutcome(resultCode: number): { status: StkStatus; errorCode: StkErrorCode | null } {
  switch (resultCode) {
    case 0: return { status: 'succeeded', errorCode: null };
    case 1: return { status: 'failed', errorCode: 'stk-insufficient-funds' };
    case 1032: return { status: 'failed', errorCode: 'stk-cancelled' };
    case 2001: return { status: 'failed', errorCode: 'stk-wrong-pin' };
    case 1037: return { status: 'timeout', errorCode: 'stk-unreachable' };
    case 1019: return { status: 'timeout', errorCode: 'stk-expired' };
    // "Unable to lock subscriber": another prompt is open on that phone; try again later.
    case 1001: return { status: 'failed', errorCode: 'stk-busy' };
    default: return { status: 'failed', errorCode: 'stk-failed' };
  }
}
