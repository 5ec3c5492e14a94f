/**
 * A router that goes silent while the app polls it: the shared connection is declared dead, callers get a
 * typed error, the connection manager reconnects on its own once the router answers again, and the
 * status/diagnosis says "unreachable (power or uplink?)" rather than API-service advice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { explainRouterError } from '../../../src-main/core/routers/diagnose';
import { RosConnectionError, RosTimeoutError, connectRouterOs, type RosConnectOptions } from '../../../src-main/core/routeros/client';
import { routerWorld, type RouterWorld } from '../routers/harness';

let w: RouterWorld;
beforeEach(async () => {
  w = await routerWorld({
    core: {
      background: false,
      routers: {
        monitor: { retryDelayMs: 20 },
        connections: { connectTimeoutMs: 500, commandTimeoutMs: 30_000, deadAfterMs: 400, backoffBaseMs: 50, backoffMaxMs: 200 },
      },
    },
  });
});
afterEach(() => w.close());

const mod = () => routersOf(w.t.booted.core);

describe('dead router while polling', () => {
  it('is declared dead (CONNECTION silent), then reconnected by the manager once it answers', async () => {
    const { tenantId } = w.inst;
    await mod().monitor.checkRouter(tenantId, w.routerId);
    expect((await w.t.call('routers.get', { routerId: w.routerId }, w.inst.adminToken)).status).toBe('online');
    w.sim.faults.set({ stall: true });
    // Polling continues (commands are sent) while the router says nothing.
    const errors: unknown[] = [];
    for (let i = 0; i < 20 && errors.length === 0; i++) {
      await mod().connections.run(tenantId, w.routerId, (c) => c.print('/system/resource')).catch((e: unknown) => errors.push(e));
    }
    expect(errors[0]).toBeInstanceOf(RosConnectionError);
    expect(errors[0]).toMatchObject({ reason: 'silent' });
    expect(mod().connections.isConnected(tenantId, w.routerId)).toBe(false);

    const outcome = await mod().monitor.checkRouter(tenantId, w.routerId);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.kind).toBe('went-silent');
    const row = await w.t.call('routers.get', { routerId: w.routerId }, w.inst.adminToken);
    expect(row.status).toBe('offline');
    expect(row.lastError).toMatchObject({ code: 'went-silent' });

    w.sim.faults.clear();
    await expect.poll(() => mod().connections.isConnected(tenantId, w.routerId), { timeout: 10_000 }).toBe(true);
  });
});

describe('diagnosis of a router that was online', () => {
  const target = { host: '10.0.0.1', port: 8728, useTls: false };
  it('timeouts and resets of a router that answered before → went-silent, not service or firewall advice', () => {
    for (const e of [new RosConnectionError('timeout'), new RosConnectionError('reset'), new RosTimeoutError('login', 5000)]) {
      const d = explainRouterError(e, target, { wasOnline: true });
      expect(d.kind).toBe('went-silent');
      expect(d.note).toEqual({ code: 'went-silent', params: { host: '10.0.0.1', port: 8728 } });
    }
    expect(explainRouterError(new RosConnectionError('silent'), target).kind).toBe('went-silent');
    // Never seen online: the first-contact advice stays.
    expect(explainRouterError(new RosConnectionError('timeout'), target).kind).toBe('timeout');
    // A refused connection comes from a powered router: the service advice is right.
    expect(explainRouterError(new RosConnectionError('refused'), target, { wasOnline: true }).kind).toBe('refused');
  });
});

describe('per-router encoding', () => {
  it('the manager opens each router with the encoding chosen for it', async () => {
    const seen: RosConnectOptions[] = [];
    const world = await routerWorld({
      core: {
        background: false,
        routers: {
          connections: {
            encodingFor: (r) => (r.name === 'Core' ? 'win1252' : undefined),
            connect: (o: RosConnectOptions) => {
              seen.push(o);
              return connectRouterOs(o);
            },
          },
        },
      },
    });
    try {
      const rows = await routersOf(world.t.booted.core).connections.run(world.inst.tenantId, world.routerId, (c) => c.print('/system/identity'));
      expect(rows).toHaveLength(1);
      expect(seen.map((o) => o.encoding)).toEqual(['win1252']);
    } finally {
      await world.close();
    }
  });

  it('each router is opened with its saved encoding (edited like any field, audited)', async () => {
    const seen: RosConnectOptions[] = [];
    const world = await routerWorld({
      core: { background: false, routers: { connections: { connect: (o: RosConnectOptions) => { seen.push(o); return connectRouterOs(o); } } } },
    });
    try {
      expect((await world.t.call('routers.get', { routerId: world.routerId }, world.inst.adminToken)).encoding).toBe('utf8-lossless');
      await routersOf(world.t.booted.core).connections.run(world.inst.tenantId, world.routerId, (c) => c.print('/system/identity'));
      const updated = await world.t.call('routers.update', { routerId: world.routerId, encoding: 'win1252' }, world.inst.adminToken);
      expect(updated.encoding).toBe('win1252');
      await routersOf(world.t.booted.core).connections.run(world.inst.tenantId, world.routerId, (c) => c.print('/system/identity'));
      expect(seen.map((o) => o.encoding)).toEqual(['utf8-lossless', 'win1252']);
      const bad = await world.t.raw('routers.update', { routerId: world.routerId, encoding: 'ebcdic' }, world.inst.adminToken);
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { encoding: expect.any(String) } } });
      const audit = await world.t.call('audit.list', { page: 1, pageSize: 5, action: 'router.updated' }, world.inst.adminToken);
      expect(audit.items[0]?.summary).toMatch(/encoding/);
    } finally {
      await world.close();
    }
  });
});
