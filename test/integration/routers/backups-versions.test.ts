/**
 * Configuration backups through core on every RouterOS line (issue 7 §1/§4): `/export file=…` read back
 * through `contents` or `/file/read` and the file removed; a 150 KB configuration works where the router can
 * return it over the API and fails with a reason code where it cannot; passwords only with `sensitive`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouterOs } from '../../../src-main/core/routeros/client';
import { seedLargeConfig } from '../../fixtures/large-config';
import { ROUTER_PASSWORD, routerWorld, type RouterWorld } from './harness';

let w: RouterWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe.each([
  { version: '6.49.17', large: 'refused' },
  { version: '7.11.3', large: 'refused' },
  { version: '7.16.2', large: 'works' },
  { version: '7.18.2', large: 'works' },
] as const)('RouterOS $version', ({ version, large }) => {
  it('saves a small configuration as a first version, with size and line count, and removes the export file', async () => {
    w = await routerWorld({ sim: { version } });
    const b = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(b).toMatchObject({ first: true, changed: false, secrets: 'included' });
    const full = await w.t.call('routers.backups.get', { backupId: b.id }, w.inst.adminToken);
    expect(full.content).toMatch(new RegExp(`^# .* by RouterOS ${version.replace(/\./g, '\\.')}\\n`));
    expect(b.sizeBytes).toBe(Buffer.byteLength(full.content));
    expect(b.lineCount).toBe(full.content.trimEnd().split('\n').length);
    expect(w.sim.state.menu('/file').find({ name: 'isp-desk-config.rsc' })).toBeUndefined();
  });

  it(large === 'works' ? 'reads a 150 KB configuration back in /file/read chunks' : 'refuses a 150 KB configuration with a reason code', async () => {
    w = await routerWorld({ sim: { version } });
    seedLargeConfig(w.sim, 150);
    const res = await w.t.raw('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    if (large === 'works') {
      expect(res).toMatchObject({ ok: true });
      const meta = (res as { ok: true; data: { id: string; sizeBytes: number } }).data;
      expect(meta.sizeBytes).toBeGreaterThanOrEqual(150 * 1024);
      const full = await w.t.call('routers.backups.get', { backupId: meta.id }, w.inst.adminToken);
      const lastName = w.sim.state.menu('/ppp/secret').all().at(-1)!.name!;
      expect(full.content).toContain(`name=${lastName} `);
      expect(full.content.endsWith('\n')).toBe(true);
    } else {
      expect(res).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'export-too-large-for-api' } });
    }
    expect(w.sim.state.menu('/file').find({ name: 'isp-desk-config.rsc' })).toBeUndefined();
  });
});

describe.each(['7.16.2', '7.18.2'])('RouterOS %s: a backup read in /file/read chunks is the router’s bytes', (version) => {
  it('keeps its place in the file across chunks whatever the bytes (Windows-1252 comments, UTF-8 names)', async () => {
    w = await routerWorld({ sim: { version } });
    // In the first chunk: bytes that are not UTF-8 (WinBox on Western Windows) and multi-byte UTF-8. Counting
    // the decoded text instead of the bytes read would move the next offset and lose bytes of the file.
    for (let i = 0; i < 40; i++) {
      w.sim.state.menu('/ppp/secret').add({ name: `w${i}`, password: 'p', comment: Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80]) });
      w.sim.state.menu('/ppp/secret').add({ name: `u${i}`, password: 'p', comment: `Wanjirũ Café ☕ ${'ũ'.repeat(i)}` });
    }
    seedLargeConfig(w.sim, 150);
    const b = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    const full = await w.t.call('routers.backups.get', { backupId: b.id }, w.inst.adminToken);
    // What the router itself wrote, as bytes (read from the simulator, not over the API).
    const ros = await connectRouterOs({ host: w.sim.host, port: w.sim.port, username: 'api', password: ROUTER_PASSWORD, keepaliveIntervalMs: 0 });
    await ros.command('/export', { attributes: { 'show-sensitive': '', file: 'reference' } });
    await ros.close();
    const ref = w.sim.state.menu('/file').find({ name: 'reference.rsc' })!;
    // `$data`: the file's bytes as stored (`contents` is only printed up to the version's cap).
    const refBytes = w.sim.state.menu('/file').rawBytes(ref['.id']!, '$data')!;
    expect(refBytes.length).toBeGreaterThan(150 * 1024);
    // Bytes that are not UTF-8 are stored as U+FFFD (the stored text is Unicode); everything else is exact.
    const withoutHeader = (text: string): string => text.slice(text.indexOf('\n') + 1);
    expect(withoutHeader(full.content)).toBe(withoutHeader(refBytes.toString('utf8')));
    expect(full.content).toContain('comment="Wanjirũ Café ☕ ũũũ"');
  });
});

describe('passwords in backups', () => {
  it.each(['6.49.17', '7.18.2'])('%s: an API user without the sensitive policy gets a backup without passwords, marked hidden', async (version) => {
    w = await routerWorld({
      sim: {
        version,
        groups: [{ name: 'isp-desk', policy: 'read,write,api,test,!sensitive,!policy' }],
        users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'isp-desk' }],
      },
    });
    w.sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'subscriber-pw-1' });
    const b = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(b.secrets).toBe('hidden');
    const full = await w.t.call('routers.backups.get', { backupId: b.id }, w.inst.adminToken);
    expect(full.content).toContain('add name=acc1');
    expect(full.content).not.toContain('subscriber-pw-1');
  });
});
