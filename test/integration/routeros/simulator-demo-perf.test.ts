import { describe, expect, it } from 'vitest';
import { startRouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'demo-pass', group: 'full' };
const START = new Date('2026-11-27T07:00:00Z');

describe('demo ISP seed', () => {
  it('builds a realistic, deterministic Kenyan ISP router', async () => {
    const a = await startRouterSimulator({ seed: 'demo', randomSeed: 99, clock: 'virtual', startTime: START, users: [ADMIN] });
    const b = await startRouterSimulator({ seed: 'demo', randomSeed: 99, clock: 'virtual', startTime: START, users: [ADMIN] });
    try {
      const s = a.state;
      expect(s.singleton('/system/identity').get().name).toBe('CORE-NAIROBI-01');
      expect(s.singleton('/system/resource').get()['board-name']).toBe('CCR2004-16G-2S+');
      expect(s.menu('/ppp/profile').all().map((p) => p.name)).toEqual(expect.arrayContaining(['default', 'default-encryption', 'HOME-5M', 'HOME-10M', 'BIZ-20M', 'BIZ-50M', 'Disconnect']));
      expect(s.menu('/ppp/secret').count).toBe(300);
      expect(s.menu('/ppp/secret').filter({ disabled: 'true' }).length).toBeGreaterThan(5);
      expect(s.menu('/ppp/active').count).toBe(120);
      expect(s.menu('/queue/simple').filter({ dynamic: 'true' }).length).toBe(120 + 8);
      expect(s.menu('/ip/hotspot/user').filter({ default: 'false' })).toHaveLength(50);
      expect(s.menu('/ip/hotspot/user').filter({ default: 'false' }).every((u) => /^vc-\d{3}-/.test(u.comment ?? ''))).toBe(true);
      expect(s.menu('/ip/hotspot/user/profile').count).toBe(4);
      expect(s.menu('/ip/firewall/address-list').filter({ list: 'expired' }).length).toBeGreaterThan(0);
      expect(s.menu('/ip/firewall/filter').find({ chain: 'forward', action: 'drop', 'src-address-list': 'expired' })).toBeDefined();
      expect(s.menu('/interface').find({ name: 'ether1-WAN' })).toMatchObject({ 'default-name': 'ether1' });
      expect(a.scriptErrors).toBe(0);
      expect(b.state.menu('/ppp/secret').all()).toEqual(s.menu('/ppp/secret').all());
      expect(b.state.menu('/ppp/active').all()).toEqual(s.menu('/ppp/active').all());
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('seeds the smaller branch variant', async () => {
    const sim = await startRouterSimulator({ seed: 'demo', demoVariant: 'branch', randomSeed: 1, users: [ADMIN] });
    try {
      expect(sim.state.singleton('/system/identity').get().name).toBe('BRANCH-KITENGELA-01');
      expect(sim.state.menu('/ppp/active').count).toBe(30);
    } finally {
      await sim.stop();
    }
  });
});

// How fast is measured by `npm run bench` (routeros.print_10k_ratio, routeros.concurrent_1k_ratio), not here.
describe('simulator at scale', () => {
  it('prints 10k PPP secrets with .proplist and answers 1,000 concurrent tagged prints', async () => {
    const sim = await startRouterSimulator({ users: [ADMIN] });
    const c = await RawApiClient.connect(sim.port);
    try {
      const m = sim.state.menu('/ppp/secret');
      for (let i = 0; i < 10_000; i++) m.add({ name: `acc${i}`, password: 'x', comment: `Customer ${i}` });
      await c.login(ADMIN.name, ADMIN.password);
      const rows = await c.command(['/ppp/secret/print', '=.proplist=.id,name,disabled'], 'big', 10_000);
      expect(rows).toHaveLength(10_001);
      const start = c.received.length;
      for (let i = 0; i < 1000; i++) void c.send(['/ppp/secret/print', `?name=acc${i * 9}`, '=.proplist=name', `.tag=t${i}`]);
      await c.waitUntil((r) => r.length - start >= 2000, 10_000);
      const answered = c.received.slice(start).filter((s) => s[0] === '!re');
      expect(answered).toHaveLength(1000);
      expect(attrsOf(answered[999]!).name).toBe(`acc${999 * 9}`);
    } finally {
      c.close();
      await sim.stop();
    }
  });
});
