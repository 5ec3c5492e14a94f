import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@shared/domain/errors';
import { errorText, fieldText } from './messages';

/** An error already in words: built from main's envelope by `unwrapEnvelope`, or by the renderer itself. */
export interface WordedError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string> | undefined;
  reason?: string | undefined;
}

/** An error envelope from main, or a transport failure dressed as one (code UNAVAILABLE). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly reason: string | undefined;

  constructor(body: WordedError) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields;
    this.reason = body.reason;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return (typeof b.key === 'string' || typeof b.message === 'string') && typeof b.code === 'string' && (ERROR_CODES as readonly string[]).includes(b.code);
}

/** Main sends codes with parameters; here they become words in the user's language. */
export function wordError(body: ErrorBody): WordedError {
  const fields = body.fields ? Object.fromEntries(Object.entries(body.fields).map(([path, v]) => [path, fieldText(v)])) : undefined;
  return { code: body.code, message: errorText(body), fields, reason: body.reason };
}

/** Reads an envelope; anything that is not one becomes an INTERNAL error with `fallback` as message. */
export function unwrapEnvelope(envelope: unknown, fallback: string): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as { ok: unknown; data?: unknown; error?: unknown };
    if (e.ok === true) return e.data;
    if (e.ok === false && isErrorBody(e.error)) throw new ApiError(wordError(e.error));
  }
  throw new ApiError({ code: 'INTERNAL', message: fallback });
}
