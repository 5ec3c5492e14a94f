/**
 * Expiry enforcement proven through the app's own services, end to end (issue 9 §4): subscribers and the
 * router prerequisites reach a simulated router only through the router outbox; then the core is closed
 * (the office PC is off) and only the router acts: it cuts an expired PPPoE subscriber and moves a static
 * one to the cut list within 60 s, and after a reboot across another expiry (clock at 1970, NTP late) it
 * cuts that one after boot while an active subscriber stays online. A new core on the same data dir
 * catches up (rows expired, no drift), and a renewal restores the router without a later re-cut.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contract';
import { parseEnforcementTag } from '@shared/domain/enforcement-tag';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { ADMIN_PASSWORD, setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { cutOf } from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const START = new Date('2026-11-27T08:00:00Z');
const ROUTER_PASSWORD = 'router api pass 1';
/** Sessions outlive the days this test moves the clock by. */
const LONG = 365 * 86_400_000;

const cases = [
  { version: '6.49.17', action: 'disable' as const },
  { version: '7.18', action: 'expired-profile' as const },
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  cleanup = [];
});

interface App {
  t: TestCore;
  tenantId: string;
  token: string;
  call: TestCore['call'];
  drain(): Promise<void>;
}

async function bootApp(dataDir: string, at: Date, simPort: number, known?: { tenantId: string; routerId: string }): Promise<App & { routerId: string }> {
  const t = await startTestCore({ dataDir, keepDir: true, clock: new FakeClock(at), sessionIdleMs: LONG, sessionAbsoluteMs: LONG });
  let tenantId: string;
  let token: string;
  let routerId: string;
  if (!known) {
    const inst = await setUpInstallation(t);
    tenantId = inst.tenantId;
    token = inst.adminToken;
    routerId = (await t.call('routers.create', { name: 'Core', host: '127.0.0.1', port: simPort, username: 'api', password: ROUTER_PASSWORD }, token)).id;
  } else {
    ({ tenantId, routerId } = known);
    token = (await t.call('auth.sign-in', { scope: 'tenant', tenantId, email: 'ada@alpha.test', password: ADMIN_PASSWORD })).token;
  }
  const call: TestCore['call'] = (channel, input, tok = token) => t.call(channel, input, tok);
  return {
    t, tenantId, token, routerId, call,
    drain: async () => {
      const r = await routerSyncOf(t.booted.core).drain(tenantId, routerId);
      expect(r).toMatchObject({ refused: 0, error: null, offline: false });
    },
  };
}

