/** ISP Desk's RouterOS client against the simulator: streams as async iterables, /cancel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosTrapError, connectRouterOs, type RosConnection, type RosRow } from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'secret', group: 'full' };

describe('streams against the simulator', () => {
  let sim: RouterSimulator;
  let ros: RosConnection;

  beforeEach(async () => {
    sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.16.2', users: [ADMIN] });
    ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
  });

  afterEach(async () => {
    await ros.close();
    await sim.stop();
  });

  it('monitor-traffic streams rows until cancel(), then ends cleanly', async () => {
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    const rows: RosRow[] = [];
    for await (const row of stream) {
      rows.push(row);
      if (rows.length === 2) await stream.cancel();
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ name: 'ether1', 'rx-bits-per-second': expect.stringMatching(/^\d+$/) });
    expect(ros.isOpen).toBe(true);
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('ping without count runs until break (which cancels it)', async () => {
    const stream = ros.stream('/ping', { attributes: { address: '10.0.0.1' } });
    const seqs: string[] = [];
    for await (const row of stream) {
      seqs.push(row.seq!);
      if (seqs.length === 2) break;
    }
    expect(seqs).toEqual(['0', '1']);
    // cancelled on the router: a fresh command still answers promptly
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('ping with count ends by itself on !done', async () => {
    const rows: RosRow[] = [];
    for await (const row of ros.stream('/ping', { attributes: { address: '10.0.0.1', count: 2 } })) rows.push(row);
    expect(rows.map((r) => r.seq)).toEqual(['0', '1']);
  });

  it('log follow-only delivers new entries, cancel() resolves after the command\'s !done', async () => {
    const stream = ros.stream('/log/print', { attributes: { 'follow-only': '' } });
    const it = stream[Symbol.asyncIterator]();
    const first = it.next();
    // a second API login makes the router log a line
    const other = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    const row = await first;
    expect(row.done).toBe(false);
    expect(row.value).toMatchObject({ message: expect.stringContaining('logged in') });
    await stream.cancel();
    let r = await it.next();
    while (!r.done) r = await it.next();
    await other.close();
  });

  it('listen reports changes made by another session; several streams share one connection', async () => {
    const listen = ros.stream('/ppp/secret/listen');
    const monitor = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether2' } });
    const changes = listen[Symbol.asyncIterator]();
    const firstChange = changes.next();
    const writer = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    const id = await writer.add('/ppp/secret', { name: 'acc9001', password: 'x' });
    const change = await firstChange;
    expect(change.value).toMatchObject({ '.id': id, name: 'acc9001' });
    const m = await monitor[Symbol.asyncIterator]().next();
    expect(m.value).toMatchObject({ name: 'ether2' });
    await writer.remove('/ppp/secret', id);
    const removal = await changes.next();
    expect(removal.value).toMatchObject({ '.id': id, '.dead': 'true' });
    await Promise.all([listen.cancel(), monitor.cancel()]);
    await writer.close();
  });

  it('a stream the router refuses rejects the iteration with RosTrapError', async () => {
    const err = await (async () => {
      for await (const _row of ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether99' } })) {
        // no rows expected
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTrapError);
    expect(ros.isOpen).toBe(true);
  });

  it('closing the connection ends a running stream with CONNECTION closed', async () => {
    const stream = ros.stream('/interface/monitor-traffic', { attributes: { interface: 'ether1' } });
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    const rest = (async () => {
      for (;;) if ((await it.next()).done) return 'ended';
    })().catch((e: unknown) => e);
    await ros.close();
    expect(await rest).toMatchObject({ code: 'CONNECTION', reason: 'closed' });
  });
});
