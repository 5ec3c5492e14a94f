import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'script-pass', group: 'full' };

describe('simulator script subset (what the product writes into schedulers)', () => {
  let sim: RouterSimulator;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: new Date('2026-11-27T07:00:00Z'), randomSeed: 8 });
    sim.state.menu('/ppp/profile').add({ name: 'HOME-5M', 'rate-limit': '5M/5M' });
    sim.state.menu('/ppp/profile').add({ name: 'Disconnect', 'rate-limit': '1k/1k' });
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p', profile: 'HOME-5M' });
    sim.state.menu('/ppp/secret').add({ name: 'acc2', password: 'p', profile: 'HOME-5M', disabled: true });
    sim.state.menu('/ip/hotspot/user').add({ name: 'v1', password: 'v1' });
    sim.state.menu('/ip/hotspot/user').add({ name: 'v2', password: 'v2' });
  });
  afterEach(async () => {
    await sim.stop();
  });

  function runOnce(name: string, source: string): void {
    sim.state.menu('/system/scheduler').add({ name, 'start-time': '10:00:05', interval: '0s', 'on-event': source });
    sim.clock.advance(5000);
  }

  it('runs every supported statement form', () => {
    sim.connectPpp('acc1', 'p');
    sim.loginHotspot('v2', 'v2', { mac: 'AA:00:00:00:00:02', ip: '10.5.50.2' });
    runOnce(
      'all',
      [
        '/ppp secret set [find name="acc1"] profile="Disconnect" disabled=yes',
        '/ppp secret enable [find name="acc2"]',
        '/ppp active remove [find name="acc1"]',
        '/ip hotspot user disable [find name="v1"]',
        '/ip hotspot active remove [find user="v2"]',
        '/ip hotspot user remove [find name="v2"]',
        '/ip firewall address-list add list=expired address=10.10.0.7 comment="acc1 expired"',
        '/ip firewall address-list add list=expired address=10.10.0.8',
        '/ip firewall address-list remove [find list=expired address=10.10.0.8]',
        ':log info "expiry run done"',
        '/system scheduler remove [find name="all"]',
      ].join('\n'),
    );
    expect(sim.scriptErrors).toBe(0);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })).toMatchObject({ profile: 'Disconnect', disabled: 'true', 'last-disconnect-reason': 'nas-request' });
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc2' })?.disabled).toBe('false');
    expect(sim.state.menu('/ppp/active').count).toBe(0);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'v1' })?.disabled).toBe('true');
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'v2' })).toBeUndefined();
    expect(sim.state.menu('/ip/hotspot/active').count).toBe(0);
    expect(sim.state.menu('/ip/firewall/address-list').all().map((e) => [e.list, e.address, e.comment])).toEqual([['expired', '10.10.0.7', 'acc1 expired']]);
    expect(sim.state.menu('/log').find({ message: 'expiry run done' })).toBeDefined();
    expect(sim.state.menu('/system/scheduler').count).toBe(0);
  });

  it('treats a find that matches nothing as a no-op, as RouterOS does', () => {
    runOnce('noop', '/ppp secret disable [find name="nobody"]; /ppp active remove [find name="nobody"]');
    expect(sim.scriptErrors).toBe(0);
  });

  it('stops at the first failing statement and logs a script error', () => {
    runOnce('fails', '/ppp secret set [find name="acc1"] profile=NOPE; /ppp secret disable [find name="acc1"]');
    expect(sim.scriptErrors).toBe(1);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })?.disabled).toBe('false');
    expect(sim.state.menu('/log').filter({ topics: 'script,error' })[0]?.message).toMatch(/^script error: input does not match any value of profile/);
  });

  it('streams ping without count until /cancel', async () => {
    const c = await RawApiClient.connect(sim.port);
    try {
      await c.login(ADMIN.name, ADMIN.password);
      await c.send(['/ping', '=address=8.8.8.8', '.tag=p']);
      await c.waitUntil(() => c.ofTag('p').length >= 1);
      sim.clock.advance(4000);
      await c.waitUntil(() => c.ofTag('p').length >= 5);
      await c.send(['/cancel', '=tag=p', '.tag=c']);
      await c.waitUntil(() => c.ofTag('p').some((s) => s[0] === '!done'));
      expect(c.ofTag('p').slice(-2)).toEqual([['!trap', '.tag=p', '=category=2', '=message=interrupted'], ['!done', '.tag=p']]);
      expect(attrsOf(c.ofTag('p')[4]!)).toMatchObject({ seq: '4', sent: '5', received: '5' });
    } finally {
      c.close();
    }
  });
});
