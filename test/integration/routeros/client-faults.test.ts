/** ISP Desk's RouterOS client against the simulator's fault injection. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RosConnectionError,
  RosOutcomeUnknownError,
  RosTimeoutError,
  RosTrapError,
  connectRouterOs,
  type RosConnection,
  type RosError,
} from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'secret', group: 'full' };

describe('faults', () => {
  let sim: RouterSimulator;
  let ros: RosConnection;

  beforeEach(async () => {
    sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.16.2', users: [ADMIN] });
    ros = await connectRouterOs({
      host: sim.host,
      port: sim.port,
      username: ADMIN.name,
      password: ADMIN.password,
      keepaliveIntervalMs: 0,
      commandTimeoutMs: 2000,
    });
  });

  afterEach(async () => {
    await ros.close();
    await sim.stop();
  });

  it('stall → RosTimeoutError for each command; the session works again once the router answers', async () => {
    sim.faults.set({ stall: true });
    const results = await Promise.allSettled([
      ros.print('/ppp/secret', { timeoutMs: 150 }),
      ros.print('/interface', { timeoutMs: 150 }),
    ]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const err = (r as PromiseRejectedResult).reason as RosError;
      expect(err).toBeInstanceOf(RosTimeoutError);
      expect(err).toMatchObject({ stage: 'command', timeoutMs: 150 });
    }
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ path: '/ppp/secret/print' });
    sim.faults.clear();
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('dropAfterCommands → a sent write is OUTCOME_UNKNOWN (and was applied), a read CONNECTION closed/reset; onClose fires', async () => {
    const closed = new Promise<RosError | null>((resolve) => ros.onClose(resolve));
    sim.faults.set({ dropAfterCommands: 2 });
    await ros.print('/system/identity');
    await ros.print('/system/identity');
    const [write, read] = [ros.add('/ppp/secret', { name: 'lost-reply' }), ros.print('/interface')];
    const writeErr = await write.catch((e: unknown) => e);
    expect(writeErr).toBeInstanceOf(RosOutcomeUnknownError);
    expect(writeErr).toMatchObject({ code: 'OUTCOME_UNKNOWN', reason: 'connection-lost', path: '/ppp/secret/add' });
    expect(['closed', 'reset']).toContain(((writeErr as RosOutcomeUnknownError).cause as RosConnectionError).reason);
    // The "ghost success" the error warns about: the router did apply it.
    expect(sim.state.menu('/ppp/secret').find({ name: 'lost-reply' })).toBeDefined();
    const readErr = await read.catch((e: unknown) => e);
    expect(readErr).toBeInstanceOf(RosConnectionError);
    expect(['closed', 'reset']).toContain((readErr as RosConnectionError).reason);
    expect(await closed).toBeInstanceOf(RosConnectionError);
    expect(ros.isOpen).toBe(false);
    await expect(ros.print('/system/identity')).rejects.toMatchObject({ code: 'CONNECTION', reason: 'closed' });
  });

  it('latency delays replies but commands still succeed, concurrently', async () => {
    sim.faults.set({ latencyMs: 120 });
    const t0 = Date.now();
    const all = await Promise.all(Array.from({ length: 20 }, () => ros.print('/system/identity')));
    const took = Date.now() - t0;
    expect(all.every((r) => r.length === 1)).toBe(true);
    expect(took).toBeGreaterThanOrEqual(110); // the latency was applied
    // How much pipelining saves is a figure of `npm run bench` (routeros.concurrent_speedup), not an assertion.
  });

  it('latency beyond the command timeout → RosTimeoutError, and the late reply is ignored', async () => {
    sim.faults.set({ latencyMs: 300 });
    await expect(ros.print('/system/identity', { timeoutMs: 100 })).rejects.toBeInstanceOf(RosTimeoutError);
    sim.faults.clear();
    await new Promise((r) => setTimeout(r, 350)); // the late reply arrives and is dropped
    expect(await ros.print('/system/identity')).toHaveLength(1);
    expect(ros.isOpen).toBe(true);
  });

  it('trapOnPath → RosTrapError with the injected message and category, other paths unaffected', async () => {
    sim.faults.set({ trapOnPath: { path: '/ppp/secret/add', message: 'failure: out of memory', category: 4 } });
    const err = await ros.add('/ppp/secret', { name: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTrapError);
    expect(err).toMatchObject({ category: 4, trapMessage: 'failure: out of memory', path: '/ppp/secret/add' });
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('an unanswered idle keepalive closes the session with CONNECTION silent', async () => {
    const idle = await connectRouterOs({
      host: sim.host,
      port: sim.port,
      username: ADMIN.name,
      password: ADMIN.password,
      keepaliveIntervalMs: 50,
      commandTimeoutMs: 100,
    });
    const closed = new Promise<RosError | null>((resolve) => idle.onClose(resolve));
    sim.faults.set({ stall: true });
    expect(await closed).toMatchObject({ code: 'CONNECTION', reason: 'silent' });
    sim.faults.clear();
    await idle.close();
  });
});
