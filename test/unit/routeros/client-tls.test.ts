import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RosTlsError, connectRouterOs, normaliseFingerprint, type RosConnection } from '../../../src-main/core/routeros/client';
import { TEST_CERTS, startScriptedRosServer, type ScriptedServer } from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const fingerprintA = new X509Certificate(TEST_CERTS.a.cert).fingerprint256;
const fingerprintB = new X509Certificate(TEST_CERTS.b.cert).fingerprint256;

async function tlsServer(which: 'a' | 'b' = 'a'): Promise<ScriptedServer> {
  const server = await startScriptedRosServer({
    tls: TEST_CERTS[which],
    handler: (cmd, conn) => {
      if (cmd.head !== '/system/identity/print') return false;
      conn.reply(cmd, ['!re', '=name=tls-router'], ['!done']);
      return true;
    },
  });
  servers.push(server);
  return server;
}

describe('API-SSL with certificate pinning', () => {
  it('trust on first use: connects and exposes the peer fingerprint', async () => {
    const server = await tlsServer();
    const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', tls: { pinnedSha256: null }, keepaliveIntervalMs: 0 });
    conns.push(ros);
    expect(ros.tlsFingerprintSha256).toBe(fingerprintA);
    expect(ros.tlsFingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await ros.print('/system/identity')).toEqual([{ name: 'tls-router' }]);
  });

  it('connects when the pin matches (case and separators do not matter)', async () => {
    const server = await tlsServer();
    for (const pin of [fingerprintA, fingerprintA.toLowerCase(), fingerprintA.replace(/:/g, '')]) {
      const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', tls: { pinnedSha256: pin }, keepaliveIntervalMs: 0 });
      conns.push(ros);
      expect(ros.tlsFingerprintSha256).toBe(fingerprintA);
    }
  });

  it('a different certificate → RosTlsError pin-mismatch before any credential is sent', async () => {
    const server = await tlsServer('b');
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', tls: { pinnedSha256: fingerprintA } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTlsError);
    expect(err).toMatchObject({ code: 'TLS', reason: 'pin-mismatch', expected: fingerprintA, actual: fingerprintB });
    expect((err as Error).message).toMatch(/No password was sent/);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.received()).toEqual([]);
  });

  it('a router whose api-ssl has no certificate (anonymous DH only) → RosTlsError no-certificate', async () => {
    const server = await startScriptedRosServer({ tls: 'anonymous' });
    servers.push(server);
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', tls: { pinnedSha256: null } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTlsError);
    expect(err).toMatchObject({ reason: 'no-certificate' });
    expect((err as Error).message).toMatch(/certificate/);
    expect(server.received()).toEqual([]);
  });

  it('TLS against a plain API port → RosTlsError handshake (or a closed connection), never a hang', async () => {
    const server = await startScriptedRosServer({});
    servers.push(server);
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'a', password: 'b', tls: { pinnedSha256: null }, connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(['TLS', 'CONNECTION', 'TIMEOUT']).toContain((err as { code: string }).code);
  });

  it('normalises fingerprints to Node\'s fingerprint256 form', () => {
    expect(normaliseFingerprint('ab:cd:0f')).toBe('AB:CD:0F');
    expect(normaliseFingerprint('abcd0f')).toBe('AB:CD:0F');
  });
});