describe.each(cases)('expiry enforcement through the app ($version, $action)', ({ version, action }) => {
  it('cuts on the router with the app off, across a reboot, then catches up and restores on renewal', async () => {
    const temp = makeTempDir();
    cleanup.push(async () => temp.remove());
    const sim: RouterSimulator = await startRouterSimulator({
      users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'full' }], seed: 'minimal', clock: 'virtual', startTime: START, version,
    });
    cleanup.push(() => sim.stop());
    const secrets = sim.state.menu('/ppp/secret');
    const lists = sim.state.menu('/ip/firewall/address-list');
    const secret = (name: string) => secrets.find({ name })!;
    const online = (name: string) => sim.state.menu('/ppp/active').find({ name }) !== undefined;
    const connect = (name: string) => {
      const r = sim.connectPpp(name, secret(name).password!);
      if (!r.ok) throw new Error(`${name}: ${r.reason}`);
    };
    /** Whether the router's copy shows the cut of the expiry action. */
    const isCut = (name: string) => {
      const s = secret(name);
      const cut = action === 'disable' ? s.disabled === 'true' : s.profile === 'ispdesk-expired';
      return cut && !online(name) && cutOf(s.comment) !== null;
    };

    // ---- The app runs: package, subscribers, enforcement, all through the outbox ----
    let app = await bootApp(temp.dir, START, sim.port);
    cleanup.push(() => app.t.close());
    await routersOf(app.t.booted.core).monitor.checkRouter(app.tenantId, app.routerId);
    if (action === 'expired-profile') await app.call('enforcement.settings.update', { expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay' });
    const ppp = await app.call('packages.create', {
      name: 'Home 10M', serviceType: 'pppoe', routerIds: [app.routerId], rateLimit: { rxKbps: 5000, txKbps: 10000 },
      pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150000, period: { count: 1, unit: 'months' }, graceHours: 0,
    });
    const fixed = await app.call('packages.create', {
      name: 'Static 20M', serviceType: 'static', routerIds: [app.routerId], rateLimit: { rxKbps: 10000, txKbps: 20000 },
      addressPools: [{ routerId: app.routerId, cidr: '10.50.0.0/24' }], priceMinor: 300000, period: { count: 30, unit: 'days' }, graceHours: 0,
    });
    const at = (ms: number) => new Date(START.getTime() + ms).toISOString();
    const mk = (fullName: string, username: string, expiresInMs: number): Promise<OutputOf<'subscribers.create'>> =>
      app.call('subscribers.create', { fullName, phones: ['0712000333'], routerId: app.routerId, packageId: ppp.id, username, expiresAt: at(expiresInMs) });
    const a = await mk('Amina Early', 'amina', 30 * MIN);
    const b = await mk('Baraka Outage', 'baraka', 3 * HOUR);
    await mk('Chebet Later', 'chebet', 10 * 86_400_000);
    const s = await app.call('subscribers.create', {
      fullName: 'Static Shop', phones: ['0712000444'], routerId: app.routerId, packageId: fixed.id, ipAddress: '10.50.0.20', macAddress: '02:00:00:00:00:20', expiresAt: at(30 * MIN),
    });
    await app.drain();
    expect(secrets.all().map((x) => x.name).sort()).toEqual(['amina', 'baraka', 'chebet']);
    expect(secret('amina')).toMatchObject({ profile: 'home-10m', disabled: 'false' });
    expect(lists.find({ address: '10.50.0.20' })?.list).toBe('ispdesk-static');

    expect((await app.call('enforcement.install', { routerId: app.routerId })).enqueued).toBeGreaterThan(0);
    await app.drain();
    expect(sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })).toMatchObject({ interval: '1m' });
    expect(sim.state.menu('/system/scheduler').find({ name: 'ispdesk-boot' })).toBeDefined();
    expect(sim.state.menu('/system/script').find({ name: 'ispdesk-enforce' })).toBeDefined();
    for (const n of ['amina', 'baraka', 'chebet']) connect(n);

    // ---- The app is off: only the router acts ----
    await app.t.close();
    sim.clock.advance(29 * MIN);
    expect(isCut('amina')).toBe(false);
    sim.clock.advance(1 * MIN + 60_000); // expiry + at most one tick
    expect(isCut('amina')).toBe(true);
    expect(cutOf(secret('amina').comment)).toBeGreaterThanOrEqual(Math.floor(new Date(a.expiresAt).getTime() / 1000));
    expect(lists.find({ address: '10.50.0.20' })?.list).toBe('ispdesk-expired');
    for (const n of ['baraka', 'chebet']) {
      expect(isCut(n)).toBe(false);
      expect(online(n)).toBe(true);
    }

    // Power cut at T+31 min for 3 h: Baraka's expiry (T+3 h) passes while the router is down; it boots
    // at 1970 and NTP syncs 20 min after boot.
    sim.reboot({ downMs: 3 * HOUR, bootClock: 'epoch-1970', ntpSyncAfterMs: 20 * MIN });
    for (const n of ['baraka', 'chebet']) connect(n);
    sim.clock.advance(20 * MIN + 60_000);
    expect(sim.routerClock.ntpSynced).toBe(true);
    expect(isCut('baraka')).toBe(true);
    expect(cutOf(secret('baraka').comment)).toBeGreaterThanOrEqual(Math.floor(new Date(b.expiresAt).getTime() / 1000));
    expect(isCut('chebet')).toBe(false);
    expect(online('chebet')).toBe(true);
    expect(isCut('amina')).toBe(true);
    expect(sim.scriptErrors).toBe(0);
    const cutComments = { amina: secret('amina').comment, baraka: secret('baraka').comment };

    // ---- A new core on the same data dir: the catch-up sweep, then reconcile ----
    app = await bootApp(temp.dir, sim.clock.now(), sim.port, { tenantId: app.tenantId, routerId: app.routerId });
    await routersOf(app.t.booted.core).monitor.checkRouter(app.tenantId, app.routerId);
    const runs = await schedulerOf(app.t.booted.core).runDue(app.tenantId);
    expect(runs.find((r) => r.jobKey === 'subscribers.expiry-sweep')).toMatchObject({ status: 'succeeded' });
    const statuses = async () => Object.fromEntries((await app.call('subscribers.list', { page: 1, pageSize: 50 })).items.map((x) => [x.fullName, x.status]));
    expect(await statuses()).toEqual({ 'Amina Early': 'expired', 'Baraka Outage': 'expired', 'Chebet Later': 'active', 'Static Shop': 'expired' });
    await app.drain();
    // The app agrees with the router: nothing rewritten, the router's cut stamps kept.
    expect(secret('amina').comment).toBe(cutComments.amina);
    expect(secret('baraka').comment).toBe(cutComments.baraka);
    await app.call('sync.reconcile', { routerId: app.routerId });
    const drift = (await app.call('sync.drift.list', { routerId: app.routerId, page: 1, pageSize: 100, includeIgnored: false })).items;
    // Only items the app never made (the seed's own) may show up; none of ours differ or are missing.
    expect(drift.filter((d) => d.kind !== 'foreign').map((d) => `${d.kind} ${d.label}`)).toEqual([]);

    // ---- Renewal: restored on the router, and not cut again on later ticks ----
    await app.call('subscribers.extend', { subscriberId: a.id, count: 1 });
    await app.call('subscribers.extend', { subscriberId: s.id, count: 1 });
    await app.drain();
    expect(secret('amina')).toMatchObject({ profile: 'home-10m', disabled: 'false' });
    expect(cutOf(secret('amina').comment)).toBeNull();
    expect(parseEnforcementTag(secret('amina').comment!)?.expiresAtSec).toBeGreaterThan(Math.floor(sim.clock.now().getTime() / 1000));
    expect(lists.find({ address: '10.50.0.20' })?.list).toBe('ispdesk-static');
    expect(cutOf(lists.find({ address: '10.50.0.20' })?.comment)).toBeNull();
    connect('amina');
    sim.clock.advance(3 * MIN);
    expect(isCut('amina')).toBe(false);
    expect(online('amina')).toBe(true);
    expect(secret('amina').disabled).toBe('false');
    expect(lists.find({ address: '10.50.0.20' })?.list).toBe('ispdesk-static');
    expect(isCut('baraka')).toBe(true);
    expect(online('chebet')).toBe(true);
    expect(sim.scriptErrors).toBe(0);
  });
});
