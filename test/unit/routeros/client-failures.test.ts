import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedSentence } from '../../../src-main/core/routeros/codec/sentence';
import { encodeSentence } from '../../../src-main/core/routeros/codec/word-codec';
import {
  RosConnectionError,
  RosError,
  RosFatalError,
  RosLoginError,
  RosProtocolError,
  RosTimeoutError,
  connectRouterOs,
  type RosConnectOptions,
  type RosConnection,
} from '../../../src-main/core/routeros/client';
import {
  startScriptedRosServer,
  type ScriptedConnection,
  type ScriptedServer,
  type ScriptedServerOptions,
} from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown): void => {
  uncaught.push(err);
};

beforeEach(() => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
});

afterEach(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  expect(uncaught.splice(0)).toEqual([]);
});

async function setup(
  opts: ScriptedServerOptions,
  connect: Partial<RosConnectOptions> = {},
): Promise<{ server: ScriptedServer; ros: RosConnection; conn: ScriptedConnection }> {
  const server = await startScriptedRosServer(opts);
  servers.push(server);
  const ros = await connectRouterOs({
    host: server.host,
    port: server.port,
    username: 'admin',
    password: 'secret',
    keepaliveIntervalMs: 0,
    commandTimeoutMs: 2000,
    ...connect,
  });
  conns.push(ros);
  const conn = server.connections[0]!;
  return { server, ros, conn };
}

/** Holds every command (never answers) so the test decides what the router sends. */
function holding(): { held: ParsedSentence[]; handler: ScriptedServerOptions['handler'] } {
  const held: ParsedSentence[] = [];
  return {
    held,
    handler: (cmd, conn) => {
      if (cmd.head === '/system/identity/print') conn.reply(cmd, ['!re', '=name=MikroTik'], ['!done']);
      else held.push(cmd);
      return true;
    },
  };
}

function closeSpy(ros: RosConnection): Promise<RosError | null> {
  return new Promise((resolve) => ros.onClose(resolve));
}

