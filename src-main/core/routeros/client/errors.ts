/**
 * Typed errors of the RouterOS API client. Every message is written to be shown to an ISP operator
 * as is: it says what happened and, where there is one, what to change on the router.
 */

export type RosErrorCode =
  | 'TRAP'
  | 'FATAL'
  | 'TIMEOUT'
  | 'OUTCOME_UNKNOWN'
  | 'LOGIN'
  | 'CONNECTION'
  | 'TLS'
  | 'PROTOCOL'
  | 'STREAM_OVERFLOW';

export abstract class RosError extends Error {
  abstract readonly code: RosErrorCode;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The router refused a command (`!trap`). RouterOS categories: integrations.md §1.8. */
export class RosTrapError extends RosError {
  readonly code = 'TRAP' as const;

  constructor(
    readonly path: string,
    readonly trapMessage: string,
    readonly category: number | null,
  ) {
    super(`The router refused ${path}: ${trapMessage}`);
  }
}

/** The router ended the session (`!fatal <reason>`); the connection is closed. */
export class RosFatalError extends RosError {
  readonly code = 'FATAL' as const;

  constructor(readonly reason: string) {
    super(`The router closed the API session: ${reason || 'no reason given'}`);
  }
}

export type RosTimeoutStage = 'connect' | 'login' | 'command';

export class RosTimeoutError extends RosError {
  readonly code = 'TIMEOUT' as const;

  constructor(
    readonly stage: RosTimeoutStage,
    readonly timeoutMs: number,
    readonly path?: string,
    /**
     * For a command: whether its sentence had left this computer. A command still queued when it timed
     * out is removed from the queue and never sent, so retrying it is safe.
     */
    readonly sent?: boolean,
  ) {
    super(
      stage === 'connect'
        ? `The router did not accept the connection within ${timeoutMs} ms`
        : stage === 'login'
          ? `The router did not finish the API login within ${timeoutMs} ms`
          : `The router did not answer ${path ?? 'a command'} within ${timeoutMs} ms`,
    );
  }
}

export type RosLoginReason = 'bad-credentials' | 'no-api-policy' | 'other';

export class RosLoginError extends RosError {
  readonly code = 'LOGIN' as const;

  constructor(
    readonly reason: RosLoginReason,
    readonly routerMessage: string,
  ) {
    super(
      reason === 'bad-credentials'
        ? `The router rejected the user name or password (${routerMessage})`
        : reason === 'no-api-policy'
          ? `The router user may not use the API: give its group the "api" policy (${routerMessage})`
          : `The router refused the API login: ${routerMessage}`,
    );
  }
}

/** `silent`: an open session on which the router stopped sending anything (dead-router detection). */
export type RosConnectionReason = 'refused' | 'dns' | 'unreachable' | 'timeout' | 'silent' | 'reset' | 'closed';

const CONNECTION_TEXT: Record<RosConnectionReason, string> = {
  refused: 'The router refused the connection: is the API service enabled and is the port right?',
  dns: 'The router host name could not be resolved',
  unreachable: 'The router cannot be reached from this computer (no route to host)',
  timeout: 'The connection to the router timed out',
  silent: 'The router stopped answering; the connection was closed (is it powered and is its uplink up?)',
  reset: 'The router reset the connection',
  closed: 'The connection to the router is closed',
};

export class RosConnectionError extends RosError {
  readonly code = 'CONNECTION' as const;

  constructor(
    readonly reason: RosConnectionReason,
    readonly errno?: string,
    options?: { cause?: unknown },
  ) {
    super(errno ? `${CONNECTION_TEXT[reason]} (${errno})` : CONNECTION_TEXT[reason], options);
  }
}

export type RosTlsReason = 'pin-mismatch' | 'no-certificate' | 'handshake';

export class RosTlsError extends RosError {
  readonly code = 'TLS' as const;

  constructor(
    readonly reason: RosTlsReason,
    details: { expected?: string; actual?: string; detail?: string; cause?: unknown } = {},
  ) {
    super(RosTlsError.describe(reason, details), { cause: details.cause });
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
  }

  readonly expected?: string;
  readonly actual?: string;

  private static describe(reason: RosTlsReason, d: { expected?: string; actual?: string; detail?: string }): string {
    if (reason === 'pin-mismatch') {
      return (
        `The router's API-SSL certificate is not the one trusted for this router ` +
        `(expected ${d.expected ?? '?'}, got ${d.actual ?? '?'}). No password was sent. ` +
        `If the certificate was replaced on purpose, trust the new one.`
      );
    }
    if (reason === 'no-certificate') {
      return (
        'The router offers API-SSL without a certificate, which this app cannot use: ' +
        'set a certificate on the router\'s api-ssl service (/ip service set api-ssl certificate=...)' +
        (d.detail ? ` (${d.detail})` : '')
      );
    }
    return `The TLS handshake with the router failed${d.detail ? `: ${d.detail}` : ''}`;
  }
}

/** The byte stream from the router could not be understood (control byte, unknown reply word, garbage). */
export class RosProtocolError extends RosError {
  readonly code = 'PROTOCOL' as const;

  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The router sent something this app does not understand: ${detail}`, options);
  }
}

export function isRosError(err: unknown): err is RosError {
  return err instanceof RosError;
}

export type RosOutcomeUnknownReason = 'timeout' | 'connection-lost';

/**
 * A command that changes the router (anything but a read) was sent, and then it timed out or the
 * connection died before its `!done`: the router may or may not have applied it. Read back before
 * retrying. `cause` is the RosTimeoutError or the error that ended the connection.
 */
export class RosOutcomeUnknownError extends RosError {
  readonly code = 'OUTCOME_UNKNOWN' as const;

  constructor(
    readonly path: string,
    readonly reason: RosOutcomeUnknownReason,
    options: { cause: RosError },
  ) {
    super(
      `${path} was sent but ${reason === 'timeout' ? 'not answered in time' : 'the connection was lost before the answer'}; ` +
        'the router may or may not have applied it — check before retrying',
      options,
    );
  }
}

/** A stream's consumer did not keep up: rows piled past the high-water mark for too long, so it was cancelled. */
export class RosStreamOverflowError extends RosError {
  readonly code = 'STREAM_OVERFLOW' as const;

  constructor(
    readonly path: string,
    readonly queuedRows: number,
  ) {
    super(`The stream ${path} was stopped: ${queuedRows} rows were waiting unread`);
  }
}
