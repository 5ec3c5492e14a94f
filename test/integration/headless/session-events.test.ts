import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IspDeskBridge } from '@shared/contract/bridge';
import type { Envelope } from '@shared/domain/errors';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { insertAlert, publishAlert } from '../../../src-main/core/ops/alerts';
import { silentLogger } from '../../../src-main/core/ports';
import { createHttpBridge } from '../../../src-renderer/app/http-bridge';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { ADMIN_PASSWORD, PLATFORM_PASSWORD } from '../../fixtures/test-core';

/**
 * The browser's bridge (the HTTP + SSE twin of the preload) against the real headless server: one page
 * holding sessions of two tenants, as a user signed in to both would have.
 */
describe('headless events in a browser holding sessions of two tenants', () => {
  let server: HeadlessServer;
  let bridge: IspDeskBridge;
  const temp = makeTempDir();
  let platform: string;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let adminB: string;

  async function invoke<T>(channel: string, input: unknown, token: string | null = null): Promise<T> {
    const env = (await bridge.invoke(channel, input, token)) as Envelope<T>;
    if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.key ?? env.error.message}`);
    return env.data;
  }

  async function raiseAlert(tenantId: string, title: string): Promise<void> {
    const core = server.booted.core;
    const alert = await core.tenants.use(tenantId, (h) => insertAlert(h.db, core, { severity: 'warning', kind: 'router.down', params: { routerName: title, cause: null }, routerId: null }));
    publishAlert(core, tenantId, alert);
  }

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, clock: new FakeClock() });
    bridge = createHttpBridge({ baseUrl: server.url.replace(/\/$/, '') });
    const setup = await invoke<{ session: { token: string }; tenantId: string }>('setup.complete', {
      platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD },
      tenant: {
        name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'olive@alpha.test', ownerPhone: '0712345678',
        admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: ADMIN_PASSWORD },
      },
    });
    platform = setup.session.token;
    tenantA = setup.tenantId;
    tenantB = (await invoke<{ id: string }>('tenants.create', {
      name: 'Beta Net', ownerName: 'Bo Owner', ownerEmail: 'bo@beta.test', ownerPhone: '0722000000',
      admin: { fullName: 'Ben Admin', email: 'ben@beta.test', password: ADMIN_PASSWORD },
    }, platform)).id;
    adminA = (await invoke<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId: tenantA, email: 'ada@alpha.test', password: ADMIN_PASSWORD })).token;
    adminB = (await invoke<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId: tenantB, email: 'ben@beta.test', password: ADMIN_PASSWORD })).token;
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it("delivers tenant A's alert only to A's listener, and B's only to B's", async () => {
    const gotA: string[] = [];
    const gotB: string[] = [];
    const offA = bridge.on('alerts.created', adminA, (p) => gotA.push((p as { params: { routerName: string } }).params.routerName));
    const offB = bridge.on('alerts.created', adminB, (p) => gotB.push((p as { params: { routerName: string } }).params.routerName));
    const events = server.booted.core.events;
    await vi.waitFor(() => expect(events.hasSink(adminA) && events.hasSink(adminB)).toBe(true));

    await raiseAlert(tenantA, 'Alpha router down');
    await vi.waitFor(() => expect(gotA).toEqual(['Alpha router down']));
    await raiseAlert(tenantB, 'Beta router down');
    await vi.waitFor(() => expect(gotB).toEqual(['Beta router down']));
    // Both alerts have been delivered by now: neither crossed over.
    expect(gotA).toEqual(['Alpha router down']);
    expect(gotB).toEqual(['Beta router down']);

    offA();
    offB();
    await vi.waitFor(() => expect(events.hasSink(adminA) || events.hasSink(adminB)).toBe(false));
  });

  it("tells only the suspended tenant's session that it ended, then reports it gone", async () => {
    const endedA: unknown[] = [];
    const endedB: unknown[] = [];
    let goneB = 0;
    const events = server.booted.core.events;
    const offA = bridge.on('session.ended', adminA, (p) => endedA.push(p));
    bridge.on('session.ended', adminB, (p) => endedB.push(p), () => { goneB += 1; });
    await vi.waitFor(() => expect(events.hasSink(adminA) && events.hasSink(adminB)).toBe(true));

    await invoke('tenants.set-status', { tenantId: tenantB, status: 'suspended' }, platform);
    await vi.waitFor(() => expect(endedB).toEqual([{ reason: 'tenant-suspended' }]));
    // The stream closes with the session; reconnecting is refused (401), so the bridge reports it gone.
    await vi.waitFor(() => expect(goneB).toBe(1), { timeout: 5_000 });
    expect(endedA).toEqual([]);
    offA();
    await invoke('tenants.set-status', { tenantId: tenantB, status: 'active' }, platform);
  });
});
