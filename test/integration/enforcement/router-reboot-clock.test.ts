/**
 * router-enforcement.md §3 cases 2, 3, 4, 5, 6, 8, 10, 15: reboots across an expiry (clock at 1970 or a stale
 * restored clock, NTP late or never), clock jumps, gmt-offset changes. The app is off throughout unless
 * a step says it writes the high-water mark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeHighWaterMark } from '../../../src-main/core/enforcement/router-state';
import { DAY, HOUR, MIN, VERSIONS, cutOf, enforcedRouter, type EnforcedRouter } from './harness';

describe.each(VERSIONS)('reboots and clocks (%s)', (version) => {
  let r: EnforcedRouter;
  afterEach(async () => {
    await r.stop();
  });

  /**
   * A cut before shutdown; A2 expired but not yet cut when the power went; B expires during a 60 min
   * outage; C in 5 days. The router boots with `bootClock` and NTP 30 min late.
   */
  async function rebootAcrossExpiry(bootClock: 'epoch-1970' | 'stale-restore'): Promise<{ t0: number; expB: number }> {
    r = await enforcedRouter(version);
    r.install();
    const t0 = r.nowSec();
    r.addPpp('a', t0 + 5 * 60);
    r.addPpp('c', t0 + 5 * 86_400);
    r.sim.clock.advance(6 * MIN);
    expect(r.secret('a').disabled).toBe('true');
    const cutA = r.secret('a').comment;
    // A2 reached the router (expired) a moment before the power cut, so no tick saw it.
    r.addPpp('a2', t0 - 60);
    const expB = t0 + 40 * 60;
    r.addPpp('b', expB);
    r.sim.reboot({ downMs: 60 * MIN, bootClock, ntpSyncAfterMs: 30 * MIN });
    expect(r.sim.routerClock.ntpSynced).toBe(false);
    for (const n of ['b', 'c']) r.sim.connectPpp(n, 'pw');
    // Boot run (ispdesk-boot, 3 s after boot): A2 is below the lower bound and is cut at once.
    r.sim.clock.advance(3000);
    expect(r.secret('a2').disabled).toBe('true');
    expect(r.secret('a').comment).toBe(cutA);
    expect(r.secret('b').disabled).toBe('false');
    // Until NTP syncs the lower bound (hwm + uptime) is below B's expiry: B stays online.
    r.sim.clock.advance(30 * MIN - 4000);
    expect(r.secret('b').disabled).toBe('false');
    expect(r.active('b')).toBe(true);
    r.sim.clock.advance(1000); // NTP syncs now
    expect(r.sim.routerClock.ntpSynced).toBe(true);
    r.sim.clock.advance(60_000);
    expect(r.secret('b').disabled).toBe('true');
    expect(r.active('b')).toBe(false);
    expect(cutOf(r.secret('b').comment)).toBeGreaterThanOrEqual(expB);
    expect(r.secret('c').disabled).toBe('false');
    expect(r.active('c')).toBe(true);
    expect(r.secret('a').comment).toBe(cutA);
    expect(r.sim.scriptErrors).toBe(0);
    return { t0, expB };
  }

  it('case 2: reboot with the clock at 1970, NTP 30 min late: A stays cut, A2 cut at boot, B cut within 60 s of sync, C online', async () => {
    await rebootAcrossExpiry('epoch-1970');
  });

  it('case 3: the same with the clock restored to the stale shutdown time', async () => {
    await rebootAcrossExpiry('stale-restore');
  });

  it('case 4a: NTP never syncs after the reboot: B is cut once the lower bound passes its expiry', async () => {
    r = await enforcedRouter(version);
    r.install();
    const t0 = r.nowSec();
    r.sim.clock.advance(2 * MIN); // the sweeper persisted hwm while synced
    const expB = t0 + 50 * 60;
    r.addPpp('b', expB);
    r.sim.reboot({ downMs: 10 * MIN, bootClock: 'epoch-1970', ntpSyncAfterMs: 'never' });
    r.sim.connectPpp('b', 'pw');
    // LB = hwm + uptime ≈ t0 + uptime: passes expB about 50 min after boot (real time is 12 min later).
    r.sim.clock.advance(48 * MIN);
    expect(r.secret('b').disabled).toBe('false');
    r.sim.clock.advance(4 * MIN);
    expect(r.secret('b').disabled).toBe('true');
    expect(r.active('b')).toBe(false);
    expect(r.sim.scriptErrors).toBe(0);
  });

  it('case 4b: no NTP at all, the app writes hwm at uptime 10 h: the bound does not overshoot, nobody is cut early', async () => {
    r = await enforcedRouter(version, { ntp: { enabled: true, synced: false } });
    r.install();
    r.sim.clock.advance(10 * HOUR);
    const conn = await r.connect();
    const res = await writeHighWaterMark(conn, r.sim.clock.now());
    expect(res).toMatchObject({ written: true, up: 10 * 3600 });
    const exp = r.nowSec() + 30 * 60;
    r.addPpp('d', exp);
    r.sim.clock.advance(29 * MIN);
    expect(r.secret('d').disabled).toBe('false');
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('d').disabled).toBe('true');
    expect(cutOf(r.secret('d').comment)).toBeGreaterThanOrEqual(exp);
    // The app never lowers hwm: a second write with an older PC time changes nothing.
    expect(await writeHighWaterMark(conn, new Date(r.sim.clock.now().getTime() - HOUR))).toEqual({ written: false, reason: 'router-ahead' });
  });

  it('case 5: the clock jumps back 2 days after sync: warning logged, nobody un-cut, hwm kept, cuts still on time', async () => {
    r = await enforcedRouter(version);
    r.install();
    r.addPpp('a', r.nowSec() + 60);
    r.sim.clock.advance(3 * MIN);
    expect(r.secret('a').disabled).toBe('true');
    const state = (): string | undefined => r.sim.state.menu('/system/script').find({ name: 'ispdesk-state' })?.comment;
    const hwmBefore = Number(/hwm=(\d+)/.exec(state() ?? '')?.[1]);
    expect(hwmBefore).toBeGreaterThan(0);
    const exp = r.nowSec() + 10 * 60;
    r.addPpp('e', exp);
    r.sim.routerClock.jump(-2 * DAY);
    r.sim.clock.advance(9 * MIN);
    expect(r.secret('e').disabled).toBe('false');
    expect(r.logs('script,warning').some((m) => m.includes('is behind the trusted bound'))).toBe(true);
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('e').disabled).toBe('true');
    expect(r.secret('a').disabled).toBe('true');
    expect(Number(/hwm=(\d+)/.exec(state() ?? '')?.[1])).toBeGreaterThanOrEqual(hwmBefore);
  });

  it('case 6: the clock runs a day ahead: the router cuts 12 h early (the documented trade-off; the app alerts: health-alerts.test.ts)', async () => {
    r = await enforcedRouter(version);
    r.install();
    const exp = r.nowSec() + (12 * HOUR) / 1000;
    r.addPpp('early', exp, { connect: true });
    r.addPpp('later', r.nowSec() + (3 * DAY) / 1000, { connect: true });
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('early').disabled).toBe('false');
    r.sim.routerClock.jump(DAY);
    r.sim.clock.advance(2 * MIN);
    // True time is still 12 h before the expiry, yet the router cut: only the drift alert tells anyone.
    expect(r.nowSec()).toBeLessThan(exp);
    expect(r.secret('early').disabled).toBe('true');
    expect(r.active('early')).toBe(false);
    expect(r.secret('later').disabled).toBe('false');
    expect(r.active('later')).toBe(true);
  });

  it('case 8: a startup/1m ticker created mid-uptime fires within 60 s; after a reboot run-count restarts and ticks resume', async () => {
    r = await enforcedRouter(version);
    r.sim.clock.advance(10 * MIN + 17_000);
    r.install();
    const tick = (): number => Number(r.sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })?.['run-count']);
    expect(tick()).toBe(0);
    r.sim.clock.advance(60_000);
    expect(tick()).toBe(1);
    r.sim.reboot({ downMs: MIN });
    expect(tick()).toBe(0);
    r.sim.clock.advance(3000 + 2 * 60_000);
    expect(tick()).toBe(3);
    expect(Number(r.sim.state.menu('/system/script').find({ name: 'ispdesk-enforce' })?.['run-count'])).toBeGreaterThanOrEqual(4);
  });

  it('case 10: timeout address-list entries vanish on reboot; static enforcement is unaffected', async () => {
    r = await enforcedRouter(version);
    r.install();
    const list = r.sim.state.menu('/ip/firewall/address-list');
    list.add({ list: 'paid', address: '10.20.0.9', timeout: '1d' });
    const exp = r.nowSec() + 20 * 60;
    r.addStatic('10.20.0.5', 'sid-s1', exp);
    r.sim.reboot({ downMs: 5 * MIN });
    expect(list.find({ address: '10.20.0.9' })).toBeUndefined();
    expect(list.find({ address: '10.20.0.5' })?.list).toBe('ispdesk-static');
    r.sim.clock.advance(15 * MIN - 60_000);
    expect(list.find({ address: '10.20.0.5' })?.list).toBe('ispdesk-static');
    r.sim.clock.advance(2 * MIN);
    expect(list.find({ address: '10.20.0.5' })?.list).toBe('ispdesk-expired');
  });

  it.each([-300, 330, 0])('case 15: gmt-offset changed to %i minutes: cuts still land on time', async (offset) => {
    r = await enforcedRouter(version);
    r.install();
    const exp = r.nowSec() + 20 * 60;
    r.addPpp('f', exp);
    r.sim.clock.advance(5 * MIN);
    r.sim.routerClock.setGmtOffsetMinutes(offset);
    r.sim.clock.advance(14 * MIN);
    expect(r.secret('f').disabled).toBe('false');
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('f').disabled).toBe('true');
    expect(cutOf(r.secret('f').comment)).toBeGreaterThanOrEqual(exp);
    expect(cutOf(r.secret('f').comment)).toBeLessThanOrEqual(exp + 60);
  });
});
