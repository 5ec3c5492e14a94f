import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'clock-pass', group: 'full' };

describe('simulator sessions and router-side timers on the virtual clock', () => {
  let sim: RouterSimulator;
  let c: RawApiClient;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: new Date('2026-11-27T07:00:00Z'), randomSeed: 3 });
    c = await RawApiClient.connect(sim.port);
    await c.login(ADMIN.name, ADMIN.password);
    sim.state.menu('/ip/pool').add({ name: 'pppoe-pool', ranges: '10.10.0.2-10.10.0.254' });
    sim.state.menu('/ppp/profile').add({ name: 'HOME-5M', 'rate-limit': '5M/5M', 'remote-address': 'pppoe-pool', 'local-address': '10.10.0.1' });
    sim.state.menu('/ppp/secret').add({ name: 'acc1001', password: 'pw', profile: 'HOME-5M', service: 'pppoe' });
  });
  afterEach(async () => {
    c.close();
    await sim.stop();
  });

  it('connects a PPPoE client: active row, dynamic interface and queue from the profile rate-limit', async () => {
    const r = sim.connectPpp('acc1001', 'pw', { callerId: 'AA:BB:CC:00:11:22' });
    expect(r.ok).toBe(true);
    const active = await c.call(['/ppp/active/print', '?name=acc1001']);
    expect(attrsOf(active[0]!)).toMatchObject({ name: 'acc1001', service: 'pppoe', 'caller-id': 'AA:BB:CC:00:11:22', address: '10.10.0.2', uptime: '0s' });
    expect(sim.state.menu('/interface').find({ name: '<pppoe-acc1001>' })).toMatchObject({ type: 'pppoe-in', dynamic: 'true' });
    expect(sim.state.menu('/queue/simple').find({ name: '<pppoe-acc1001>' })).toMatchObject({ 'max-limit': '5000000/5000000', dynamic: 'true', target: '<pppoe-acc1001>' });
    sim.clock.advance(90_000);
    expect(sim.state.menu('/ppp/active').find({ name: 'acc1001' })?.uptime).toBe('1m30s');
    const q = await c.call(['/queue/simple/remove', '=numbers=<pppoe-acc1001>']);
    expect(attrsOf(q[0]!).message).toMatch(/dynamic/);
  });

  it('refuses wrong password, disabled secrets and caller-id mismatches', () => {
    expect(sim.connectPpp('acc1001', 'bad')).toMatchObject({ ok: false });
    sim.state.menu('/ppp/secret').update(sim.state.menu('/ppp/secret').find({ name: 'acc1001' })!['.id']!, { disabled: true, 'caller-id': '' });
    expect(sim.connectPpp('acc1001', 'pw')).toMatchObject({ ok: false, reason: expect.stringMatching(/disabled/) });
    sim.state.menu('/ppp/secret').add({ name: 'locked', password: 'pw', 'caller-id': 'AA:AA:AA:AA:AA:AA' });
    expect(sim.connectPpp('locked', 'pw', { callerId: 'BB:BB:BB:BB:BB:BB' })).toMatchObject({ ok: false });
    expect(sim.connectPpp('locked', 'pw', { callerId: 'aa:aa:aa:aa:aa:aa' })).toMatchObject({ ok: true });
  });

  it('kicks a session via /ppp/active/remove and records last-* on the secret', async () => {
    sim.connectPpp('acc1001', 'pw', { callerId: 'AA:BB:CC:00:11:22' });
    const id = sim.state.menu('/ppp/active').find({ name: 'acc1001' })!['.id']!;
    expect(await c.call(['/ppp/active/remove', `=.id=${id}`])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/active').count).toBe(0);
    expect(sim.state.menu('/interface').find({ name: '<pppoe-acc1001>' })).toBeUndefined();
    expect(sim.state.menu('/queue/simple').find({ name: '<pppoe-acc1001>' })).toBeUndefined();
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1001' })).toMatchObject({
      'last-logged-out': '2026-11-27 10:00:00',
      'last-caller-id': 'AA:BB:CC:00:11:22',
      'last-disconnect-reason': 'nas-request',
    });
    const log = sim.state.menu('/log').all().map((l) => l.message);
    expect(log).toContain('acc1001 logged in, 10.10.0.2 from AA:BB:CC:00:11:22');
  });

  it('expires an address-list entry with a timeout when the clock passes it', async () => {
    const add = await c.call(['/ip/firewall/address-list/add', '=list=expired', '=address=10.10.0.9', '=timeout=1h', '=comment=acc1001']);
    const id = attrsOf(add[0]!).ret!;
    expect(sim.state.menu('/ip/firewall/address-list').get(id)).toMatchObject({ dynamic: 'true', timeout: '1h' });
    expect(await c.call(['/ip/firewall/address-list/add', '=list=expired', '=address=10.10.0.9'])).toEqual([
      ['!trap', '=message=failure: already have such entry'],
      ['!done'],
    ]);
    sim.clock.advance(59 * 60_000);
    expect(sim.state.menu('/ip/firewall/address-list').get(id)?.timeout).toBe('1m');
    sim.clock.advance(60_000);
    expect(sim.state.menu('/ip/firewall/address-list').get(id)).toBeUndefined();
  });

  it('runs a scheduler script that disables a secret and kicks its session, once', async () => {
    sim.connectPpp('acc1001', 'pw');
    const script =
      '/ppp secret disable [find name="acc1001"]; /ppp active remove [find name="acc1001"]\n:log info "acc1001 expired"; /system scheduler remove [find name="expire-acc1001"]';
    await c.call(['/system/scheduler/add', '=name=expire-acc1001', '=start-date=2026-11-27', '=start-time=10:30:00', '=interval=0s', `=on-event=${script}`]);
    expect(sim.state.menu('/system/scheduler').find({ name: 'expire-acc1001' })?.['next-run']).toBe('2026-11-27 10:30:00');
    sim.clock.advance(29 * 60_000);
    expect(sim.state.menu('/ppp/active').count).toBe(1);
    sim.clock.advance(60_000);
    expect(sim.state.menu('/ppp/active').count).toBe(0);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1001' })?.disabled).toBe('true');
    expect(sim.state.menu('/system/scheduler').count).toBe(0);
    expect(sim.state.menu('/log').find({ message: 'acc1001 expired' })).toMatchObject({ topics: 'script,info' });
    expect(sim.scriptErrors).toBe(0);
    expect(sim.connectPpp('acc1001', 'pw')).toMatchObject({ ok: false });
  });

  it('fires repeating schedulers in time order and counts runs', () => {
    sim.state.menu('/system/scheduler').add({ name: 'b', 'start-time': '10:00:30', interval: '1m', 'on-event': ':log info "b"' });
    sim.state.menu('/system/scheduler').add({ name: 'a', 'start-time': '10:00:10', interval: '1m', 'on-event': ':log info "a"' });
    sim.clock.advance(130_000);
    const order = sim.state.menu('/log').filter({ topics: 'script,info' }).map((l) => l.message);
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(sim.state.menu('/system/scheduler').find({ name: 'a' })?.['run-count']).toBe('3');
  });

  it('logs and counts unknown script text without crashing', () => {
    sim.state.menu('/system/scheduler').add({ name: 'bad', 'start-time': '10:00:01', 'on-event': ':foreach i in=[/queue simple find] do={ :frobnicate $i }' });
    sim.state.menu('/system/scheduler').add({ name: 'bad2', 'start-time': '10:00:01', 'on-event': '/ppp secret set [find name="nobody"] profile=missing; /frob nicate' });
    sim.clock.advance(2000);
    expect(sim.scriptErrors).toBe(2);
    expect(sim.state.menu('/log').filter({ topics: 'script,error' }).every((l) => l.message!.startsWith('script error: '))).toBe(true);
  });

  it('kicks a hotspot session when cumulative uptime reaches limit-uptime, then refuses login', async () => {
    sim.state.menu('/ip/hotspot/user/profile').add({ name: '1HR', 'rate-limit': '2M/5M', 'shared-users': 1 });
    await c.call(['/ip/hotspot/user/add', '=server=all', '=name=vc123', '=password=vc123', '=profile=1HR', '=limit-uptime=1h', '=comment=vc-482-11.27.26-']);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'vc123' })?.uptime).toBe('0s');
    const first = sim.loginHotspot('vc123', 'vc123', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.10' });
    expect(first.ok).toBe(true);
    expect(sim.state.menu('/queue/simple').find({ name: '<hotspot-vc123>' })).toMatchObject({ target: '10.5.50.10/32', 'max-limit': '2000000/5000000' });
    sim.clock.advance(40 * 60_000);
    const activeId = sim.state.menu('/ip/hotspot/active').find({ user: 'vc123' })!['.id']!;
    expect(await c.call(['/ip/hotspot/active/remove', `=.id=${activeId}`])).toEqual([['!done']]);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'vc123' })?.uptime).toBe('40m');
    expect(sim.loginHotspot('vc123', 'vc123', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.10' }).ok).toBe(true);
    sim.clock.advance(19 * 60_000);
    expect(sim.state.menu('/ip/hotspot/active').find({ user: 'vc123' })?.['session-time-left']).toBe('1m');
    sim.clock.advance(60_000);
    expect(sim.state.menu('/ip/hotspot/active').count).toBe(0);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'vc123' })?.uptime).toBe('1h');
    expect(sim.loginHotspot('vc123', 'vc123', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.10' })).toEqual({ ok: false, reason: 'user vc123 has reached uptime limit' });
  });

  it('logs a hotspot host in over the API and traps unknown host IPs', async () => {
    await c.call(['/ip/hotspot/user/add', '=name=u1', '=password=p1']);
    expect(await c.call(['/ip/hotspot/active/login', '=user=u1', '=password=p1', '=ip=10.5.50.77', '=mac-address=AA:00:00:00:00:77'])).toEqual([
      ['!trap', '=message=unknown host IP 10.5.50.77'],
      ['!done'],
    ]);
    sim.state.menu('/ip/hotspot/host').add({ 'mac-address': 'AA:00:00:00:00:77', address: '10.5.50.77', 'to-address': '10.5.50.77', server: 'hotspot1' });
    expect(await c.call(['/ip/hotspot/active/login', '=user=u1', '=password=p1', '=ip=10.5.50.77', '=mac-address=AA:00:00:00:00:77'])).toEqual([['!done']]);
    expect(sim.state.menu('/ip/hotspot/active').find({ user: 'u1' })).toMatchObject({ address: '10.5.50.77', server: 'hotspot1' });
    expect(await c.call(['/ip/hotspot/user/add', '=name=u1'])).toEqual([
      ['!trap', '=message=failure: already have user with this name for this server'],
      ['!done'],
    ]);
  });
});
