import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IspDeskBridge } from '@shared/contract/bridge';
import type { Envelope } from '@shared/domain/errors';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { insertAlert, publishAlert } from '../../../src-main/core/ops/alerts';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { silentLogger } from '../../../src-main/core/ports';
import { createHttpBridge } from '../../../src-renderer/app/http-bridge';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { ADMIN_PASSWORD, PLATFORM_PASSWORD, addStaff } from '../../fixtures/test-core';
import { routerWorld, type RouterWorld } from '../routers/harness';

/** Roles on open event streams are re-read when an admin changes them (issue 6 §4). */
describe('an open SSE stream follows role changes', () => {
  let server: HeadlessServer;
  let bridge: IspDeskBridge;
  const temp = makeTempDir();
  let tenantId: string;
  let admin: string;
  let tech: { id: string; token: string };

  async function invoke<T>(channel: string, input: unknown, token: string | null = null): Promise<T> {
    const env = (await bridge.invoke(channel, input, token)) as Envelope<T>;
    if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.key ?? env.error.message}`);
    return env.data;
  }

  async function raiseAlert(title: string): Promise<void> {
    const core = server.booted.core;
    const alert = await core.tenants.use(tenantId, (h) => insertAlert(h.db, core, { severity: 'critical', kind: 'router.down', params: { routerName: title, cause: null }, routerId: null }));
    publishAlert(core, tenantId, alert);
  }

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, clock: new FakeClock() });
    bridge = createHttpBridge({ baseUrl: server.url.replace(/\/$/, '') });
    const setup = await invoke<{ tenantId: string }>('setup.complete', {
      platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD },
      tenant: {
        name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'olive@alpha.test', ownerPhone: '0712345678',
        admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: ADMIN_PASSWORD },
      },
    });
    tenantId = setup.tenantId;
    admin = (await invoke<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD })).token;
    const created = await invoke<{ id: string }>('staff.create', { fullName: 'Tia Tech', email: 'tech@alpha.test', roles: ['TECHNICIAN'], password: 'staff pass 12' }, admin);
    const first = await invoke<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId, email: 'tech@alpha.test', password: 'staff pass 12' });
    await invoke('auth.change-password', { currentPassword: 'staff pass 12', newPassword: 'staff pass 12x' }, first.token);
    tech = { id: created.id, token: first.token };
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it("stops router alerts on a technician's open stream once demoted to cashier, and resumes them when promoted back", async () => {
    const seenByTech: string[] = [];
    const seenByAdmin: string[] = [];
    const offTech = bridge.on('alerts.created', tech.token, (p) => seenByTech.push((p as { params: { routerName: string } }).params.routerName));
    const offAdmin = bridge.on('alerts.created', admin, (p) => seenByAdmin.push((p as { params: { routerName: string } }).params.routerName));
    const events = server.booted.core.events;
    await vi.waitFor(() => expect(events.hasSink(tech.token) && events.hasSink(admin)).toBe(true));

    await raiseAlert('one');
    await vi.waitFor(() => expect(seenByTech).toEqual(['one']));

    // The admin demotes the technician while the stream stays open (no call from the technician since).
    await invoke('staff.update', { staffId: tech.id, roles: ['CASHIER'] }, admin);
    await raiseAlert('two');
    // The admin's copy arriving shows the alert went out; the same stream order means the cashier's would be here too.
    await vi.waitFor(() => expect(seenByAdmin).toEqual(['one', 'two']));
    await raiseAlert('three');
    await vi.waitFor(() => expect(seenByAdmin).toEqual(['one', 'two', 'three']));
    expect(seenByTech).toEqual(['one']);

    await invoke('staff.update', { staffId: tech.id, roles: ['TECHNICIAN'] }, admin);
    await raiseAlert('four');
    await vi.waitFor(() => expect(seenByTech).toEqual(['one', 'four']));
    offTech();
    offAdmin();
  });

  it('ends the open stream of a deactivated user: told why, then gone, and no more alerts', async () => {
    const seen: string[] = [];
    const ended: unknown[] = [];
    let gone = 0;
    bridge.on('alerts.created', tech.token, (p) => seen.push((p as { params: { routerName: string } }).params.routerName), () => { gone += 1; });
    bridge.on('session.ended', tech.token, (p) => ended.push(p));
    await vi.waitFor(() => expect(server.booted.core.events.hasSink(tech.token)).toBe(true));

    await invoke('staff.set-active', { staffId: tech.id, isActive: false }, admin);
    await vi.waitFor(() => expect(ended).toEqual([{ reason: 'account-deactivated' }]));
    await vi.waitFor(() => expect(gone).toBe(1), { timeout: 5_000 });
    await raiseAlert('after deactivation');
    expect(server.booted.core.events.hasSink(tech.token)).toBe(false);
    expect(seen).toEqual([]);
  });
});

describe('a live router stream follows role changes', () => {
  let w: RouterWorld;
  beforeEach(async () => {
    w = await routerWorld({ sim: { seed: 'demo', demoVariant: 'branch', randomSeed: 3 } });
  });
  afterEach(() => w.close());

  it("stops a demoted user's traffic stream with FORBIDDEN, and drops chunks already on their way", async () => {
    const tech = await addStaff(w.t, w.inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    const got: { event: string; data: unknown }[] = [];
    w.t.booted.core.events.subscribe({ token: tech.token, send: (name, p) => got.push({ event: name, data: (p as { data: unknown }).data }) });
    const { streamId } = await w.t.call('routers.stream.start', { kind: 'traffic', routerId: w.routerId, interfaces: ['ether1-WAN'] }, tech.token);
    await expect.poll(() => got.filter((g) => g.event === 'routers.live-traffic.chunk').length, { timeout: 6_000 }).toBeGreaterThanOrEqual(1);

    await w.t.call('staff.update', { staffId: tech.id, roles: ['CASHIER'] }, w.inst.adminToken);
    expect(routersOf(w.t.booted.core).streams.count()).toBe(0);
    const last = got.at(-1);
    expect(last).toEqual({ event: 'routers.live-traffic.error', data: expect.objectContaining({ code: 'FORBIDDEN', reason: 'NEEDS_routers.read' }) });

    // Even a chunk emitted for that stream now is not delivered to a session without routers.read.
    const before = got.length;
    w.t.booted.core.events.streamChunk(tech.token, 'routers.live-traffic', streamId, { at: new Date().toISOString(), interfaces: [] });
    expect(got.length).toBe(before);
    // And the cashier cannot start another one.
    expect(await w.t.raw('routers.stream.start', { kind: 'traffic', routerId: w.routerId, interfaces: ['ether1-WAN'] }, tech.token))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
