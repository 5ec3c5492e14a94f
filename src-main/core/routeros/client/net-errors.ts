import { RosConnectionError, type RosConnectionReason } from './errors';

const ERRNO_REASON: Readonly<Record<string, RosConnectionReason>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  ERR_STREAM_DESTROYED: 'closed',
  ERR_STREAM_WRITE_AFTER_END: 'closed',
  ERR_SOCKET_CLOSED: 'closed',
};

export function errnoOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Socket-level errno → typed connection error; null when the errno is not a plain network error. */
export function connectionErrorFromErrno(err: unknown): RosConnectionError | null {
  const errno = errnoOf(err);
  if (errno === undefined) return null;
  const reason = ERRNO_REASON[errno];
  return reason ? new RosConnectionError(reason, errno, { cause: err }) : null;
}

/** Any socket error → typed connection error (unknown errnos count as a reset: the link is gone). */
export function toConnectionError(err: unknown): RosConnectionError {
  return connectionErrorFromErrno(err) ?? new RosConnectionError('reset', errnoOf(err), { cause: err });
}
