import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedSentence } from '../../../src-main/core/routeros/codec/sentence';
import {
  RosTrapError,
  connectRouterOs,
  type RosConnection,
  type RosRow,
} from '../../../src-main/core/routeros/client';
import {
  startScriptedRosServer,
  type ScriptedConnection,
  type ScriptedServer,
} from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Streams rows every few ms until /cancel, answering the cancel like RouterOS (integrations.md §1.5). */
function streamingRouter(opts: { cancelDelayMs?: number } = {}) {
  const running = new Map<string, { timer: NodeJS.Timeout; cmd: ParsedSentence }>();
  const handler = (cmd: ParsedSentence, conn: ScriptedConnection): boolean => {
    if (cmd.head === '/interface/monitor-traffic' || cmd.head === '/ping') {
      if (cmd.attributes.count !== undefined) {
        const n = Number(cmd.attributes.count);
        for (let i = 0; i < n; i++) conn.reply(cmd, ['!re', `=seq=${i}`, '=time=1ms']);
        conn.reply(cmd, ['!done']);
        return true;
      }
      let seq = 0;
      const timer = setInterval(() => {
        conn.reply(cmd, ['!re', `=name=${cmd.attributes.interface ?? cmd.attributes.address}`, `=seq=${seq++}`]);
      }, 5);
      running.set(cmd.tag!, { timer, cmd });
      return true;
    }
    if (cmd.head === '/interface/listen') {
      conn.reply(cmd, ['!re', '=.id=*1', '=name=ether1'], ['!trap', '=category=4', '=message=listen failed'], ['!done']);
      return true;
    }
    if (cmd.head === '/cancel') {
      const target = cmd.attributes.tag;
      const r = target === undefined ? undefined : running.get(target);
      const answer = (): void => {
        if (r) {
          clearInterval(r.timer);
          running.delete(target!);
          conn.reply(r.cmd, ['!trap', '=category=2', '=message=interrupted']);
          conn.reply(cmd, ['!done']);
          conn.reply(r.cmd, ['!done']);
        } else {
          conn.reply(cmd, ['!trap', '=message=no such command'], ['!done']);
        }
      };
      if (opts.cancelDelayMs) setTimeout(answer, opts.cancelDelayMs);
      else answer();
      return true;
    }
    return false;
  };
  return { handler, running };
}

async function setup(routerOpts: { cancelDelayMs?: number } = {}) {
  const router = streamingRouter(routerOpts);
  const server = await startScriptedRosServer({ handler: router.handler });
  servers.push(server);
  const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', keepaliveIntervalMs: 0 });
  conns.push(ros);
  return { server, ros, router };
}

describe('streams', () => {
  it('iterates a stream until cancel(), which sends /cancel =tag= and ends iteration cleanly', async () => {
    const { server, ros, router } = await setup();
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    expect(stream.tag).toMatch(/.+/);
    const rows: RosRow[] = [];
    for await (const row of stream) {
      rows.push(row);
      if (rows.length === 3) await stream.cancel();
    }
    expect(rows.slice(0, 3)).toEqual([
      { name: 'ether1', seq: '0' },
      { name: 'ether1', seq: '1' },
      { name: 'ether1', seq: '2' },
    ]);
    const cancel = server.received().find((s) => s.head === '/cancel')!;
    expect(cancel.attributes.tag).toBe(stream.tag);
    expect(cancel.tag).not.toBe(stream.tag);
    expect(router.running.size).toBe(0);
    expect(ros.isOpen).toBe(true);
  });

  it('cancel() resolves only after the cancelled command\'s !done', async () => {
    const { ros, router } = await setup({ cancelDelayMs: 60 });
    const stream = ros.stream('/ping', { attributes: { address: '10.0.0.1' } });
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    const t0 = Date.now();
    await stream.cancel();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
    expect(router.running.size).toBe(0);
    // the rows that were in flight are still delivered, then the iteration ends
    let r = await it.next();
    while (!r.done) r = await it.next();
    expect(r.done).toBe(true);
    await stream.cancel(); // idempotent
  });

  it('breaking out of for-await cancels the command on the router', async () => {
    const { server, ros, router } = await setup();
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether2' } });
    let n = 0;
    for await (const _row of stream) {
      if (++n === 2) break;
    }
    expect(server.received().some((s) => s.head === '/cancel' && s.attributes.tag === stream.tag)).toBe(true);
    expect(router.running.size).toBe(0);
  });

  it('ends on the command\'s own !done (ping with count)', async () => {
    const { ros } = await setup();
    const rows: RosRow[] = [];
    for await (const row of ros.stream('/ping', { attributes: { address: '10.0.0.1', count: 4 } })) rows.push(row);
    expect(rows.map((r) => r.seq)).toEqual(['0', '1', '2', '3']);
  });

  it('a trap other than our own cancel rejects the iteration with RosTrapError (after delivering earlier rows)', async () => {
    const { ros } = await setup();
    const rows: RosRow[] = [];
    const err = await (async () => {
      for await (const row of ros.stream('/interface/listen')) rows.push(row);
    })().catch((e: unknown) => e);
    expect(rows).toEqual([{ '.id': '*1', name: 'ether1' }]);
    expect(err).toBeInstanceOf(RosTrapError);
    expect(err).toMatchObject({ category: 4, trapMessage: 'listen failed', path: '/interface/listen' });
  });

  it('runs several streams and commands side by side on one connection', async () => {
    const { ros, router } = await setup();
    const a = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    const b = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether2' } });
    const take = async (s: typeof a, n: number): Promise<string[]> => {
      const names: string[] = [];
      for await (const row of s) {
        names.push(row.name!);
        if (names.length === n) break;
      }
      return names;
    };
    const [ra, rb, ping] = await Promise.all([
      take(a, 5),
      take(b, 7),
      (async () => {
        const out: string[] = [];
        for await (const r of ros.stream('/ping', { attributes: { address: 'x', count: 2 } })) out.push(r.seq!);
        return out;
      })(),
    ]);
    expect(new Set(ra)).toEqual(new Set(['ether1']));
    expect(new Set(rb)).toEqual(new Set(['ether2']));
    expect(ping).toEqual(['0', '1']);
    await vi.waitFor(() => expect(router.running.size).toBe(0));
  });

  it('the connection ending rejects a running stream with the connection error', async () => {
    const { ros, server } = await setup();
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    server.connections[0]!.reset();
    let err: unknown;
    try {
      for (;;) if ((await it.next()).done) break;
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'CONNECTION', reason: 'reset' });
    await stream.cancel(); // resolves, nothing left to cancel
  });

  it('a stream opened on a closed connection fails on first next()', async () => {
    const { ros } = await setup();
    await ros.close();
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'CONNECTION', reason: 'closed' });
  });
});
