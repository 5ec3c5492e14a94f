/**
 * router-enforcement.md §3 case 1 (and the static-IP variant): with no app code running, the router's own
 * sweeper cuts an expired subscriber within 60 s and leaves a later expiry alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, MIN, VERSIONS, cutOf, enforcedRouter, type EnforcedRouter } from './harness';

describe.each(VERSIONS)('router cuts on its own (%s)', (version) => {
  let r: EnforcedRouter;
  afterEach(async () => {
    await r.stop();
  });

  it.each(['disable', 'expired-profile'] as const)('case 1: PPPoE, action %s: cut within 60 s of expiry, later expiry untouched', async (action) => {
    r = await enforcedRouter(version);
    r.install({ expiryAction: action });
    const exp = r.nowSec() + 10 * 60;
    r.addPpp('alice', exp);
    r.addPpp('bob', r.nowSec() + 2 * DAY / 1000);
    // The app is stopped from here on: only the router's scheduler runs.
    r.sim.clock.advance(10 * MIN - 1000);
    expect(r.secret('alice').disabled).toBe('false');
    expect(r.active('alice')).toBe(true);
    r.sim.clock.advance(61_000);
    const alice = r.secret('alice');
    if (action === 'disable') {
      expect(alice.disabled).toBe('true');
      expect(alice.profile).toBe('HOME-10M');
    } else {
      expect(alice.disabled).toBe('false');
      expect(alice.profile).toBe('ispdesk-expired');
    }
    const cut = cutOf(alice.comment);
    expect(cut).not.toBeNull();
    expect(cut!).toBeGreaterThanOrEqual(exp);
    expect(cut!).toBeLessThanOrEqual(exp + 60);
    expect(r.active('alice')).toBe(false);
    expect(r.secret('bob')).toMatchObject({ disabled: 'false', profile: 'HOME-10M' });
    expect(cutOf(r.secret('bob').comment)).toBeNull();
    expect(r.active('bob')).toBe(true);
    expect(r.sim.scriptErrors).toBe(0);
    expect(r.logs('script,info')).toContain('ispdesk: cut alice');
  });

  it('static subscriber: moved from ispdesk-static to ispdesk-expired at expiry', async () => {
    r = await enforcedRouter(version);
    r.install();
    const exp = r.nowSec() + 5 * 60;
    r.addStatic('10.20.0.5', 'sid-s1', exp);
    r.addStatic('10.20.0.6', 'sid-s2', exp + DAY / 1000);
    r.sim.clock.advance(5 * MIN + 60_000);
    const list = r.sim.state.menu('/ip/firewall/address-list');
    expect(list.find({ address: '10.20.0.5' })?.list).toBe('ispdesk-expired');
    expect(cutOf(list.find({ address: '10.20.0.5' })?.comment)).toBeGreaterThanOrEqual(exp);
    expect(list.find({ address: '10.20.0.6' })?.list).toBe('ispdesk-static');
    expect(r.sim.scriptErrors).toBe(0);
  });

  it('2,000 tagged secrets: exactly the 500 expired ones are cut in one tick, the rest untouched', async () => {
    r = await enforcedRouter(version);
    r.install();
    const now = r.nowSec();
    for (let i = 0; i < 2000; i++) r.addPpp(`acc${i}`, i % 4 === 0 ? now + 30 : now + 86_400, { connect: false });
    r.sim.clock.advance(90_000);
    const secrets = r.sim.state.menu('/ppp/secret').all();
    const cut = secrets.filter((x) => x.disabled === 'true').map((x) => x.name);
    expect(cut).toHaveLength(500);
    expect(cut.every((n) => Number(n!.slice(3)) % 4 === 0)).toBe(true);
    expect(r.sim.scriptErrors).toBe(0);
  });
});
