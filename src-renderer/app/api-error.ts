import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@shared/domain/errors';

/** An error envelope from main, or a transport failure dressed as one (code UNAVAILABLE). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly reason: string | undefined;

  constructor(body: ErrorBody) {
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
  return typeof b.message === 'string' && typeof b.code === 'string' && (ERROR_CODES as readonly string[]).includes(b.code);
}

/** Reads an envelope; anything that is not one becomes an INTERNAL error with `fallback` as message. */
export function unwrapEnvelope(envelope: unknown, fallback: string): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as { ok: unknown; data?: unknown; error?: unknown };
    if (e.ok === true) return e.data;
    if (e.ok === false && isErrorBody(e.error)) throw new ApiError(e.error);
  }
  throw new ApiError({ code: 'INTERNAL', message: fallback });
}
