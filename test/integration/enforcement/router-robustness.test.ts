/**
 * router-enforcement.md §3 cases 9, 11, 12, 13, 14 and strict mode: a scheduler without the script's
 * policy (and the health check that reports it), a malformed comment, renewal after a cut, installing
 * twice / a version bump, an overlapping run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEnforcementTag } from '../../../src-shared/domain/enforcement-tag';
import { checkEnforcementHealth } from '../../../src-main/core/enforcement/router-state';
import { planChanges } from '../../../src-main/core/enforcement/plan';
import { DEFAULT_ENFORCEMENT_SETTINGS, prerequisiteObjects } from '../../../src-main/core/enforcement/prerequisites';
import { MIN, ROUTER_ID, VERSIONS, cutOf, enforcedRouter, routerRows, type EnforcedRouter } from './harness';

describe.each(VERSIONS)('robustness (%s)', (version) => {
  let r: EnforcedRouter;
  afterEach(async () => {
    await r.stop();
  });

  it('case 9: a policy=read ticker gets "not enough permissions" and the health check reports it', async () => {
    r = await enforcedRouter(version);
    r.install();
    const scheduler = r.sim.state.menu('/system/scheduler');
    scheduler.update(scheduler.find({ name: 'ispdesk-tick' })!['.id']!, { policy: 'read' });
    r.addPpp('a', r.nowSec() + 60);
    r.sim.clock.advance(3 * MIN);
    expect(r.secret('a').disabled).toBe('false');
    expect(r.logs('script,error').some((m) => m.includes('not enough permissions'))).toBe(true);
    const report = await checkEnforcementHealth(await r.connect(), r.sim.clock.now());
    expect(report.findings).toContainEqual({ code: 'tick-policy', missing: ['write'] });
    expect(report.findings).toContainEqual({ code: 'script-not-running', tickRuns: 3 });
  });

  it('health check: a healthy router has no findings; a clock a day ahead and NTP off are reported', async () => {
    r = await enforcedRouter(version);
    r.install();
    r.sim.clock.advance(2 * MIN);
    const conn = await r.connect();
    const first = await checkEnforcementHealth(conn, r.sim.clock.now());
    expect(first.findings).toEqual([]);
    r.sim.clock.advance(2 * MIN);
    expect((await checkEnforcementHealth(conn, r.sim.clock.now(), first.tickRunCount)).findings).toEqual([]);
    r.sim.routerClock.jump(86_400_000);
    r.sim.state.singleton('/system/ntp/client').set({ enabled: false });
    const later = await checkEnforcementHealth(conn, r.sim.clock.now());
    expect(later.findings).toContainEqual({ code: 'clock-off', offsetSec: 86_400 });
    expect(later.findings).toContainEqual({ code: 'ntp-disabled' });
  });

  it('case 11: one malformed comment is skipped with a warning; the others are still processed', async () => {
    r = await enforcedRouter(version);
    r.install();
    r.addPpp('broken', 0, { comment: 'ispdesk:v1;sid=x;exp=soon;plan=HOME-10M' });
    r.addPpp('nosemi', 0, { comment: 'ispdesk:v1;sid=y' });
    r.addPpp('ok', r.nowSec() + 30);
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('ok').disabled).toBe('true');
    expect(r.secret('broken').disabled).toBe('false');
    expect(r.secret('nosemi').disabled).toBe('false');
    expect(r.logs('script,warning').filter((m) => m.includes('unreadable comment')).length).toBeGreaterThanOrEqual(2);
    expect(r.sim.scriptErrors).toBe(0);
  });

  it('case 12: renewal 30 s after a cut (new exp, plan profile back, cut cleared, session removed) is not cut again', async () => {
    r = await enforcedRouter(version);
    r.install({ expiryAction: 'expired-profile' });
    const exp = r.nowSec() + 60;
    r.addPpp('a', exp);
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('a').profile).toBe('ispdesk-expired');
    r.sim.clock.advance(30_000);
    // What the app's renewal writes (one outbox group of absolute sets).
    const id = r.secret('a')['.id']!;
    const renewed = r.nowSec() + 30 * 86_400;
    r.sim.state.menu('/ppp/secret').update(id, { profile: 'HOME-10M', disabled: false, comment: encodeEnforcementTag({ subscriberId: 'sid-a', expiresAtSec: renewed, plan: 'HOME-10M', cutAtSec: null }) });
    expect(r.sim.connectPpp('a', 'pw').ok).toBe(true);
    r.sim.clock.advance(10 * MIN);
    expect(r.secret('a')).toMatchObject({ profile: 'HOME-10M', disabled: 'false' });
    expect(cutOf(r.secret('a').comment)).toBeNull();
    expect(r.active('a')).toBe(true);
  });

  it('case 13: installing twice gives the same object set; a changed script version or setting is a set in place', async () => {
    r = await enforcedRouter(version);
    const first = r.install({ noticeUrl: 'http://10.0.0.5:8080/pay' });
    expect(first.map((c) => c.action)).toEqual(first.map(() => 'add'));
    const snapshot = (): string[] =>
      ['/system/script', '/system/scheduler', '/ppp/profile', '/ip/firewall/filter', '/ip/firewall/nat'].flatMap((m) => r.sim.state.menu(m).all().map((o) => `${m} ${o['.id']} ${o.name ?? o.comment}`));
    const before = snapshot();
    expect(r.install({ noticeUrl: 'http://10.0.0.5:8080/pay' })).toEqual([]);
    expect(snapshot()).toEqual(before);
    const bumped = r.install({ noticeUrl: 'http://10.0.0.5:8080/pay', expiryAction: 'expired-profile' });
    expect(bumped).toHaveLength(1);
    expect(bumped[0]).toMatchObject({ menu: '/system/script', action: 'set', tag: 'name=ispdesk-enforce' });
    expect(Object.keys(bumped[0]!.props)).toEqual(['source']);
    expect(snapshot()).toEqual(before);
    // A removal plan takes everything away again (enforcement.remove).
    const desired = prerequisiteObjects(ROUTER_ID, 7, { ...DEFAULT_ENFORCEMENT_SETTINGS, noticeUrl: 'http://10.0.0.5:8080/pay' }).map((d) => ({ ...d, props: null }));
    const removal = planChanges(desired, routerRows(r.sim, desired));
    expect(removal.every((c) => c.action === 'remove')).toBe(true);
    expect(removal).toHaveLength(first.length);
  });

  it('case 14: a run that finds the previous one still going exits; a stale flag (dead run) does not block for ever', async () => {
    r = await enforcedRouter(version);
    r.install();
    r.addPpp('a', r.nowSec() + 30);
    r.sim.clock.advance(2000);
    // The router booted at the start of the test: uptime is 2 s. A run that started then is still going
    // (a sweep longer than 60 s), as its flag says.
    r.sim.setScriptGlobal('ispdeskRunSince', 2);
    r.sim.clock.advance(2 * MIN);
    expect(r.secret('a').disabled).toBe('false');
    expect(r.logs('script,warning')).toContain('ispdesk: previous sweep still running, this run exits');
    r.sim.clock.advance(9 * MIN);
    expect(r.secret('a').disabled).toBe('true');
    expect(r.sim.scriptErrors).toBe(0);
  });

  it('strict mode: while the clock is unknown, expiries within the assumed outage after the bound are cut', async () => {
    r = await enforcedRouter(version);
    r.install({ strictAssumeSec: 2 * 3600 });
    const exp = r.nowSec() + 90 * 60;
    r.addPpp('b', exp, { connect: false });
    r.sim.clock.advance(2 * MIN);
    r.sim.reboot({ downMs: 30 * MIN, bootClock: 'epoch-1970', ntpSyncAfterMs: 'never' });
    r.sim.clock.advance(3000);
    expect(r.secret('b').disabled).toBe('true');
  });
});