describe('connection failures never throw, they reject with typed errors', () => {
  it('!fatal rejects every pending command with RosFatalError and closes', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const closed = closeSpy(ros);
    const pending = [ros.print('/ppp/secret'), ros.command('/ping', { attributes: { address: '1.1.1.1' } })];
    await vi.waitFor(() => expect(h.held).toHaveLength(2));
    conn.send(['!fatal', 'out of memory']);
    for (const p of pending) {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RosFatalError);
      expect(err).toMatchObject({ code: 'FATAL', reason: 'out of memory' });
    }
    expect(await closed).toBeInstanceOf(RosFatalError);
    expect(ros.isOpen).toBe(false);
    await expect(ros.print('/system/identity')).rejects.toBeInstanceOf(RosError);
  });

  it('garbage (an untagged unknown word) closes with RosProtocolError', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const pending = ros.print('/ppp/secret');
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    conn.sendRaw(encodeSentence(['HTTP/1.1 400 Bad Request', 'Content-Length: 0']));
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosProtocolError);
    expect(err).toMatchObject({ code: 'PROTOCOL' });
    expect((err as Error).message).toContain('HTTP/1.1 400');
    expect(ros.isOpen).toBe(false);
  });

  it.each([1, 2, 3, 4, 5])('random garbage (seed %i) ends every pending command with a typed error', async (seed) => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler }, { commandTimeoutMs: 300 });
    const pending = [ros.print('/ppp/secret'), ros.print('/ip/address')];
    await vi.waitFor(() => expect(h.held).toHaveLength(2));
    let x = seed * 2654435761;
    const junk = Buffer.from(
      Array.from({ length: 512 }, () => {
        x = (x * 1103515245 + 12345) >>> 0;
        return x >>> 24;
      }),
    );
    conn.sendRaw(junk);
    for (const p of pending) {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RosError);
      expect(['PROTOCOL', 'TIMEOUT', 'CONNECTION']).toContain((err as RosError).code);
    }
  });

  it('a control byte closes with RosProtocolError', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const closed = closeSpy(ros);
    const pending = ros.print('/ppp/secret');
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    conn.sendRaw(Buffer.from([0xf8, 0x01, 0x02]));
    await expect(pending).rejects.toBeInstanceOf(RosProtocolError);
    const closeErr = await closed;
    expect(closeErr).toBeInstanceOf(RosProtocolError);
    expect(closeErr!.message).toMatch(/control byte 0xf8/);
  });

  it('an abrupt TCP reset rejects pending commands with CONNECTION reset', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const closed = closeSpy(ros);
    const pending = Array.from({ length: 5 }, () => ros.print('/ppp/secret'));
    await vi.waitFor(() => expect(h.held).toHaveLength(5));
    conn.reset();
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'CONNECTION', reason: 'reset', errno: 'ECONNRESET' });
    expect(await closed).toBeInstanceOf(RosConnectionError);
  });

  it('a FIN from the router rejects pending commands with CONNECTION closed', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const pending = ros.print('/ppp/secret');
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    conn.end();
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION', reason: 'closed' });
    expect(ros.isOpen).toBe(false);
  });

  it('garbage mid-sentence followed by a reset still ends in a typed rejection', async () => {
    const h = holding();
    const { ros, conn } = await setup({ handler: h.handler });
    const pending = ros.print('/ppp/secret');
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    conn.sendRaw(Buffer.from([0xc0, 0x40])); // half a 3-byte length prefix
    setTimeout(() => conn.reset(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION', reason: 'reset' });
  });

  it('times out a stalled command, cancels it, ignores its late reply and keeps the session', async () => {
    const h = holding();
    const { server, ros, conn } = await setup({ handler: h.handler });
    const err = await ros.print('/ppp/secret', { timeoutMs: 80 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTimeoutError);
    expect(err).toMatchObject({ code: 'TIMEOUT', stage: 'command', path: '/ppp/secret/print', timeoutMs: 80 });
    const stalled = h.held[0]!;
    await vi.waitFor(() => expect(server.received().some((s) => s.head === '/cancel' && s.attributes.tag === stalled.tag)).toBe(true));
    // the late reply is ignored
    conn.reply(stalled, ['!re', '=name=late'], ['!done']);
    expect(await ros.print('/system/identity')).toEqual([{ name: 'MikroTik' }]);
    expect(ros.isOpen).toBe(true);
  });

  it('uses commandTimeoutMs as the default per-command timeout', async () => {
    const h = holding();
    const { ros } = await setup({ handler: h.handler }, { commandTimeoutMs: 60 });
    await expect(ros.print('/ppp/secret')).rejects.toMatchObject({ code: 'TIMEOUT', timeoutMs: 60 });
  });

  it('an AbortSignal rejects with its reason and cancels the command', async () => {
    const h = holding();
    const { server, ros } = await setup({ handler: h.handler });
    const ac = new AbortController();
    const p = ros.print('/ppp/secret', { signal: ac.signal });
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    ac.abort(new Error('user left the page'));
    await expect(p).rejects.toThrow('user left the page');
    await vi.waitFor(() => expect(server.received().some((s) => s.head === '/cancel')).toBe(true));
    const already = new AbortController();
    already.abort();
    await expect(ros.print('/ppp/secret', { signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('sends the idle keepalive read and stays open', async () => {
    const { server, ros } = await setup(holding(), { keepaliveIntervalMs: 40 });
    await vi.waitFor(
      () => {
        const ka = server.received().filter((s) => s.head === '/system/identity/print');
        expect(ka.length).toBeGreaterThanOrEqual(2);
        expect(ka[0]!.attributes['.proplist']).toBe('name');
      },
      { timeout: 2000 },
    );
    expect(ros.isOpen).toBe(true);
  });

  it('closes with CONNECTION silent when the keepalive is not answered', async () => {
    const server = await startScriptedRosServer({ handler: () => true }); // answers nothing after login
    servers.push(server);
    const ros = await connectRouterOs({
      host: server.host,
      port: server.port,
      username: 'admin',
      password: 'secret',
      keepaliveIntervalMs: 30,
      commandTimeoutMs: 60,
    });
    conns.push(ros);
    const closed = closeSpy(ros);
    const stream = ros.stream('/interface/listen');
    const it = stream[Symbol.asyncIterator]();
    const next = it.next();
    expect(await closed).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    await expect(next).rejects.toMatchObject({ code: 'CONNECTION', reason: 'silent' });
  });

  it('close() sends /quit, rejects pending with CONNECTION closed and reports a clean close', async () => {
    const h = holding();
    const { server, ros } = await setup({ handler: h.handler });
    const closed = closeSpy(ros);
    const pending = ros.print('/ppp/secret').catch((e: unknown) => Promise.reject(e));
    const settled = pending.catch((e: unknown) => e);
    await vi.waitFor(() => expect(h.held).toHaveLength(1));
    await ros.close();
    expect(await settled).toMatchObject({ code: 'CONNECTION', reason: 'closed' });
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION', reason: 'closed' });
    expect(await closed).toBeNull();
    expect(server.received().at(-1)!.head).toBe('/quit');
    expect(ros.isOpen).toBe(false);
    await expect(ros.print('/system/identity')).rejects.toMatchObject({ code: 'CONNECTION', reason: 'closed' });
    await ros.close(); // idempotent
    let late: RosError | null | undefined;
    ros.onClose((e) => {
      late = e;
    });
    await vi.waitFor(() => expect(late).toBeNull());
  });

  it('close() finishes even when the router ignores /quit', async () => {
    // allowHalfOpen: it never closes its side after our FIN
    const silent = net.createServer({ allowHalfOpen: true }, (s) => {
      s.on('error', () => undefined);
      s.on('data', (d) => {
        const tag = /\.tag=(\w+)/.exec(d.toString('latin1'))?.[1];
        if (tag && d.includes(Buffer.from('/login'))) s.write(encodeSentence(['!done', `.tag=${tag}`]));
      });
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const ros = await connectRouterOs({ host: '127.0.0.1', port, username: 'a', password: 'b', keepaliveIntervalMs: 0 });
      // close() settles (within the test's own timeout) although the peer never closes its side.
      await ros.close();
      expect(ros.isOpen).toBe(false);
    } finally {
      silent.close();
    }
  });
});

describe('connect and login failures', () => {
  it('wrong password → RosLoginError bad-credentials (modern)', async () => {
    const server = await startScriptedRosServer({ users: [{ name: 'admin', password: 'right' }] });
    servers.push(server);
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'wrong' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosLoginError);
    expect(err).toMatchObject({ code: 'LOGIN', reason: 'bad-credentials', routerMessage: 'invalid user name or password (6)' });
  });

  it('wrong password → RosLoginError bad-credentials (legacy "cannot log in")', async () => {
    const server = await startScriptedRosServer({ login: 'legacy', users: [{ name: 'admin', password: 'right' }] });
    servers.push(server);
    await expect(
      connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'wrong' }),
    ).rejects.toMatchObject({ code: 'LOGIN', reason: 'bad-credentials', routerMessage: 'cannot log in' });
  });

  it('a user without the api policy → RosLoginError no-api-policy', async () => {
    const server = await startScriptedRosServer({ users: [], loginTrap: 'not enough permissions (9)' });
    servers.push(server);
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'viewer', password: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'LOGIN', reason: 'no-api-policy' });
    expect((err as Error).message).toMatch(/"api" policy/);
  });

  it('an unexpected login trap → RosLoginError other', async () => {
    const server = await startScriptedRosServer({ users: [], loginTrap: 'too many sessions' });
    servers.push(server);
    await expect(
      connectRouterOs({ host: server.host, port: server.port, username: 'a', password: 'b' }),
    ).rejects.toMatchObject({ code: 'LOGIN', reason: 'other', routerMessage: 'too many sessions' });
  });

  it('a router that never answers /login → RosTimeoutError stage login', async () => {
    const server = await startScriptedRosServer({ login: 'none', handler: () => true });
    servers.push(server);
    const err = await connectRouterOs({ host: server.host, port: server.port, username: 'a', password: 'b', connectTimeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTimeoutError);
    expect(err).toMatchObject({ stage: 'login', timeoutMs: 150 });
  });

  it('a TLS handshake that never completes → RosTimeoutError stage connect', async () => {
    const mute = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    try {
      const err = await connectRouterOs({
        host: '127.0.0.1',
        port: (mute.address() as net.AddressInfo).port,
        username: 'a',
        password: 'b',
        tls: { pinnedSha256: null },
        connectTimeoutMs: 150,
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'TIMEOUT', stage: 'connect', timeoutMs: 150 });
    } finally {
      mute.close();
    }
  });

  it('a closed port → CONNECTION refused', async () => {
    const tmp = net.createServer();
    await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
    const port = (tmp.address() as net.AddressInfo).port;
    await new Promise<void>((r) => tmp.close(() => r()));
    await expect(connectRouterOs({ host: '127.0.0.1', port, username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'CONNECTION',
      reason: 'refused',
      errno: 'ECONNREFUSED',
    });
  });

  it('an unresolvable host → CONNECTION dns', async () => {
    const err = await connectRouterOs({ host: 'nonexistent.invalid', username: 'a', password: 'b', connectTimeoutMs: 4000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosConnectionError);
    expect(err).toMatchObject({ reason: 'dns' });
  });

  it('the router dropping the connection during login → CONNECTION error, not a hang', async () => {
    const server = await startScriptedRosServer({ login: 'none', handler: (_cmd, conn) => {
      conn.reset();
      return true;
    } });
    servers.push(server);
    await expect(connectRouterOs({ host: server.host, port: server.port, username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'CONNECTION',
    });
  });
});
