/**
 * Dead-router detection, bounded memory and abandoned commands (issue 7 §2), against the scripted server
 * so each router misbehaviour is exact. Assertions are on outcomes (errors, what the router received),
 * never on elapsed time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedSentence } from '../../../src-main/core/routeros/codec/sentence';
import { encodeSentence } from '../../../src-main/core/routeros/codec/word-codec';
import {
  RosConnectionError,
  RosOutcomeUnknownError,
  RosProtocolError,
  RosStreamOverflowError,
  RosTimeoutError,
  RosTrapError,
  connectRouterOs,
  type RosConnectOptions,
  type RosConnection,
  type RosError,
} from '../../../src-main/core/routeros/client';
import { startScriptedRosServer, type ScriptedConnection, type ScriptedServer, type ScriptedServerOptions } from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(
  opts: ScriptedServerOptions,
  connect: Partial<RosConnectOptions> = {},
): Promise<{ server: ScriptedServer; ros: RosConnection; conn: ScriptedConnection }> {
  const server = await startScriptedRosServer(opts);
  servers.push(server);
  const pending = server.nextConnection();
  const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', keepaliveIntervalMs: 0, ...connect });
  conns.push(ros);
  return { server, ros, conn: await pending };
}

function closeSpy(ros: RosConnection): Promise<RosError | null> {
  return new Promise((resolve) => ros.onClose(resolve));
}

/** A router that answers identity reads until `silent` is set, then nothing at all. */
function goesSilent(): { handler: (cmd: ParsedSentence, c: ScriptedConnection) => boolean; silence(): void; received: string[] } {
  let silent = false;
  const received: string[] = [];
  return {
    received,
    silence: () => {
      silent = true;
    },
    handler: (cmd, c) => {
      received.push(cmd.head);
      if (silent) return true;
      if (cmd.head === '/system/identity/print') c.reply(cmd, ['!re', '=name=r1'], ['!done']);
      else c.reply(cmd, ['!done']);
      return true;
    },
  };
}

describe('dead-router detection: liveness by bytes received', () => {
  it('a router that goes silent mid-polling is declared dead: isOpen false, pending commands reject CONNECTION silent', async () => {
    const r = goesSilent();
    // Long command timeout: only the silence rule can end this session.
    const { ros } = await setup({ handler: r.handler }, { commandTimeoutMs: 60_000, deadAfterMs: 300, deadAfterTimeouts: 0 });
    const closed = closeSpy(ros);
    expect(await ros.print('/system/identity')).toEqual([{ name: 'r1' }]);
    r.silence();
    // Keep polling (bytes keep being SENT) until the session ends.
    const polls: Promise<unknown>[] = [];
    const timer = setInterval(() => polls.push(ros.print('/system/identity').catch((e: unknown) => e)), 40);
    try {
      expect(await closed).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    } finally {
      clearInterval(timer);
    }
    expect(ros.isOpen).toBe(false);
    const outcomes = await Promise.all(polls);
    expect(outcomes.length).toBeGreaterThan(1);
    for (const o of outcomes) expect(o).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    // It probed before giving up.
    expect(r.received.filter((h) => h === '/system/identity/print').length).toBeGreaterThan(outcomes.length);
  });

  it('N consecutive command timeouts declare the router dead; fewer do not', async () => {
    const r = goesSilent();
    const { ros } = await setup({ handler: r.handler }, { commandTimeoutMs: 60_000, deadAfterMs: 0, deadAfterTimeouts: 3 });
    const closed = closeSpy(ros);
    r.silence();
    for (let i = 0; i < 2; i++) await expect(ros.print('/ppp/secret', { timeoutMs: 30 })).rejects.toBeInstanceOf(RosTimeoutError);
    expect(ros.isOpen).toBe(true);
    const third = ros.print('/ppp/secret', { timeoutMs: 30 }).catch((e: unknown) => e);
    const waiting = ros.print('/interface').catch((e: unknown) => e);
    expect(await third).toBeInstanceOf(RosTimeoutError);
    expect(await closed).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    expect(await waiting).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    expect(ros.isOpen).toBe(false);
  });

  // deadAfterMs 1000: a probe goes out 500–750 ms into the silence and has the rest of the window to be
  // answered; shorter windows made the answer race the event loop of a busy test machine.
  it('a long-running command on a live router is not mistaken for a dead one (probes are answered)', { timeout: 30_000 }, async () => {
    let held: ParsedSentence | null = null;
    const { ros, conn } = await setup(
      {
        handler: (cmd, c) => {
          if (cmd.head === '/export') held = cmd;
          else c.reply(cmd, ['!re', '=name=r1'], ['!done']);
          return true;
        },
      },
      { commandTimeoutMs: 60_000, deadAfterMs: 1000, deadAfterTimeouts: 0 },
    );
    const slow = ros.command('/export');
    slow.catch(() => undefined); // asserted below; a failure must not surface as an unhandled rejection first
    // Several dead-windows pass while /export runs; each time the probe is answered.
    await vi.waitFor(() => expect(conn.received.filter((c) => c.head === '/system/identity/print').length).toBeGreaterThanOrEqual(4), { timeout: 20_000 });
    expect(ros.isOpen).toBe(true);
    conn.reply(held!, ['!done', '=ret=/interface bridge\n']);
    expect((await slow).ret).toBe('/interface bridge\n');
  });
});

