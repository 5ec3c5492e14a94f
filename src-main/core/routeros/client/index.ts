/**
 * ISP Desk's RouterOS API client (integrations.md §2.4). Usage:
 *
 *   const ros = await connectRouterOs({ host, username, password });
 *   const secrets = await ros.print('/ppp/secret', { where: { name: 'alice' }, proplist: ['.id', 'name'] });
 *   const id = await ros.add('/ppp/secret', { name: 'bob', password: 'x', profile: 'default' });
 *   for await (const row of ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } })) { ... }
 *   await ros.close();
 *
 * Every failure is a RosError subclass with a `code` discriminant and a message fit for users.
 */
import { RouterOsConnection } from './connection';
import { RosError, RosProtocolError } from './errors';
import { login } from './login';
import { openTransport } from './transport';
import type { RosConnectOptions, RosConnection } from './types';

export type {
  RosArgs,
  RosAttributes,
  RosCommandOptions,
  RosConnectOptions,
  RosConnection,
  RosPrintOptions,
  RosResult,
  RosRow,
  RosStream,
  RosStreamOptions,
} from './types';
export type { WordEncoding } from '../codec/word-codec';
/** A value's bytes on the wire in a connection's encoding, and back (e.g. to count or join what was read). */
export { bytesToText, textToBytes } from '../codec/word-codec';
export { changedAttributes, sameRosValue } from './diff';
export {
  RosConnectionError,
  RosError,
  RosFatalError,
  RosLoginError,
  RosOutcomeUnknownError,
  RosProtocolError,
  RosStreamOverflowError,
  RosTimeoutError,
  RosTlsError,
  RosTrapError,
  isRosError,
} from './errors';
export type {
  RosConnectionReason,
  RosErrorCode,
  RosLoginReason,
  RosOutcomeUnknownReason,
  RosTimeoutStage,
  RosTlsReason,
} from './errors';
export { normaliseFingerprint } from './tls';

export const ROS_DEFAULTS = {
  port: 8728,
  tlsPort: 8729,
  connectTimeoutMs: 5000,
  commandTimeoutMs: 10_000,
  keepaliveIntervalMs: 30_000,
  deadAfterMs: 10_000,
  deadAfterTimeouts: 3,
  maxWordBytes: 16 * 1024 * 1024,
  maxSentenceBytes: 16 * 1024 * 1024,
  encoding: 'utf8-lossless',
} as const;

export async function connectRouterOs(opts: RosConnectOptions): Promise<RosConnection> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? ROS_DEFAULTS.connectTimeoutMs;
  const port = opts.port ?? (opts.tls ? ROS_DEFAULTS.tlsPort : ROS_DEFAULTS.port);
  const encoding = opts.encoding ?? ROS_DEFAULTS.encoding;
  // Bad options are programming errors (the settings form validates them), not router failures.
  if (typeof opts.host !== 'string' || opts.host.trim() === '') throw new TypeError('RouterOS host is empty');
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new TypeError(`RouterOS API port out of range: ${port}`);
  const startedAt = Date.now();
  const transport = await openTransport({
    host: opts.host,
    port,
    timeoutMs: connectTimeoutMs,
    ...(opts.tls ? { tls: opts.tls } : {}),
  });
  const conn = new RouterOsConnection(transport.socket, {
    host: opts.host,
    port,
    encoding,
    commandTimeoutMs: opts.commandTimeoutMs ?? ROS_DEFAULTS.commandTimeoutMs,
    keepaliveIntervalMs: opts.keepaliveIntervalMs ?? ROS_DEFAULTS.keepaliveIntervalMs,
    deadAfterMs: opts.deadAfterMs ?? ROS_DEFAULTS.deadAfterMs,
    deadAfterTimeouts: opts.deadAfterTimeouts ?? ROS_DEFAULTS.deadAfterTimeouts,
    maxWordBytes: opts.maxWordBytes ?? ROS_DEFAULTS.maxWordBytes,
    maxSentenceBytes: opts.maxSentenceBytes ?? ROS_DEFAULTS.maxSentenceBytes,
    tlsFingerprintSha256: transport.fingerprint,
  });
  try {
    const method = await login(conn, {
      username: opts.username,
      password: opts.password,
      encoding,
      timeoutMs: connectTimeoutMs - (Date.now() - startedAt),
      connectTimeoutMs,
    });
    conn.markLoggedIn(method);
    return conn;
  } catch (err) {
    const error = err instanceof RosError ? err : new RosProtocolError('login failed unexpectedly', { cause: err });
    conn.destroy(error);
    throw error;
  }
}
