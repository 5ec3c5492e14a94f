import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouterOs, type RosConnection } from '../../../src-main/core/routeros/client';
import { classifyLoginMessage, legacyResponse } from '../../../src-main/core/routeros/client/login';
import { startScriptedRosServer, type ScriptedServer } from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('legacy (pre-6.43) challenge login', () => {
  it('hashes 0x00 + password bytes + challenge bytes', () => {
    const challenge = '0123456789abcdef0123456789abcdef';
    const expected = createHash('md5')
      .update(Buffer.from('00' + Buffer.from('secret').toString('hex') + challenge, 'hex'))
      .digest('hex');
    expect(legacyResponse('secret', challenge, 'utf8')).toBe(`00${expected}`);
  });

  it('uses the encoded bytes of a non-ASCII password (13 UTF-8 bytes for "pässwörd€", not 9 chars)', () => {
    const challenge = 'ffeeddccbbaa99887766554433221100';
    const utf8 = Buffer.from('pässwörd€', 'utf8');
    expect(utf8.length).toBe(13);
    const expected = createHash('md5').update(Buffer.concat([Buffer.from([0]), utf8, Buffer.from(challenge, 'hex')])).digest('hex');
    expect(legacyResponse('pässwörd€', challenge, 'utf8')).toBe(`00${expected}`);
    const cp1252 = Buffer.from([0x70, 0xe4, 0x73, 0x73, 0x77, 0xf6, 0x72, 0x64, 0x80]);
    const expected1252 = createHash('md5').update(Buffer.concat([Buffer.from([0]), cp1252, Buffer.from(challenge, 'hex')])).digest('hex');
    expect(legacyResponse('pässwörd€', challenge, 'win1252')).toBe(`00${expected1252}`);
  });

  it.each(['utf8', 'win1252'] as const)('logs in against a legacy router with a non-ASCII password (%s)', async (encoding) => {
    const server = await startScriptedRosServer({ login: 'legacy', encoding, users: [{ name: 'admin', password: 'pässwörd€' }] });
    servers.push(server);
    const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'pässwörd€', encoding, keepaliveIntervalMs: 0 });
    conns.push(ros);
    expect(ros.loginMethod).toBe('challenge');
    const [first, second] = server.received();
    expect(first!.attributes).toEqual({ name: 'admin', password: 'pässwörd€' });
    expect(second!.attributes.response).toMatch(/^00[0-9a-f]{32}$/);
    expect(second!.attributes.password).toBeUndefined();
  });

  it('logs in with the plain method on a modern router with a non-ASCII password', async () => {
    const server = await startScriptedRosServer({ users: [{ name: 'jürgen', password: 'pässwörd€' }] });
    servers.push(server);
    const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'jürgen', password: 'pässwörd€', keepaliveIntervalMs: 0 });
    conns.push(ros);
    expect(ros.loginMethod).toBe('plain');
  });
});

describe('login trap classification', () => {
  it.each([
    ['invalid user name or password (6)', 'bad-credentials'],
    ['cannot log in', 'bad-credentials'],
    ['not enough permissions (9)', 'no-api-policy'],
    ['something else', 'other'],
  ] as const)('%s → %s', (message, reason) => {
    expect(classifyLoginMessage(message)).toBe(reason);
  });
});
