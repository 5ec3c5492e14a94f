import type { Diagnosis } from '@shared/contract/routers';
import { AppError } from '@shared/domain/errors';
import {
  RosConnectionError, RosFatalError, RosLoginError, RosOutcomeUnknownError, RosProtocolError, RosTimeoutError, RosTlsError, RosTrapError,
} from '../routeros/client';

export type DiagnosisKind = Diagnosis['kind'];

export interface Explained {
  kind: DiagnosisKind;
  message: string;
  hint: string;
}

export function isPermissionTrap(e: unknown): boolean {
  return e instanceof RosTrapError && /not enough permissions|permission denied/i.test(e.trapMessage);
}

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
  const where = `${target.host}:${target.port}`;
  const service = target.useTls ? 'api-ssl' : 'api';
  if (e instanceof RosOutcomeUnknownError && e.cause !== undefined) return explainRouterError(e.cause, target, context);
  // A router that worked and went quiet lost power or its uplink; its API settings did not change, so
  // "enable the api service" (refused while it reboots) or "firewall" advice would send people astray.
  // `refused` is excluded: a router that answers with a TCP reset is powered and reachable.
  const lostLink = e instanceof RosConnectionError ? e.reason !== 'dns' && e.reason !== 'refused' : e instanceof RosTimeoutError;
  if ((e instanceof RosConnectionError && e.reason === 'silent') || (context.wasOnline === true && lostLink)) {
    return { kind: 'went-silent', message: `${where} was online and stopped answering.`, hint: 'Unreachable: check the router\'s power and its uplink (or the VPN/tunnel to the site).' };
  }
  if (e instanceof RosConnectionError) {
    switch (e.reason) {
      case 'refused':
        return { kind: 'refused', message: `${where} refused the connection.`, hint: `Enable the ${service} service on the router (IP → Services) and check the port: API is 8728, API-SSL is 8729.` };
      case 'dns':
        return { kind: 'dns', message: `The name ${target.host} could not be resolved.`, hint: 'Check the spelling, or use the router\'s IP address.' };
      case 'unreachable':
        return { kind: 'unreachable', message: `There is no route from this computer to ${target.host}.`, hint: 'Check the cable/Wi-Fi, the VPN or tunnel to the site, and the IP address.' };
      case 'silent':
      case 'timeout':
        return { kind: 'timeout', message: `${where} did not answer in time.`, hint: `A firewall may be dropping TCP ${target.port}, the router may be off, or the route/VPN is down. Allow this computer in /ip firewall filter and in the ${service} service's "available from".` };
      case 'reset':
      case 'closed':
        return { kind: 'reset', message: `${where} closed the connection straight away.`, hint: `The ${service} service's "available from" list probably excludes this computer's address.` };
    }
  }
  if (e instanceof RosTimeoutError) {
    return e.stage === 'command'
      ? { kind: 'timeout', message: `The router stopped answering (${e.path ?? 'a command'} took over ${e.timeoutMs} ms).`, hint: 'The router may be overloaded or the link is very poor; try again.' }
      : { kind: 'timeout', message: `${where} did not complete the ${e.stage === 'login' ? 'API login' : 'connection'} in ${e.timeoutMs} ms.`, hint: `A firewall may be dropping TCP ${target.port}, or the router is overloaded.` };
  }
  if (e instanceof RosTlsError) {
    if (e.reason === 'pin-mismatch') {
      return { kind: 'tls-pin-mismatch', message: "The router's certificate is not the one trusted for it. No password was sent.", hint: 'If the certificate was replaced on purpose, choose "Trust new certificate". Otherwise someone may be intercepting the connection.' };
    }
    if (e.reason === 'no-certificate') {
      return { kind: 'tls-no-certificate', message: 'API-SSL on this router has no certificate, which ISP Desk cannot use.', hint: 'Create a certificate and set it on the api-ssl service (the bootstrap script does this), or use the plain API over a trusted LAN/VPN.' };
    }
    return { kind: 'tls-handshake', message: `The TLS handshake with ${where} failed.`, hint: 'Check that this port really is api-ssl and that the router has a valid certificate.' };
  }
  if (e instanceof RosLoginError) {
    return e.reason === 'no-api-policy'
      ? { kind: 'no-api-policy', message: "The router user's group does not have the 'api' policy.", hint: 'Give the group the api, read and write policies (/user group), or use the bootstrap script.' }
      : e.reason === 'bad-credentials'
        ? { kind: 'bad-credentials', message: 'The router rejected the user name or password.', hint: 'Check the API user and password (they are case-sensitive) in /user on the router.' }
        : { kind: 'error', message: `The router refused the login: ${e.routerMessage}`, hint: 'Check the user on the router.' };
  }
  if (isPermissionTrap(e)) {
    return { kind: 'missing-policy', message: 'The router user is not allowed to do this.', hint: "Give the user's group the read and write policies." };
  }
  if (e instanceof RosTrapError) return { kind: 'error', message: `The router refused: ${e.trapMessage}`, hint: '' };
  if (e instanceof RosFatalError) return { kind: 'reset', message: `The router ended the session: ${e.reason}`, hint: 'Try again; if it repeats, check the router log.' };
  if (e instanceof RosProtocolError) return { kind: 'error', message: e.message, hint: 'Is this port really the RouterOS API?' };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e), hint: '' };
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
    if (/no such item/.test(msg)) return new AppError('NOT_FOUND', 'That item no longer exists on the router (it may have been removed already).');
    if (/already (have|exists)|same name already exists/.test(msg)) return new AppError('CONFLICT', `The router says: ${msg}`, { name: msg });
    for (const [re, field] of TRAP_FIELDS) {
      const m = re.exec(msg);
      if (m) {
        const f = field.replace('$1', m[1]!).replace(/-([a-z])/g, (_x, c: string) => c.toUpperCase());
        return new AppError('VALIDATION', `The router says: ${msg}`, { [f]: msg });
      }
    }
    return new AppError('VALIDATION', `The router refused: ${msg}`);
  }
  const ex = explainRouterError(e, target);
  return new AppError('UNAVAILABLE', `${ex.message}${ex.hint ? ` ${ex.hint}` : ''}`, undefined, ex.kind);
}
