/**
 * node-routeros (independent third-party client) against the simulator, below 7.18 because
 * node-routeros crashes on !empty (integrations.md §2.5). Every call is raced against a timeout since
 * node-routeros leaves promises pending on !fatal/close.
 */
import { RouterOSAPI } from 'node-routeros';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'cross-check-1', group: 'full' };

function within<T>(p: Promise<T>, ms = 3000, what = 'call'): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms))]);
}

type Row = Record<string, string>;

describe('node-routeros cross-check against the simulator (7.16.2)', () => {
  let sim: RouterSimulator;
  let api: RouterOSAPI;
  const errors: unknown[] = [];

  async function open(extra: { keepalive?: boolean; timeout?: number } = {}): Promise<RouterOSAPI> {
    const a = new RouterOSAPI({ host: '127.0.0.1', port: sim.port, user: ADMIN.name, password: ADMIN.password, timeout: 5, ...extra });
    a.on('error', (e: unknown) => errors.push(e));
    await within(a.connect(), 3000, 'connect');
    return a;
  }

  beforeEach(async () => {
    errors.length = 0;
    sim = await startRouterSimulator({ version: '7.16.2', users: [ADMIN], randomSeed: 11 });
    sim.state.menu('/ppp/secret').add({ name: 'acc1001', password: 'p1', profile: 'default', comment: 'Jane Wanjiku' });
    sim.state.menu('/ppp/secret').add({ name: 'acc1002', password: 'p2', profile: 'default', disabled: true });
    api = await open();
  });
  afterEach(async () => {
    if (api.connected) await within(api.close(), 2000, 'close').catch(() => undefined);
    await sim.stop();
    expect(errors).toEqual([]);
  });

  it('logs in (modern) and prints with a query', async () => {
    const rows = (await within(api.write('/ppp/secret/print', ['?name=acc1001']))) as Row[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'acc1001', comment: 'Jane Wanjiku', disabled: 'false' });
    expect(rows[0]!['.id']).toMatch(/^\*[0-9A-F]+$/);
  });

  it('prints with an OR query and a proplist', async () => {
    const rows = (await within(api.write('/ppp/secret/print', ['=.proplist=name', '?disabled=true', '?name=acc1001', '?#|']))) as Row[];
    expect(rows.map((r) => r.name)).toEqual(['acc1001', 'acc1002']);
    expect(Object.keys(rows[0]!)).toEqual(['name']);
  });

  it('adds (ret in !done), sets and removes', async () => {
    const added = (await within(api.write('/ppp/secret/add', ['=name=acc2001', '=password=x', '=service=pppoe']))) as Row[];
    expect(added).toHaveLength(1);
    const id = added[0]!.ret!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    expect(await within(api.write('/ppp/secret/set', [`=.id=${id}`, '=comment=Otieno']))).toEqual([]);
    expect(sim.state.menu('/ppp/secret').get(id)?.comment).toBe('Otieno');
    expect(await within(api.write('/ppp/secret/remove', [`=.id=${id}`]))).toEqual([]);
    expect(sim.state.menu('/ppp/secret').get(id)).toBeUndefined();
  });

  it('rejects traps with the message (category is lost by node-routeros)', async () => {
    await expect(within(api.write('/ppp/secret/add', ['=name=acc1001']))).rejects.toThrow('failure: secret with the same name already exists');
    // The connection stays usable after a trap.
    const rows = (await within(api.write('/system/identity/print'))) as Row[];
    expect(rows).toEqual([{ name: 'MikroTik' }]);
  });

  it('streams monitor-traffic and stops it with /cancel', async () => {
    const packets: Row[] = [];
    let streamError: unknown = null;
    const stream = api.stream('/interface/monitor-traffic', ['=interface=ether1'], (err: unknown, packet: Row | null) => {
      if (err) streamError = err;
      else if (packet && packet.name) packets.push(packet);
    });
    await within(
      new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (packets.length >= 2) {
            clearInterval(t);
            resolve();
          }
        }, 20);
      }),
      4000,
      'stream packets',
    );
    await within(stream.stop(), 3000, 'stream stop');
    expect(streamError).toBeNull();
    expect(packets[0]).toMatchObject({ name: 'ether1' });
    expect(Number(packets[0]!['rx-bits-per-second'])).toBeGreaterThan(0);
    expect(await within(api.write('/system/identity/print', ['=.proplist=name']))).toEqual([{ name: 'MikroTik' }]);
  });

  it('survives the "#" keepalive command', async () => {
    await expect(within(api.write('#'))).rejects.toThrow('no such command prefix');
    expect(await within(api.write('/system/identity/print'))).toEqual([{ name: 'MikroTik' }]);
  });

  it('keeps an idle keepalive connection open with periodic "#"', async () => {
    const ka = await open({ keepalive: true, timeout: 2 });
    const before = sim.commandsServed;
    await new Promise((r) => setTimeout(r, 2300));
    expect(sim.commandsServed).toBeGreaterThan(before);
    expect(await within(ka.write('/system/identity/print'))).toEqual([{ name: 'MikroTik' }]);
    await within(ka.close(), 2000, 'close');
  });
});

describe('node-routeros legacy login against the simulator', () => {
  it('logs in through the pre-6.43 MD5 challenge', async () => {
    const sim = await startRouterSimulator({ version: '6.40.9', loginMode: 'legacy', users: [ADMIN] });
    const api = new RouterOSAPI({ host: '127.0.0.1', port: sim.port, user: ADMIN.name, password: ADMIN.password, timeout: 5 });
    const errors: unknown[] = [];
    api.on('error', (e: unknown) => errors.push(e));
    try {
      await within(api.connect(), 3000, 'legacy connect');
      expect(await within(api.write('/system/identity/print'))).toEqual([{ name: 'MikroTik' }]);
      await within(api.close(), 2000, 'close');
    } finally {
      await sim.stop();
    }
    expect(errors).toEqual([]);
  });

  it('reports a wrong legacy password as a login failure', async () => {
    const sim = await startRouterSimulator({ version: '6.40.9', loginMode: 'legacy', users: [ADMIN] });
    const api = new RouterOSAPI({ host: '127.0.0.1', port: sim.port, user: ADMIN.name, password: 'wrong', timeout: 5 });
    api.on('error', () => undefined);
    try {
      await expect(within(api.connect(), 3000, 'legacy connect')).rejects.toThrow();
    } finally {
      await sim.stop();
    }
  });
});
