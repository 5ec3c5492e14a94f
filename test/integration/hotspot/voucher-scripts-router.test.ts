/**
 * The plan scripts (hotspot/voucher-scripts.ts) running on the simulator, on a v6 date clock (`dec/03/2026`)
 * and v7 ones (7.9 still `dec/03/2026`, ISO `2026-12-03` from 7.10), with the desktop out of the picture:
 * first login stamps the expiry, the per-plan sweep disables the user and ends the session once it passes,
 * MAC lock keeps other devices out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stampedExpiryMs } from '../../../src-shared/domain/voucher-status';
import { voucherExpirySweepScript, voucherOnLoginScript } from '../../../src-main/core/hotspot/voucher-scripts';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const VERSIONS = ['6.49.17', '7.9', '7.10', '7.18'] as const;
const T0 = new Date('2026-12-03T07:00:00Z');
const MIN = 60_000;

describe.each(VERSIONS)('validity from first login and MAC lock on the router (%s)', (version) => {
  let sim: RouterSimulator;
  afterEach(async () => {
    await sim.stop();
  });

  async function router(o: { validitySec: number | null; macLock: boolean; gmtOffsetMinutes?: number }): Promise<void> {
    sim = await startRouterSimulator({ users: [{ name: 'admin', password: 'x', group: 'full' }], clock: 'virtual', startTime: T0, version, gmtOffsetMinutes: o.gmtOffsetMinutes ?? 180 });
    sim.state.menu('/ip/hotspot/user/profile').add({ name: 'day', 'shared-users': '2', 'on-login': voucherOnLoginScript(o) ?? '' });
    sim.state.menu('/system/scheduler').add({
      name: 'ispdesk-hs-expiry-p1', 'start-time': 'startup', interval: '1m', 'on-event': voucherExpirySweepScript('day'), policy: 'read,write',
    });
    for (const n of ['abc123', 'xyz789']) sim.state.menu('/ip/hotspot/user').add({ name: n, password: n, profile: 'day', comment: 'vc-001-12.03.26-shop' });
  }
  const user = (n: string) => sim.state.menu('/ip/hotspot/user').all().find((u) => u.name === n)!;
  const sessions = (n: string) => sim.state.menu('/ip/hotspot/active').all().filter((a) => a.user === n).length;

  it('stamps first login + validity (UTC) once, then disables the user and ends the session when it passes', async () => {
    await router({ validitySec: 3600, macLock: false });
    sim.clock.advance(10 * MIN);
    const loginAt = sim.clock.now().getTime();
    expect(sim.loginHotspot('abc123', 'abc123', { mac: '02:00:00:00:00:01', ip: '10.5.50.2' })).toMatchObject({ ok: true });
    const stamped = user('abc123').comment!;
    expect(stamped.startsWith('vc-001-12.03.26-shop;exp=')).toBe(true);
    // The router clock runs in its own zone (gmt-offset +3 h); the stamp is UTC all the same.
    // The stamp counts whole seconds: the login second plus the validity.
    expect(stampedExpiryMs(stamped)).toBe(Math.floor(loginAt / 1000) * 1000 + 3600_000);
    // A later login keeps the first stamp.
    sim.clock.advance(5 * MIN);
    expect(sim.loginHotspot('abc123', 'abc123', { mac: '02:00:00:00:00:02', ip: '10.5.50.3' })).toMatchObject({ ok: true });
    expect(user('abc123').comment).toBe(stamped);
    expect(user('xyz789').comment).toBe('vc-001-12.03.26-shop');
    sim.clock.advance(54 * MIN);
    expect(user('abc123').disabled).toBe('false');
    expect(sessions('abc123')).toBe(2);
    sim.clock.advance(2 * MIN);
    expect(user('abc123').disabled).toBe('true');
    expect(sessions('abc123')).toBe(0);
    expect(sim.loginHotspot('abc123', 'abc123', { mac: '02:00:00:00:00:01', ip: '10.5.50.2' })).toMatchObject({ ok: false });
    // The never-used voucher is untouched.
    expect(user('xyz789')).toMatchObject({ disabled: 'false', comment: 'vc-001-12.03.26-shop' });
    expect(sim.scriptErrors).toBe(0);
  });

  it('does not stamp while the router clock is unset (1970): the validity starts at a later login', async () => {
    await router({ validitySec: 3600, macLock: false });
    sim.routerClock.jump(new Date('1970-01-02T00:00:00Z').getTime() - sim.routerClock.now().getTime());
    expect(sim.loginHotspot('abc123', 'abc123', { mac: '02:00:00:00:00:01', ip: '10.5.50.2' })).toMatchObject({ ok: true });
    expect(user('abc123').comment).toBe('vc-001-12.03.26-shop');
    expect(sim.scriptErrors).toBe(0);
  });

  it('locks the voucher to the first device', async () => {
    await router({ validitySec: null, macLock: true });
    expect(sim.loginHotspot('xyz789', 'xyz789', { mac: '02:00:00:00:00:0a', ip: '10.5.50.4' })).toMatchObject({ ok: true });
    expect(user('xyz789')['mac-address']).toBe('02:00:00:00:00:0A');
    expect(user('xyz789').comment).toBe('vc-001-12.03.26-shop');
    expect(sim.loginHotspot('xyz789', 'xyz789', { mac: '02:00:00:00:00:0b', ip: '10.5.50.5' })).toMatchObject({ ok: false, reason: 'your MAC address is not allowed' });
    expect(sim.scriptErrors).toBe(0);
  });
});
