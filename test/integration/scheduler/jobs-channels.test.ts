import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { addStaff } from '../../fixtures/test-core';
import { routerWorld, type RouterWorld } from '../routers/harness';
import { pass, probeJob, register, runsOf } from './harness';

let w: RouterWorld;
beforeEach(async () => {
  w = await routerWorld(); // clock at 2026-11-27T08:00Z (11:00 in Nairobi)
});
afterEach(() => w.close());

function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return w.t.call(channel, input, w.inst.adminToken);
}

describe('Scheduled tasks channels', () => {
  it('lists the jobs of the app with schedule, enabled, last run and next run in the tenant zone', async () => {
    const list = await call('jobs.list', { page: 1, pageSize: 25 });
    expect(list.items.map((j) => j.key)).toEqual(['enforcement.router-check', 'hotspot.status-sync', 'invoices.monthly', 'mpesa.stk-follow-up', 'portal.purchase-follow-up', 'router-sync.reconcile', 'routers.config-backup', 'routers.health', 'subscribers.expiry-sweep']);
    const byKey = (k: string) => list.items.find((j) => j.key === k)!;
    const backup = byKey('routers.config-backup');
    expect(backup).toMatchObject({ schedule: { kind: 'cron', cron: '0 2 * * *' }, enabled: true, missed: 'run-once', maxAttempts: 3, lastRun: null, running: false });
    expect(backup.nextRunAt).toBe('2026-11-27T23:00:00.000Z'); // 02:00 in Nairobi
    expect(byKey('routers.health')).toMatchObject({ schedule: { kind: 'interval', everyMinutes: 15 }, nextRunAt: '2026-11-27T08:15:00.000Z' });
    expect(byKey('subscribers.expiry-sweep')).toMatchObject({ schedule: { kind: 'interval', everyMinutes: 1 }, missed: 'run-once' });
  });

  it('a disabled job does not run and has no next run; enabled again it does not catch up the slots it missed', async () => {
    const j = probeJob('test.toggle');
    register(w.t, j);
    const off = await call('jobs.update', { jobKey: 'test.toggle', enabled: false });
    expect(off).toMatchObject({ enabled: false, nextRunAt: null });
    expect(await pass(w.t, w.inst.tenantId, 'test.toggle')).toEqual([]);
    w.t.clock.set('2026-11-27T09:00:10Z');
    expect(await pass(w.t, w.inst.tenantId, 'test.toggle')).toEqual([]);
    w.t.clock.set('2026-11-27T09:20:00Z');
    const admin = await signIn();
    const on = await w.t.call('jobs.update', { jobKey: 'test.toggle', enabled: true }, admin);
    expect(on).toMatchObject({ enabled: true, nextRunAt: '2026-11-27T10:00:00.000Z' });
    expect(await pass(w.t, w.inst.tenantId, 'test.toggle')).toEqual([]); // the 09:00 slot is not owed
    w.t.clock.set('2026-11-27T10:00:05Z');
    expect(await pass(w.t, w.inst.tenantId, 'test.toggle')).toMatchObject([{ status: 'succeeded', trigger: 'schedule' }]);
    expect(j.runs.map((r) => r.slot)).toEqual(['2026-11-27T10:00:00.000Z']);
  });

  it('changes the schedule (cron or interval), refuses bad ones with field errors and writes nothing', async () => {
    const j = probeJob('test.reschedule');
    register(w.t, j);
    const bad = [
      [{ kind: 'cron', cron: '61 * * * *' }, 'schedule.cron'],
      [{ kind: 'cron', cron: '*/5 * * * * *' }, 'schedule.cron'],
      [{ kind: 'cron', cron: '' }, 'schedule.cron'],
      [{ kind: 'interval', everyMinutes: 0 }, 'schedule.everyMinutes'],
      [{ kind: 'interval', everyMinutes: 1.5 }, 'schedule.everyMinutes'],
    ] as const;
    for (const [schedule, field] of bad) {
      const env = await w.t.raw('jobs.update', { jobKey: 'test.reschedule', schedule }, w.inst.adminToken);
      expect(env.ok, JSON.stringify(schedule)).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('VALIDATION');
        expect(Object.keys(env.error.fields ?? {})).toContain(field);
      }
    }
    expect(await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('jobSettings').selectAll().execute())).toEqual([]);
    const unknown = await w.t.raw('jobs.update', { jobKey: 'test.nothing-here', enabled: false }, w.inst.adminToken);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'job.not-found' } });

    const cron = await call('jobs.update', { jobKey: 'test.reschedule', schedule: { kind: 'cron', cron: '30 14 * * 1' } });
    expect(cron).toMatchObject({ schedule: { kind: 'cron', cron: '30 14 * * 1' }, nextRunAt: '2026-11-30T11:30:00.000Z' }); // Monday 14:30 Nairobi
    const every = await call('jobs.update', { jobKey: 'test.reschedule', schedule: { kind: 'interval', everyMinutes: 5 } });
    expect(every).toMatchObject({ schedule: { kind: 'interval', everyMinutes: 5 }, nextRunAt: '2026-11-27T08:05:00.000Z' });
    w.t.clock.set('2026-11-27T08:05:01Z');
    expect(await pass(w.t, w.inst.tenantId, 'test.reschedule')).toMatchObject([{ status: 'succeeded' }]);
    expect(j.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:05:00.000Z']);
    const back = await call('jobs.update', { jobKey: 'test.reschedule', schedule: null });
    expect(back.schedule).toEqual({ kind: 'cron', cron: '0 * * * *' });
  });

  it('changing a job and starting it by hand are audited; a refused change is not', async () => {
    register(w.t, probeJob('test.audited'));
    const audit = () => w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
      h.db.selectFrom('auditLog').select(['action', 'actorName', 'targetType', 'targetId', 'summary', 'details']).where('action', 'like', 'job.%').orderBy('id').execute());
    const bad = await w.t.raw('jobs.update', { jobKey: 'test.audited', schedule: { kind: 'cron', cron: '61 * * * *' } }, w.inst.adminToken);
    expect(bad.ok).toBe(false);
    expect(await audit()).toEqual([]);

    await call('jobs.update', { jobKey: 'test.audited', enabled: false });
    await call('jobs.update', { jobKey: 'test.audited', enabled: true, schedule: { kind: 'interval', everyMinutes: 5 } });
    const { runId } = await call('jobs.run-now', { jobKey: 'test.audited' });
    await schedulerOf(w.t.booted.core).idle(w.inst.tenantId);
    const rows = await audit();
    expect(rows.map((r) => [r.action, r.actorName, r.targetType, r.targetId, r.summary])).toEqual([
      ['job.updated', 'Ada Admin', 'job', 'test.audited', 'Scheduled task test.audited: disabled'],
      ['job.updated', 'Ada Admin', 'job', 'test.audited', 'Scheduled task test.audited: enabled, schedule changed'],
      ['job.run-started', 'Ada Admin', 'job', 'test.audited', 'Started scheduled task test.audited by hand'],
    ]);
    expect(JSON.parse(rows[1]!.details!)).toMatchObject({ before: { enabled: false }, after: { enabled: true, schedule: { kind: 'interval', everyMinutes: 5 } } });
    expect(JSON.parse(rows[2]!.details!)).toEqual({ runId });
  });

  it('Run now backs up the router through the backup job, and the run shows in the history with its log', async () => {
    const { runId } = await call('jobs.run-now', { jobKey: 'routers.config-backup' });
    await schedulerOf(w.t.booted.core).idle(w.inst.tenantId);
    const history = await call('jobs.history', { jobKey: 'routers.config-backup', page: 1, pageSize: 10 });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ id: runId, status: 'succeeded', trigger: 'manual', attempts: 1, triggeredBy: 'Ada Admin', error: null });
    expect(history.items[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(history.items[0]!.log).toContain('Core: first version kept');
    const backups = await call('routers.backups.list', { routerId: w.routerId, page: 1, pageSize: 10 });
    expect(backups.items.map((b) => b.trigger)).toEqual(['nightly']);
    const list = await call('jobs.list', { page: 1, pageSize: 25 });
    expect(list.items.find((j) => j.key === 'routers.config-backup')!.lastRun).toMatchObject({ id: runId, status: 'succeeded', trigger: 'manual' });
  });

  it('the health job records each router in its log and leaves status to the monitor', async () => {
    w.sim.faults.set({ refuseLogin: true });
    await call('jobs.run-now', { jobKey: 'routers.health' });
    await schedulerOf(w.t.booted.core).idle(w.inst.tenantId);
    const [run] = await runsOf(w.t, w.inst.tenantId, 'routers.health');
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'manual' });
    expect(run!.log).toMatch(/Core: down \(bad-credentials\)/);
    expect(run!.log).toContain('0 of 1 routers answered');
    expect((await call('routers.get', { routerId: w.routerId })).status).toBe('offline');
  });

  it('needs jobs.manage: a technician may, a cashier may not', async () => {
    const tech = await addStaff(w.t, w.inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    const cashier = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    expect((await w.t.raw('jobs.list', { page: 1, pageSize: 5 }, tech.token)).ok).toBe(true);
    expect(await w.t.raw('jobs.list', { page: 1, pageSize: 5 }, cashier.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('jobs.run-now', { jobKey: 'routers.health' }, cashier.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

async function signIn(): Promise<string> {
  const s = await w.t.call('auth.sign-in', { scope: 'tenant', tenantId: w.inst.tenantId, email: 'ada@alpha.test', password: 'tenant admin pass 1' });
  return s.token;
}
