import { describe, expect, it } from 'vitest';
import {
  RosConnectionError,
  RosFatalError,
  RosLoginError,
  RosProtocolError,
  RosTimeoutError,
  RosTlsError,
  RosTrapError,
  isRosError,
  type RosError,
} from '../../../src-main/core/routeros/client';
import { toConnectionError } from '../../../src-main/core/routeros/client/net-errors';
import { tlsErrorFrom } from '../../../src-main/core/routeros/client/tls';

const errnoError = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });

describe('errno → RosConnectionError reason', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
    ['EWHATEVER', 'reset'],
  ] as const)('%s → %s', (code, reason) => {
    const err = toConnectionError(errnoError(code));
    expect(err).toBeInstanceOf(RosConnectionError);
    expect(err).toMatchObject({ code: 'CONNECTION', reason, errno: code });
    expect(err.message).toContain(code);
  });
});

describe('TLS error classification', () => {
  it('maps a handshake failure alert to no-certificate and other SSL errors to handshake', () => {
    const alert = Object.assign(new Error('SSL routines::sslv3 alert handshake failure'), {
      code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
      library: 'SSL routines',
    });
    expect(tlsErrorFrom(alert)).toMatchObject({ code: 'TLS', reason: 'no-certificate' });
    const wrongVersion = Object.assign(new Error('SSL routines::wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    expect(tlsErrorFrom(wrongVersion)).toMatchObject({ reason: 'handshake' });
    expect(tlsErrorFrom(errnoError('ECONNRESET'))).toBeNull();
  });
});

describe('error classes', () => {
  it('all share RosError, carry a code discriminant and a human message', () => {
    const errors: RosError[] = [
      new RosTrapError('/ppp/secret/add', 'failure: secret with the same name already exists', null),
      new RosFatalError('session terminated on request'),
      new RosTimeoutError('command', 10_000, '/ppp/secret/print'),
      new RosLoginError('bad-credentials', 'invalid user name or password (6)'),
      new RosConnectionError('refused', 'ECONNREFUSED'),
      new RosTlsError('no-certificate'),
      new RosProtocolError('control byte 0xf8'),
    ];
    expect(errors.map((e) => e.code)).toEqual(['TRAP', 'FATAL', 'TIMEOUT', 'LOGIN', 'CONNECTION', 'TLS', 'PROTOCOL']);
    for (const e of errors) {
      expect(isRosError(e)).toBe(true);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(e.constructor.name);
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect(errors[0]!.message).toBe('The router refused /ppp/secret/add: failure: secret with the same name already exists');
    expect(errors[5]!.message).toMatch(/api-ssl/);
  });
});

describe('connect options', () => {
  it('rejects an empty host or a port out of range with TypeError (a programming error, not a router failure)', async () => {
    const { connectRouterOs } = await import('../../../src-main/core/routeros/client');
    await expect(connectRouterOs({ host: ' ', username: 'a', password: 'b' })).rejects.toBeInstanceOf(TypeError);
    await expect(connectRouterOs({ host: '127.0.0.1', port: 70_000, username: 'a', password: 'b' })).rejects.toBeInstanceOf(TypeError);
  });
});
