/** One error envelope for both transports (Electron IPC and HTTP). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined, '' for the whole input) → message shown next to that field. */
  fields?: Record<string, string>;
  /** Machine-readable detail, e.g. a router diagnosis kind. */
  reason?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Thrown by services; only the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.reason) body.reason = this.reason;
    return body;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string, fields?: Record<string, string>): AppError =>
  new AppError('CONFLICT', message, fields);
export const invalid = (fields: Record<string, string>, message = 'Please correct the highlighted fields.'): AppError =>
  new AppError('VALIDATION', message, fields);
export const forbidden = (message = 'You do not have permission to do that.'): AppError =>
  new AppError('FORBIDDEN', message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
