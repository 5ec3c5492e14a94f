import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'menus-pass', group: 'full' };

describe('simulator menus', () => {
  let sim: RouterSimulator;
  let c: RawApiClient;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: new Date('2026-11-27T07:00:00Z'), randomSeed: 5 });
    c = await RawApiClient.connect(sim.port);
    await c.login(ADMIN.name, ADMIN.password);
  });
  afterEach(async () => {
    c.close();
    await sim.stop();
  });

  it('orders simple queues: add place-before and move', async () => {
    const ids: string[] = [];
    for (const n of ['q1', 'q2', 'q3']) ids.push(attrsOf((await c.call(['/queue/simple/add', `=name=${n}`, '=target=10.0.0.1', '=max-limit=2M/5M']))[0]!).ret!);
    await c.call(['/queue/simple/add', '=name=q0', '=target=10.0.0.9/32', `=place-before=${ids[0]}`]);
    await c.call(['/queue/simple/move', `=numbers=${ids[2]}`, `=destination=${ids[1]}`]);
    const names = (await c.call(['/queue/simple/print', '=.proplist=name'])).filter((s) => s[0] === '!re').map((s) => attrsOf(s).name);
    expect(names).toEqual(['q0', 'q1', 'q3', 'q2']);
    expect(sim.state.menu('/queue/simple').find({ name: 'q1' })).toMatchObject({ target: '10.0.0.1/32', 'max-limit': '2000000/5000000' });
    expect(await c.call(['/queue/simple/add', '=name=q1', '=target=10.0.0.2'])).toEqual([['!trap', '=message=failure: already have such name'], ['!done']]);
  });

  it('unsets a property so it is omitted again', async () => {
    const id = attrsOf((await c.call(['/ppp/secret/add', '=name=u', '=remote-address=10.10.0.50']))[0]!).ret!;
    expect(sim.state.menu('/ppp/secret').get(id)?.['remote-address']).toBe('10.10.0.50');
    expect(await c.call(['/ppp/secret/unset', `=.id=${id}`, '=value-name=remote-address'])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/secret').get(id)).not.toHaveProperty('remote-address');
  });

  it('enables and disables by name list', async () => {
    sim.state.menu('/ppp/secret').add({ name: 'a' });
    sim.state.menu('/ppp/secret').add({ name: 'b' });
    expect(await c.call(['/ppp/secret/disable', '=numbers=a,b'])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/secret').filter({ disabled: 'true' })).toHaveLength(2);
    expect(await c.call(['/ppp/secret/print', '?disabled=yes', '=count-only='])).toEqual([['!done', '=ret=2']]);
    await c.call(['/ppp/secret/enable', '=numbers=a']);
    expect(sim.state.menu('/ppp/secret').find({ name: 'a' })?.disabled).toBe('false');
  });

  it('makes a dynamic DHCP lease static', async () => {
    const id = sim.state.menu('/ip/dhcp-server/lease').add({ address: '192.168.88.120', 'mac-address': 'AA:BB:CC:DD:EE:01', dynamic: true, status: 'bound' });
    expect(await c.call(['/ip/dhcp-server/lease/make-static', `=.id=${id}`])).toEqual([['!done']]);
    const rows = await c.call(['/ip/dhcp-server/lease/print', '?mac-address=AA:BB:CC:DD:EE:01']);
    expect(attrsOf(rows[0]!)).toMatchObject({ dynamic: 'false', status: 'bound', address: '192.168.88.120' });
  });

  it('runs a stored script and counts its runs', async () => {
    sim.state.menu('/ppp/secret').add({ name: 'acc9' });
    const id = attrsOf((await c.call(['/system/script/add', '=name=lock', '=source=/ppp secret disable [find name="acc9"]']))[0]!).ret!;
    expect(await c.call(['/system/script/run', `=.id=${id}`])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc9' })?.disabled).toBe('true');
    expect(sim.state.menu('/system/script').get(id)?.['run-count']).toBe('1');
  });

  it('grows interface counters with the clock', () => {
    const a = sim.state.menu('/interface').find({ name: 'ether1' })!;
    sim.clock.advance(10_000);
    const b = sim.state.menu('/interface').find({ name: 'ether1' })!;
    expect(Number(b['rx-byte'])).toBeGreaterThan(Number(a['rx-byte']));
    expect(Number(b['tx-byte'])).toBeGreaterThan(Number(a['tx-byte']));
  });

  it('flips netwatch status on the clock and runs the down script', () => {
    sim.state.menu('/ppp/secret').add({ name: 'tower-alarm' });
    sim.state.menu('/tool/netwatch').add({ host: '10.10.0.250', interval: '10s', 'down-script': '/ppp secret disable [find name="tower-alarm"]', 'up-script': ':log info "tower up"' });
    sim.clock.advance(1);
    expect(sim.state.menu('/tool/netwatch').find({ host: '10.10.0.250' })?.status).toBe('up');
    sim.setHostReachable('10.10.0.250', false);
    sim.clock.advance(10_000);
    expect(sim.state.menu('/tool/netwatch').find({ host: '10.10.0.250' })?.status).toBe('down');
    expect(sim.state.menu('/ppp/secret').find({ name: 'tower-alarm' })?.disabled).toBe('true');
  });

  it('rejects unknown enum values with the router text', async () => {
    expect(await c.call(['/ppp/secret/add', '=name=x', '=service=carrier-pigeon'])).toEqual([
      ['!trap', '=category=1', '=message=input does not match any value of service'],
      ['!done'],
    ]);
  });

  it('exports a deterministic .rsc: same state, same text except the dated first line', async () => {
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'pw1', comment: 'Jane Wanjiku' });
    const exported = async (...words: string[]): Promise<string> => {
      expect(await c.call(['/export', '=file=det', ...words])).toEqual([['!done']]);
      return attrsOf((await c.call(['/file/print', '?name=det.rsc']))[0]!).contents!;
    };
    const one = await exported();
    sim.clock.advance(86_400_000);
    const two = await exported();
    expect(one.split('\n')[0]).toMatch(/^# 2026-11-27 10:00:00 by RouterOS 7\.16\.2$/);
    expect(two.split('\n').slice(1)).toEqual(one.split('\n').slice(1));
    expect(one).toContain('/ppp secret\nadd name=acc1 comment="Jane Wanjiku"');
    expect(one).not.toContain('pw1');
    expect(await exported('=show-sensitive=')).toContain('password=pw1');
  });

  it('writes /export file= into /file with its contents', async () => {
    expect(await c.call(['/export', '=file=backup'])).toEqual([['!done']]);
    const f = await c.call(['/file/print', '?name=backup.rsc']);
    expect(attrsOf(f[0]!)).toMatchObject({ name: 'backup.rsc', type: 'script' });
    expect(attrsOf(f[0]!).contents).toContain('/ip hotspot\nadd name=hotspot1 interface=bridge');
  });
});

describe('simulator on RouterOS v6', () => {
  it('uses v6 date formats in /log and PPP last-logged-out', async () => {
    const sim = await startRouterSimulator({ version: '6.49.17', clock: 'virtual', startTime: new Date('2026-11-27T07:00:00Z'), users: [ADMIN] });
    try {
      sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p' });
      sim.connectPpp('acc1', 'p');
      sim.clock.advance(86_400_000);
      sim.disconnectPpp('acc1', 'peer-request');
      expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })).toMatchObject({ 'last-logged-out': 'nov/28/2026 10:00:00', 'last-disconnect-reason': 'peer-request' });
      const first = sim.state.menu('/log').all()[0]!;
      expect(first.time).toBe('nov/27 10:00:00');
      expect(sim.state.menu('/log').all().at(-1)!.time).toBe('10:00:00');
      expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })).not.toHaveProperty('ipv6-routes');
    } finally {
      await sim.stop();
    }
  });
});
