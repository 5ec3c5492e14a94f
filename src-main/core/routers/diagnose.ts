import type { Diagnosis } from '@shared/contract/routers';
import { diagnosisOf, type DiagnosisCode, type DiagnosisNote, type DiagnosisParams } from '@shared/contract/diagnosis';
import { AppError } from '@shared/domain/errors';
import {
  RosConnectionError, RosFatalError, RosLoginError, RosOutcomeUnknownError, RosProtocolError, RosTimeoutError, RosTlsError, RosTrapError,
} from '../routeros/client';

export type DiagnosisKind = Diagnosis['kind'];

/** A failure sorted for the screen (`kind`: tone and actions) with the note the renderer words. */
export interface Explained {
  kind: DiagnosisKind;
  note: DiagnosisNote;
}

export function isPermissionTrap(e: unknown): boolean {
  return e instanceof RosTrapError && /not enough permissions|permission denied/i.test(e.trapMessage);
}

const explained = <C extends DiagnosisCode>(kind: DiagnosisKind, code: C, params: DiagnosisParams<C>): Explained => ({ kind, note: diagnosisOf(code, params) });

/**
 * Turns a RouterOS/network failure into what a technician can act on — the most common support
 * problem for ISP tools is "cannot connect to the router" with no reason given (peers.md §3.1).
 */
export function explainRouterError(
  e: unknown,
  target: { host: string; port: number; useTls: boolean },
  /** wasOnline: the router answered the API before (its RouterOS version is known). */
  context: { wasOnline?: boolean } = {},
): Explained {
  const endpoint = { host: target.host, port: target.port, service: target.useTls ? 'api-ssl' as const : 'api' as const };
  if (e instanceof RosOutcomeUnknownError && e.cause !== undefined) return explainRouterError(e.cause, target, context);
  // A router that worked and went quiet lost power or its uplink; its API settings did not change, so
  // "enable the api service" (refused while it reboots) or "firewall" advice would send people astray.
  // `refused` is excluded: a router that answers with a TCP reset is powered and reachable.
  const lostLink = e instanceof RosConnectionError ? e.reason !== 'dns' && e.reason !== 'refused' : e instanceof RosTimeoutError;
  if ((e instanceof RosConnectionError && e.reason === 'silent') || (context.wasOnline === true && lostLink)) {
    return explained('went-silent', 'went-silent', { host: target.host, port: target.port });
  }
  if (e instanceof RosConnectionError) {
    switch (e.reason) {
      case 'refused': return explained('refused', 'refused', endpoint);
      case 'dns': return explained('dns', 'dns', { host: target.host });
      case 'unreachable': return explained('unreachable', 'unreachable', { host: target.host });
      case 'silent':
      case 'timeout': return explained('timeout', 'connect-timeout', endpoint);
      case 'reset':
      case 'closed':
        return explained('reset', 'reset', endpoint);
    }
  }
  if (e instanceof RosTimeoutError) {
    return e.stage === 'command'
      ? explained('timeout', 'command-timeout', { path: e.path ?? null, timeoutMs: e.timeoutMs })
      : explained('timeout', e.stage === 'login' ? 'login-timeout' : 'connect-timeout', { ...endpoint, timeoutMs: e.timeoutMs });
  }
  if (e instanceof RosTlsError) {
    if (e.reason === 'pin-mismatch') return explained('tls-pin-mismatch', 'tls-pin-mismatch', {});
    if (e.reason === 'no-certificate') return explained('tls-no-certificate', 'tls-no-certificate', {});
    return explained('tls-handshake', 'tls-handshake', endpoint);
  }
  if (e instanceof RosLoginError) {
    return e.reason === 'no-api-policy'
      ? explained('no-api-policy', 'no-api-policy', {})
      : e.reason === 'bad-credentials'
        ? explained('bad-credentials', 'bad-credentials', {})
        : explained('error', 'login-refused', { routerMessage: e.routerMessage });
  }
  if (isPermissionTrap(e)) return explained('missing-policy', 'permission-denied', {});
  if (e instanceof RosTrapError) return explained('error', 'router-refused', { routerMessage: e.trapMessage });
  if (e instanceof RosFatalError) return explained('reset', 'session-ended', { reason: e.reason });
  if (e instanceof RosProtocolError) return explained('error', 'not-routeros', { detail: e.message });
  return explained('error', 'unexpected', { detail: e instanceof Error ? e.message : String(e) });
}

const TRAP_FIELDS: [RegExp, string][] = [
  [/input does not match any value of (\S+)/, '$1'],
  [/invalid value for argument (\S+)/, '$1'],
  [/unknown parameter (\S+)/, '$1'],
];

/** Turns a failure during a dashboard action into the one error envelope (router faults never crash). */
export function routerFailure(e: unknown, target: { host: string; port: number; useTls: boolean }): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof RosTrapError && !isPermissionTrap(e)) {
    const msg = e.trapMessage;
    if (/no such item/.test(msg)) return new AppError('NOT_FOUND', 'router.item-gone');
    const params = { routerMessage: msg };
    if (/already (have|exists)|same name already exists/.test(msg)) return new AppError('CONFLICT', 'router.refused', { params, fields: { name: 'router-refused' } });
    for (const [re, field] of TRAP_FIELDS) {
      const m = re.exec(msg);
      if (m) {
        const f = field.replace('$1', m[1]!).replace(/-([a-z])/g, (_x, c: string) => c.toUpperCase());
        return new AppError('VALIDATION', 'router.refused', { params, fields: { [f]: 'router-refused' } });
      }
    }
    return new AppError('VALIDATION', 'router.refused', { params });
  }
  const ex = explainRouterError(e, target);
  return new AppError('UNAVAILABLE', 'router.unavailable', { params: { note: ex.note }, reason: ex.kind });
}
