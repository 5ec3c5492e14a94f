import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startRouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

function md5Response(password: Buffer, challengeHex: string): string {
  return '00' + createHash('md5').update(Buffer.concat([Buffer.from([0]), password, Buffer.from(challengeHex, 'hex')])).digest('hex');
}

describe('simulator login modes and RouterOS versions', () => {
  it('performs the legacy MD5 challenge login byte-correctly with a non-ASCII UTF-8 password', async () => {
    const password = 'Ngũgĩ-mkopo-€';
    const sim = await startRouterSimulator({ loginMode: 'legacy', version: '6.40.9', users: [{ name: 'admin', password, group: 'full' }] });
    const c = await RawApiClient.connect(sim.port);
    try {
      const first = await c.call(['/login', '=name=admin', '=password=ignored-by-old-routers']);
      const challenge = attrsOf(first[0]!).ret!;
      expect(first).toHaveLength(1);
      expect(challenge).toMatch(/^[0-9a-f]{32}$/);
      const ok = await c.call(['/login', '=name=admin', `=response=${md5Response(Buffer.from(password, 'utf8'), challenge)}`]);
      expect(ok).toEqual([['!done']]);
    } finally {
      c.close();
      await sim.stop();
    }
  });

  it('answers a wrong legacy response with "cannot log in"', async () => {
    const sim = await startRouterSimulator({ loginMode: 'legacy', version: '6.40.9', users: [{ name: 'admin', password: 'right', group: 'full' }] });
    const c = await RawApiClient.connect(sim.port);
    try {
      const ch = attrsOf((await c.call(['/login']))[0]!).ret!;
      const bad = await c.call(['/login', '=name=admin', `=response=${md5Response(Buffer.from('wrong'), ch)}`]);
      expect(bad).toEqual([['!trap', '=message=cannot log in'], ['!done']]);
    } finally {
      c.close();
      await sim.stop();
    }
  });

  it('emits !empty before !done for empty prints only from 7.18 on', async () => {
    for (const [version, expected] of [
      ['7.16.2', [['!done']]],
      ['7.18', [['!empty'], ['!done']]],
      ['7.19', [['!empty'], ['!done']]],
      ['6.49.17', [['!done']]],
    ] as const) {
      const sim = await startRouterSimulator({ version, users: [{ name: 'a', password: 'b', group: 'full' }] });
      const c = await RawApiClient.connect(sim.port);
      try {
        await c.login('a', 'b');
        expect(await c.call(['/ppp/secret/print', '?name=nobody']), version).toEqual(expected);
        expect((await c.call(['/ppp/secret/print', '=count-only=']))[0], version).toEqual(['!done', '=ret=0']);
      } finally {
        c.close();
        await sim.stop();
      }
    }
  });

  it('formats dates the v6 way before 7.10 and ISO from 7.10, with the version channel', async () => {
    const start = new Date('2026-11-27T07:00:00Z');
    const v6 = await startRouterSimulator({ version: '6.49.17', clock: 'virtual', startTime: start, users: [{ name: 'a', password: 'b', group: 'full' }] });
    const v7 = await startRouterSimulator({ version: '7.16.2', clock: 'virtual', startTime: start, users: [{ name: 'a', password: 'b', group: 'full' }] });
    try {
      expect(v6.state.singleton('/system/clock').get()).toMatchObject({ date: 'nov/27/2026', time: '10:00:00' });
      expect(v7.state.singleton('/system/clock').get()).toMatchObject({ date: '2026-11-27', time: '10:00:00' });
      expect(v6.state.singleton('/system/resource').get().version).toBe('6.49.17 (long-term)');
      expect(v7.state.singleton('/system/resource').get().version).toBe('7.16.2 (stable)');
      v7.clock.advance(3_723_000);
      expect(v7.state.singleton('/system/resource').get().uptime).toBe('1h2m3s');
    } finally {
      await v6.stop();
      await v7.stop();
    }
  });

  it('generates a random admin password when no users are given', async () => {
    const sim = await startRouterSimulator();
    try {
      expect(sim.users).toHaveLength(1);
      expect(sim.users[0]!.name).toBe('admin');
      expect(sim.users[0]!.password.length).toBeGreaterThanOrEqual(12);
      const c = await RawApiClient.connect(sim.port);
      expect(await c.login('admin', '')).toEqual([['!trap', '=message=invalid user name or password (6)'], ['!done']]);
      c.close();
    } finally {
      await sim.stop();
    }
  });
});
