/**
 * API-SSL with certificate pinning. We never verify the router's certificate against a CA: routers carry
 * self-signed certificates, so trust is "the same certificate as last time" (TOFU), checked here before
 * any credential leaves the machine. Anonymous-DH API-SSL (a router without a certificate) is not offered:
 * Electron's BoringSSL has no ADH suites (integrations.md §1.1), so we report it as `no-certificate`.
 */
import type { TLSSocket } from 'node:tls';
import { RosTlsError } from './errors';
import { errnoOf } from './net-errors';

/** Node's `fingerprint256` form: uppercase hex pairs joined by ':'. Accepts lowercase or bare hex. */
export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? '';
}

/** Returns the peer fingerprint, or throws RosTlsError when there is none or it differs from the pin. */
export function checkPeerCertificate(socket: TLSSocket, pinnedSha256: string | null): string {
  const cert = socket.getPeerCertificate();
  const actual = cert && typeof cert.fingerprint256 === 'string' ? cert.fingerprint256 : '';
  if (!actual) throw new RosTlsError('no-certificate', { detail: 'the router presented no certificate' });
  const normalisedActual = normaliseFingerprint(actual);
  if (pinnedSha256 !== null && normaliseFingerprint(pinnedSha256) !== normalisedActual) {
    throw new RosTlsError('pin-mismatch', { expected: pinnedSha256, actual: normalisedActual });
  }
  return normalisedActual;
}

/**
 * OpenSSL/BoringSSL handshake errors → RosTlsError; null for anything that is not a TLS error
 * (plain socket errnos are mapped by net-errors).
 */
export function tlsErrorFrom(err: unknown): RosTlsError | null {
  const code = errnoOf(err) ?? '';
  const library = typeof err === 'object' && err !== null ? (err as { library?: unknown }).library : undefined;
  const isTls = code.startsWith('ERR_SSL_') || code === 'EPROTO' || (typeof library === 'string' && /SSL/i.test(library));
  if (!isTls) return null;
  const message = err instanceof Error ? err.message : String(err);
  // OpenSSL messages carry a source-file trailer; the short `reason` ("sslv3 alert handshake failure") reads better.
  const reasonText = typeof err === 'object' && err !== null ? (err as { reason?: unknown }).reason : undefined;
  const detail = typeof reasonText === 'string' && reasonText ? reasonText : (message.split('\n')[0] ?? message);
  // A router whose api-ssl has no certificate only offers anonymous DH suites, which we never offer,
  // so the handshake dies with "handshake failure" / "no shared cipher".
  if (/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|NO_CIPHERS|handshake failure|no shared cipher|no cipher/i.test(`${code} ${message}`)) {
    return new RosTlsError('no-certificate', { detail, cause: err });
  }
  return new RosTlsError('handshake', { detail, cause: err });
}
