import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { CONFIG_BACKUP_JOB } from '../../../src-main/core/routers/backup-schedule';
import { routerWorld, type RouterWorld } from './harness';

let w: RouterWorld;
beforeEach(async () => {
  w = await routerWorld({ sim: { seed: 'demo', demoVariant: 'branch', randomSeed: 3 } });
});
afterEach(() => w.close());

interface Pushed { event: string; streamId: string; rows: Record<string, string | number>[] }

/** Stream events of one session, flattened to rows (interfaces of a traffic chunk, lines of a log chunk). */
function listen(token: string): Pushed[] {
  const got: Pushed[] = [];
  w.t.booted.core.events.subscribe({
    token,
    send: (name, p) => {
      if (!name.startsWith('routers.live-')) return;
      const { streamId, data } = p as { streamId: string; data: { interfaces?: Pushed['rows']; lines?: Pushed['rows'] } };
      got.push({ event: name, streamId, rows: data.interfaces ?? data.lines ?? [] });
    },
  });
  return got;
}

describe('live streams', () => {
  it('pushes moving interface traffic to the session that asked, until the view stops it', async () => {
    const got = listen(w.inst.adminToken);
    const { streamId } = await w.t.call('routers.stream.start', { kind: 'traffic', routerId: w.routerId, interfaces: ['ether1-WAN'] }, w.inst.adminToken);
    await expect.poll(() => got.filter((g) => g.streamId === streamId && g.rows.length > 0).length, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
    expect(got[0]).toMatchObject({ event: 'routers.live-traffic.chunk', rows: [{ name: 'ether1-WAN' }] });
    const rates = got.flatMap((g) => g.rows).map((r) => Number(r.rxBitsPerSecond));
    expect(rates.every((r) => r > 0)).toBe(true);
    expect(new Set(rates).size).toBeGreaterThan(1);
    await w.t.call('routers.stream.stop', { streamId }, w.inst.adminToken);
    expect(routersOf(w.t.booted.core).streams.count()).toBe(0);
    const countAfterStop = got.length;
    await new Promise((r) => setTimeout(r, 1_500));
    const late = got.slice(countAfterStop);
    expect(late.filter((g) => g.event !== 'routers.live-traffic.end')).toHaveLength(0);
    expect(late.filter((g) => g.event === 'routers.live-traffic.end').length).toBeLessThanOrEqual(1);
  });

  it('stops a stream when its session ends, and refuses to stop another session’s stream', async () => {
    const other = await w.t.call('auth.sign-in', { scope: 'tenant', tenantId: w.inst.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    listen(w.inst.adminToken);
    const { streamId } = await w.t.call('routers.stream.start', { kind: 'log', routerId: w.routerId }, w.inst.adminToken);
    expect(await w.t.raw('routers.stream.stop', { streamId }, other.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await w.t.call('auth.sign-out', {}, w.inst.adminToken);
    expect(routersOf(w.t.booted.core).streams.count()).toBe(0);
  });

  it('streams new log entries as they happen', async () => {
    const got = listen(w.inst.adminToken);
    await w.t.call('routers.stream.start', { kind: 'log', routerId: w.routerId }, w.inst.adminToken);
    // The log stream only carries what happens after it started.
    await new Promise((r) => setTimeout(r, 200));
    w.sim.state.router.log('pppoe,ppp,info', 'acc5001 logged in, 10.20.0.7 from AA:BB:CC:00:00:01');
    await expect.poll(() => got.flatMap((g) => g.rows).map((r) => r.message), { timeout: 4_000 }).toContain('acc5001 logged in, 10.20.0.7 from AA:BB:CC:00:00:01');
    // Log chunks carry typed lines, each with an id (the view merges live and recent lines by it).
    const line = got.flatMap((g) => g.rows).find((r) => r.message === 'acc5001 logged in, 10.20.0.7 from AA:BB:CC:00:00:01');
    expect(line).toEqual({ id: expect.any(String), time: expect.any(String), topics: 'pppoe,ppp,info', message: expect.any(String) });
    expect(line!.id).not.toBe('');
  });
});

describe('configuration backups', () => {
  it('keeps versions, marks unchanged fetches and shows a diff between any two', async () => {
    const first = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(first).toMatchObject({ first: true, changed: false, trigger: 'manual', secrets: 'included' });
    w.t.clock.advance(60_000);
    const same = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(same.changed).toBe(false);
    w.sim.state.menu('/ip/firewall/address-list').add({ list: 'blocked', address: '10.77.0.1', comment: 'diff me' });
    w.t.clock.advance(60_000);
    const third = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(third).toMatchObject({ changed: true, first: false });
    const list = await w.t.call('routers.backups.list', { routerId: w.routerId, page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(list.items.map((b) => b.id)).toEqual([third.id, same.id, first.id]);
    const full = await w.t.call('routers.backups.get', { backupId: third.id }, w.inst.adminToken);
    expect(full.content).toContain('/ip firewall address-list');
    // The API user's group has `sensitive`: passwords are in the text, sealed at rest (never plaintext in the row).
    expect(full.content).toMatch(/password=/);
    const stored = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('routerBackups').select('content').where('id', '=', third.id).executeTakeFirstOrThrow());
    expect(stored.content).toBe('');
    const diff = await w.t.call('routers.backups.diff', { fromBackupId: first.id, toBackupId: third.id }, w.inst.adminToken);
    expect(diff.added).toBeGreaterThanOrEqual(1);
    expect(diff.lines.find((l) => l.kind === 'add')!.text).toContain('10.77.0.1');
    expect(diff.lines.some((l) => l.kind === 'skip')).toBe(true);
  });

  it('refuses to diff versions of two different routers', async () => {
    const sim2 = await w.simulator();
    const r2 = await w.t.call('routers.create', { name: 'Second', host: '127.0.0.1', port: sim2.port, username: 'api', password: 'router api pass 1' }, w.inst.adminToken);
    const a = await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    const b = await w.t.call('routers.backups.fetch', { routerId: r2.id }, w.inst.adminToken);
    expect(await w.t.raw('routers.backups.diff', { fromBackupId: a.id, toBackupId: b.id }, w.inst.adminToken)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('runs the nightly backup once per night, catching up only the latest missed night', async () => {
    const scheduler = schedulerOf(w.t.booted.core);
    const backupPass = async () => (await scheduler.runDue(w.inst.tenantId)).filter((o) => o.jobKey === CONFIG_BACKUP_JOB);
    expect(await backupPass()).toEqual([]); // tenant created after last night's slot
    w.t.clock.set('2026-11-28T00:30:00Z'); // 03:30 in Nairobi: the 02:00 slot is due
    expect(await backupPass()).toMatchObject([{ status: 'succeeded', trigger: 'catch-up' }]);
    expect(await backupPass()).toEqual([]);
    w.t.clock.set('2026-12-02T06:00:00Z'); // computer off for four nights
    expect(await backupPass()).toMatchObject([{ status: 'succeeded' }]);
    const admin = await w.t.call('auth.sign-in', { scope: 'tenant', tenantId: w.inst.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
    const list = await w.t.call('routers.backups.list', { routerId: w.routerId, page: 1, pageSize: 10 }, admin.token);
    expect(list.items.map((b) => b.trigger)).toEqual(['nightly', 'nightly']);
    const runs = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('jobRuns').selectAll().where('jobKey', '=', CONFIG_BACKUP_JOB).orderBy('scheduledFor').execute());
    expect(runs.map((r) => [r.scheduledFor, r.status])).toEqual([['2026-11-27T23:00:00.000Z', 'succeeded'], ['2026-12-01T23:00:00.000Z', 'succeeded']]);
  });

  it('retries a failed nightly run with backoff, then records it failed with the reason when a router stays down', async () => {
    w.sim.faults.set({ refuseLogin: true });
    const scheduler = schedulerOf(w.t.booted.core);
    const backupPass = async () => (await scheduler.runDue(w.inst.tenantId)).filter((o) => o.jobKey === CONFIG_BACKUP_JOB);
    w.t.clock.set('2026-11-28T00:30:00Z');
    expect(await backupPass()).toMatchObject([{ status: 'retrying' }]);
    w.t.clock.advance(15 * 60_000); // first backoff: 15 min
    expect(await backupPass()).toMatchObject([{ status: 'retrying' }]);
    w.t.clock.advance(15 * 60_000); // second backoff is 30 min: not due yet
    expect(await backupPass()).toEqual([]);
    w.t.clock.advance(15 * 60_000);
    expect(await backupPass()).toMatchObject([{ status: 'failed' }]);
    const [run] = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('jobRuns').selectAll().where('jobKey', '=', CONFIG_BACKUP_JOB).execute());
    expect(run).toMatchObject({ status: 'failed', attempt: 3, error: expect.stringMatching(/Core: router\.unavailable .*bad-credentials/) });
    expect(run!.log).toMatch(/Core: failed router\.unavailable/);
  });
});