describe('dead-router detection during a long command', () => {
  it('a router that answered probes and then died while a command is still outstanding is declared dead', { timeout: 30_000 }, async () => {
    let dead = false;
    const { ros, conn } = await setup(
      {
        handler: (cmd, c) => {
          if (!dead && cmd.head !== '/export') c.reply(cmd, ['!re', '=name=r1'], ['!done']);
          return true;
        },
      },
      { commandTimeoutMs: 60_000, deadAfterMs: 1000, deadAfterTimeouts: 0 },
    );
    const closed = closeSpy(ros);
    const slow = ros.command('/export').catch((e: unknown) => e);
    await vi.waitFor(() => expect(conn.received.filter((c) => c.head === '/system/identity/print').length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    dead = true;
    expect(await closed).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    expect(await slow).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
  });
});

describe('bounded memory', () => {
  it('a reply announcing a 2 GiB word closes the session with PROTOCOL before buffering it', async () => {
    const { ros, conn } = await setup({ handler: () => true });
    const closed = closeSpy(ros);
    const pending = ros.print('/file').catch((e: unknown) => e);
    await vi.waitFor(() => expect(conn.received.some((c) => c.head === '/file/print')).toBe(true));
    // `!re`, then a 5-byte prefix announcing 0x80000000 bytes and the first 64 KiB of them.
    conn.sendRaw(Buffer.concat([encodeSentence(['!re']).subarray(0, -1), Buffer.from([0xf0, 0x80, 0, 0, 0]), Buffer.alloc(65_536, 0x41)]));
    const err = await closed;
    expect(err).toBeInstanceOf(RosProtocolError);
    expect(err?.message).toMatch(/word of 2147483648 bytes/);
    expect(await pending).toBeInstanceOf(RosProtocolError);
  });

  it('a sentence over maxSentenceBytes closes the session with PROTOCOL', async () => {
    const { ros } = await setup(
      { handler: (cmd, c) => (c.reply(cmd, ['!re', ...Array.from({ length: 40 }, (_, i) => `=p${i}=${'x'.repeat(100)}`)], ['!done']), true) },
      { maxSentenceBytes: 2048 },
    );
    await expect(ros.print('/interface')).rejects.toMatchObject({ code: 'PROTOCOL' });
    expect(ros.isOpen).toBe(false);
  });

  it('an unread stream stops at its high-water mark (reading paused), loses nothing, and the session goes on', { timeout: 30_000 }, async () => {
    const ROWS = 20_000;
    const { ros } = await setup({
      handler: (cmd, c) => {
        if (cmd.head === '/log/print') {
          c.reply(cmd, ...Array.from({ length: ROWS }, (_, i) => ['!re', `=.id=*${i.toString(16)}`, `=message=line ${i} ${'y'.repeat(60)}`]), ['!done']);
        } else c.reply(cmd, ['!re', '=name=r1'], ['!done']);
        return true;
      },
    });
    const stream = ros.stream('/log/print', { attributes: { 'follow-only': '' } }, { highWaterMark: 200, stuckCancelMs: 0 }) as unknown as { queuedRows: number } & AsyncIterable<Record<string, string>>;
    // The server wrote everything; the client read only until the mark (plus the chunk in hand).
    await vi.waitFor(() => expect(stream.queuedRows).toBeGreaterThanOrEqual(200), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.queuedRows).toBeLessThan(5_000); // the rest waits in the socket buffers (TCP backpressure)
    let n = 0;
    for await (const row of stream) {
      expect(row.message).toBe(`line ${n} ${'y'.repeat(60)}`);
      n++;
    }
    expect(n).toBe(ROWS);
    expect(await ros.print('/system/identity')).toEqual([{ name: 'r1' }]);
  });

  it('a stream whose consumer stays stuck is cancelled with STREAM_OVERFLOW and reading resumes', async () => {
    const { ros, conn } = await setup({
      handler: (cmd, c) => {
        if (cmd.head === '/interface/listen') c.reply(cmd, ...Array.from({ length: 5_000 }, (_, i) => ['!re', `=.id=*${i}`]));
        else if (cmd.head === '/cancel') c.reply(cmd, ['!done']);
        else c.reply(cmd, ['!re', '=name=r1'], ['!done']);
        return true;
      },
    });
    const stream = ros.stream('/interface/listen', {}, { highWaterMark: 50, stuckCancelMs: 100 });
    await vi.waitFor(() => expect(conn.received.some((c) => c.head === '/cancel' && c.attributes.tag === stream.tag)).toBe(true));
    expect(await ros.print('/system/identity')).toEqual([{ name: 'r1' }]);
    const it = stream[Symbol.asyncIterator]();
    let err: unknown = null;
    try {
      for (let r = await it.next(); !r.done; r = await it.next());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RosStreamOverflowError);
  });
});

describe('abandoned commands and outcome-unknown writes', () => {
  it('a command that timed out while still queued is never sent', async () => {
    const { ros, conn } = await setup({ handler: (cmd, c) => (c.reply(cmd, ['!done']), true) });
    conn.socket.pause(); // the router stops reading: our socket buffer fills up
    const big = ros.command('/file/set', { attributes: { '.id': '*1', contents: 'z'.repeat(12 * 1024 * 1024) } }, { timeoutMs: 60_000 });
    await new Promise((r) => setImmediate(r)); // written: the socket now waits for 'drain'
    const queued = await ros.remove('/ppp/secret', '*7', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(queued).toBeInstanceOf(RosTimeoutError);
    expect(queued).toMatchObject({ code: 'TIMEOUT', sent: false });
    conn.socket.resume();
    await big;
    await ros.command('/system/identity/print'); // sent after the removed one would have been
    expect(conn.received.map((c) => c.head)).not.toContain('/ppp/secret/remove');
  });

  it('a write that timed out after it was sent is OUTCOME_UNKNOWN; a read is a plain TIMEOUT', async () => {
    const { ros, conn } = await setup({ handler: () => true }, { deadAfterTimeouts: 0, deadAfterMs: 0 });
    const write = await ros.add('/ppp/secret', { name: 'x' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(write).toBeInstanceOf(RosOutcomeUnknownError);
    expect(write).toMatchObject({ code: 'OUTCOME_UNKNOWN', reason: 'timeout', path: '/ppp/secret/add' });
    expect((write as RosOutcomeUnknownError).cause).toBeInstanceOf(RosTimeoutError);
    const read = await ros.print('/ppp/secret', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(RosTimeoutError);
    expect(read).toMatchObject({ sent: true });
    expect(conn.received.map((c) => c.head)).toContain('/ppp/secret/add');
  });
});

describe('untagged !trap', () => {
  it('fails the commands not answered yet instead of letting them time out', async () => {
    let answeredOne = false;
    const { ros, conn } = await setup(
      {
        handler: (cmd, c) => {
          if (cmd.head === '/interface/listen' && !answeredOne) {
            answeredOne = true;
            c.reply(cmd, ['!re', '=name=ether1']);
          }
          return true;
        },
      },
      { commandTimeoutMs: 60_000, deadAfterMs: 0 },
    );
    const stream = ros.stream('/interface/listen');
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ name: 'ether1' });
    const a = ros.print('/ppp/secret').catch((e: unknown) => e);
    const b = ros.print('/ppp/active').catch((e: unknown) => e);
    await vi.waitFor(() => expect(conn.received.filter((c) => c.head.endsWith('/print')).length).toBe(2));
    conn.send(['!trap', '=category=5', '=message=not logged in']);
    conn.send(['!done']);
    for (const [p, path] of [[a, '/ppp/secret/print'], [b, '/ppp/active/print']] as const) {
      const err = await p;
      expect(err).toBeInstanceOf(RosTrapError);
      expect(err).toMatchObject({ path, trapMessage: 'not logged in', category: 5 });
    }
    // The stream had its own answers, so the trap was not about it; the session is still open.
    expect(ros.isOpen).toBe(true);
  });

  it('an untagged trap to /login fails the login at once (RosLoginError, not a timeout)', async () => {
    const server = await startScriptedRosServer({ login: 'none', handler: () => true });
    servers.push(server);
    const next = server.nextConnection();
    const attempt = connectRouterOs({ host: server.host, port: server.port, username: 'u', password: 'p', connectTimeoutMs: 60_000 }).catch((e: unknown) => e);
    const conn = await next;
    await vi.waitFor(() => expect(conn.received.some((c) => c.head === '/login')).toBe(true));
    conn.send(['!trap', '=message=invalid user name or password (6)']);
    conn.send(['!done']);
    expect(await attempt).toMatchObject({ code: 'LOGIN', reason: 'bad-credentials' });
  });
});

describe('connection errors stay typed', () => {
  it('silent is a CONNECTION error', () => {
    expect(new RosConnectionError('silent').message).toMatch(/stopped answering/);
  });
});
