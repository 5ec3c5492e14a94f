import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'stream-pass', group: 'full' };

describe('simulator streaming, tags and /cancel', () => {
  let sim: RouterSimulator;
  let c: RawApiClient;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: new Date('2026-11-27T07:00:00Z'), randomSeed: 7 });
    c = await RawApiClient.connect(sim.port);
    await c.login(ADMIN.name, ADMIN.password);
  });
  afterEach(async () => {
    c.close();
    await sim.stop();
  });

  it('cancels a tagged stream with trap, cancel !done, then the stream !done — in that order', async () => {
    await c.send(['/interface/monitor-traffic', '=interface=ether1', '.tag=10']);
    await c.waitUntil(() => c.ofTag('10').length >= 1);
    const before = c.received.length;
    await c.send(['/cancel', '=tag=10', '.tag=20']);
    await c.waitUntil((r) => r.slice(before).length >= 3);
    expect(c.received.slice(before)).toEqual([
      ['!trap', '.tag=10', '=category=2', '=message=interrupted'],
      ['!done', '.tag=20'],
      ['!done', '.tag=10'],
    ]);
  });

  it('cancels every running command when /cancel has no tag', async () => {
    await c.send(['/interface/monitor-traffic', '=interface=ether1', '.tag=a']);
    await c.send(['/log/print', '=follow-only=', '.tag=b']);
    await c.waitUntil(() => c.ofTag('a').length >= 1);
    await c.send(['/cancel', '.tag=c']);
    await c.waitUntil(() => c.ofTag('a').some((s) => s[0] === '!done') && c.ofTag('b').some((s) => s[0] === '!done'));
    expect(c.ofTag('b')).toEqual([
      ['!trap', '.tag=b', '=category=2', '=message=interrupted'],
      ['!done', '.tag=b'],
    ]);
    expect(c.ofTag('c')).toEqual([['!done', '.tag=c']]);
  });

  it('streams one monitor-traffic row per second of router time, with moving rates', async () => {
    await c.send(['/interface/monitor-traffic', '=interface=ether1,ether2', '.tag=m']);
    await c.waitUntil(() => c.ofTag('m').length >= 2);
    expect(c.ofTag('m').map((s) => attrsOf(s).name)).toEqual(['ether1', 'ether2']);
    sim.clock.advance(3000);
    await c.waitUntil(() => c.ofTag('m').length >= 8);
    const ether1 = c.ofTag('m').filter((s) => attrsOf(s).name === 'ether1').map((s) => Number(attrsOf(s)['rx-bits-per-second']));
    expect(ether1).toHaveLength(4);
    expect(new Set(ether1).size).toBeGreaterThan(1);
    expect(ether1.every((v) => v > 0)).toBe(true);
    await c.send(['/cancel', '=tag=m']);
    await c.waitUntil(() => c.ofTag('m').some((s) => s[0] === '!done'));
    const n = c.ofTag('m').length;
    sim.clock.advance(5000);
    await new Promise((r) => setTimeout(r, 20));
    expect(c.ofTag('m')).toHaveLength(n);
  });

  it('answers monitor-traffic =once= with one row per interface then !done', async () => {
    const r = await c.command(['/interface/monitor-traffic', '=interface=ether1,ether3', '=once='], 'o');
    expect(r.map((s) => s[0])).toEqual(['!re', '!re', '!done']);
    expect(attrsOf(r[1]!).name).toBe('ether3');
  });

  it('interleaves replies of concurrent tagged commands on one connection', async () => {
    await c.send(['/interface/monitor-traffic', '=interface=ether1', '.tag=s']);
    const r = await c.command(['/system/identity/print'], 'q');
    expect(r).toEqual([['!re', '.tag=q', '=name=MikroTik'], ['!done', '.tag=q']]);
    expect(c.ofTag('s').some((s) => s[0] === '!done')).toBe(false);
  });

  it('streams listen events with .dead=true for removed items', async () => {
    await c.send(['/ppp/secret/listen', '.tag=l']);
    await new Promise((r) => setTimeout(r, 10));
    const id = sim.state.menu('/ppp/secret').add({ name: 'u1', password: 'p' });
    sim.state.menu('/ppp/secret').update(id, { comment: 'hello' });
    sim.state.menu('/ppp/secret').remove(id);
    await c.waitUntil(() => c.ofTag('l').length >= 3);
    const [added, changed, dead] = c.ofTag('l');
    expect(attrsOf(added!).name).toBe('u1');
    expect(attrsOf(changed!).comment).toBe('hello');
    expect(dead).toEqual(['!re', '.tag=l', `=.id=${id}`, '=.dead=true']);
  });

  it('follows /log with follow-only until cancelled', async () => {
    await c.send(['/log/print', '=follow-only=', '.tag=f']);
    await new Promise((r) => setTimeout(r, 10));
    sim.state.router.log('system,info', 'hello from the test');
    await c.waitUntil(() => c.ofTag('f').length >= 1);
    expect(attrsOf(c.ofTag('f')[0]!).message).toBe('hello from the test');
    expect(attrsOf(c.ofTag('f')[0]!).time).toBe('10:00:00');
  });

  it('paces ping probes by the clock and reports timeouts for unreachable hosts', async () => {
    sim.setHostReachable('10.9.9.9', false);
    const lost = await c.command(['/ping', '=address=10.9.9.9', '=count=1'], 'p0');
    expect(attrsOf(lost[0]!)).toMatchObject({ seq: '0', host: '10.9.9.9', status: 'timeout', sent: '1', received: '0', 'packet-loss': '100' });
    await c.send(['/ping', '=address=1.1.1.1', '=count=3', '.tag=p']);
    await c.waitUntil(() => c.ofTag('p').length >= 1);
    expect(c.ofTag('p')).toHaveLength(1);
    sim.clock.advance(2000);
    await c.waitUntil(() => c.ofTag('p').some((s) => s[0] === '!done'));
    const rows = c.ofTag('p').filter((s) => s[0] === '!re').map(attrsOf);
    expect(rows.map((r) => r.seq)).toEqual(['0', '1', '2']);
    expect(rows[2]).toMatchObject({ sent: '3', received: '3', 'packet-loss': '0' });
    expect(rows[0]!.time).toMatch(/^\d+ms(\d+us)?$/);
    expect(rows[2]).toHaveProperty('avg-rtt');
  });
});
