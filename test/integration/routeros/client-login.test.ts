/** ISP Desk's RouterOS client against the simulator: login on every version, failures, unreachable hosts. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RosConnectionError,
  RosLoginError,
  connectRouterOs,
  type RosConnection,
} from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';

const sims: RouterSimulator[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close()));
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function sim(opts: SimulatorOptions): Promise<RouterSimulator> {
  const s = await startRouterSimulator({ port: 0, host: '127.0.0.1', ...opts });
  sims.push(s);
  return s;
}

async function connect(s: RouterSimulator, username: string, password: string): Promise<RosConnection> {
  const c = await connectRouterOs({ host: s.host, port: s.port, username, password, keepaliveIntervalMs: 0 });
  conns.push(c);
  return c;
}

describe('login against the simulator', () => {
  it.each(['7.16.2', '7.18', '6.49.17'])('modern login on %s', async (version) => {
    const s = await sim({ version, loginMode: 'modern', users: [{ name: 'admin', password: 'secret', group: 'full' }] });
    const ros = await connect(s, 'admin', 'secret');
    expect(ros.loginMethod).toBe('plain');
    expect(ros.isOpen).toBe(true);
    const [resource] = await ros.print('/system/resource', { proplist: ['version'] });
    expect(resource!.version).toContain(version);
  });

  it('legacy MD5 challenge login (pre-6.43 router)', async () => {
    const s = await sim({ version: '6.49.17', loginMode: 'legacy', users: [{ name: 'admin', password: 'secret', group: 'full' }] });
    const ros = await connect(s, 'admin', 'secret');
    expect(ros.loginMethod).toBe('challenge');
    expect(await ros.print('/system/identity')).toEqual([{ name: expect.any(String) }]);
  });

  it('legacy login with a non-ASCII password is byte-correct (UTF-8 bytes in the MD5)', async () => {
    const s = await sim({ version: '6.49.17', loginMode: 'legacy', users: [{ name: 'jürgen', password: 'pässwörd€', group: 'full' }] });
    const ros = await connect(s, 'jürgen', 'pässwörd€');
    expect(ros.loginMethod).toBe('challenge');
    const log = await ros.print('/log', { proplist: ['message'] });
    expect(log.some((r) => r.message?.includes('user jürgen logged in'))).toBe(true);
  });

  it('modern login with a non-ASCII password', async () => {
    const s = await sim({ version: '7.16.2', users: [{ name: 'admin', password: 'pässwörd€', group: 'full' }] });
    const ros = await connect(s, 'admin', 'pässwörd€');
    expect(ros.loginMethod).toBe('plain');
  });

  it.each(['modern', 'legacy'] as const)('a wrong password → RosLoginError bad-credentials (%s)', async (loginMode) => {
    const s = await sim({ version: loginMode === 'legacy' ? '6.49.17' : '7.16.2', loginMode, users: [{ name: 'admin', password: 'secret', group: 'full' }] });
    const err = await connectRouterOs({ host: s.host, port: s.port, username: 'admin', password: 'wrong' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosLoginError);
    expect(err).toMatchObject({
      code: 'LOGIN',
      reason: 'bad-credentials',
      routerMessage: loginMode === 'legacy' ? 'cannot log in' : 'invalid user name or password (6)',
    });
  });

  it('refuseLogin fault → RosLoginError bad-credentials', async () => {
    const s = await sim({ version: '7.16.2', users: [{ name: 'admin', password: 'secret', group: 'full' }] });
    s.faults.set({ refuseLogin: true });
    await expect(connectRouterOs({ host: s.host, port: s.port, username: 'admin', password: 'secret' })).rejects.toMatchObject({
      code: 'LOGIN',
      reason: 'bad-credentials',
    });
    s.faults.clear();
    await connect(s, 'admin', 'secret');
  });

  it('a user whose group lacks the api policy → RosLoginError no-api-policy', async () => {
    const s = await sim({
      version: '7.16.2',
      groups: [{ name: 'winbox-only', policy: 'read,winbox,!api' }],
      users: [{ name: 'tech', password: 'secret', group: 'winbox-only' }],
    });
    const err = await connectRouterOs({ host: s.host, port: s.port, username: 'tech', password: 'secret' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'LOGIN', reason: 'no-api-policy', routerMessage: 'not enough permissions (9)' });
    expect((err as Error).message).toMatch(/"api" policy/);
  });
});

describe('unreachable routers', () => {
  it('a closed port → RosConnectionError refused', async () => {
    const s = await sim({ version: '7.16.2', users: [] });
    const port = s.port;
    await s.stop();
    sims.pop();
    const err = await connectRouterOs({ host: '127.0.0.1', port, username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosConnectionError);
    expect(err).toMatchObject({ reason: 'refused', errno: 'ECONNREFUSED' });
  });

  it('an unresolvable host → RosConnectionError dns', async () => {
    await expect(
      connectRouterOs({ host: 'nonexistent.invalid', username: 'a', password: 'b', connectTimeoutMs: 4000 }),
    ).rejects.toMatchObject({ code: 'CONNECTION', reason: 'dns' });
  });

  it('a port that accepts TCP but never speaks → RosTimeoutError (login stage)', async () => {
    const mute = net.createServer((sock) => sock.on('error', () => undefined));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    try {
      const port = (mute.address() as net.AddressInfo).port;
      await expect(
        connectRouterOs({ host: '127.0.0.1', port, username: 'a', password: 'b', connectTimeoutMs: 200 }),
      ).rejects.toMatchObject({ code: 'TIMEOUT', stage: 'login', timeoutMs: 200 });
    } finally {
      mute.close();
    }
  });
});
