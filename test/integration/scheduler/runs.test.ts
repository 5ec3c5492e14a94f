import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { PLATFORM_PASSWORD, setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import { pass, probeJob, register, runsOf } from './harness';

let t: TestCore;
let inst: Installation;
beforeEach(async () => {
  t = await startTestCore(); // clock at 2026-11-27T08:00Z, the tenant is created then
  inst = await setUpInstallation(t);
});
afterEach(() => t.close());

describe('slots are claimed in job_runs', () => {
  it('runs a slot once even when two scheduler instances on the same file race for it', async () => {
    const t2 = await startTestCore({ dataDir: t.dataDir, clock: t.clock, keepDir: true });
    try {
      const a = probeJob('test.race');
      const b = probeJob('test.race');
      register(t, a);
      register(t2, b);
      for (const at of ['2026-11-27T08:00:10Z', '2026-11-27T09:00:05Z', '2026-11-27T10:00:00Z']) {
        t.clock.set(at);
        await Promise.all([pass(t, inst.tenantId, 'test.race'), pass(t2, inst.tenantId, 'test.race'), pass(t, inst.tenantId, 'test.race')]);
      }
      expect([...a.runs, ...b.runs].map((r) => r.slot).sort()).toEqual(['2026-11-27T08:00:00.000Z', '2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z']);
      const rows = await runsOf(t, inst.tenantId, 'test.race');
      expect(rows.map((r) => [r.scheduledFor, r.status, r.trigger])).toEqual([
        ['2026-11-27T08:00:00.000Z', 'succeeded', 'schedule'],
        ['2026-11-27T09:00:00.000Z', 'succeeded', 'schedule'],
        ['2026-11-27T10:00:00.000Z', 'succeeded', 'schedule'],
      ]);
    } finally {
      await t2.close();
    }
  });

  it('does not run slots from before the tenant existed', async () => {
    const j = probeJob('test.daily', { schedule: { cron: '0 2 * * *' } });
    register(t, j);
    expect(await pass(t, inst.tenantId, 'test.daily')).toEqual([]);
    expect(await runsOf(t, inst.tenantId, 'test.daily')).toEqual([]);
  });
});

describe('missed runs', () => {
  it('after the clock jumps, run-once runs the latest missed slot once and skip records it skipped', async () => {
    const once = probeJob('test.once', { missed: 'run-once' });
    const skip = probeJob('test.skip', { missed: 'skip' });
    register(t, once, skip);
    const s = schedulerOf(t.booted.core);
    await s.runDue(inst.tenantId);
    t.clock.set('2026-11-27T12:30:00Z'); // the app was off from 08:00 to 12:30
    const out = await s.runDue(inst.tenantId);
    expect(out.filter((o) => o.jobKey.startsWith('test.')).map((o) => [o.jobKey, o.trigger, o.status]).sort()).toEqual([
      ['test.once', 'catch-up', 'succeeded'],
      ['test.skip', 'catch-up', 'skipped'],
    ]);
    expect(once.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:00:00.000Z', '2026-11-27T12:00:00.000Z']);
    expect(skip.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:00:00.000Z']);
    const skipped = (await runsOf(t, inst.tenantId, 'test.skip')).at(-1)!;
    expect(skipped).toMatchObject({ scheduledFor: '2026-11-27T12:00:00.000Z', status: 'skipped', trigger: 'catch-up' });
    expect(skipped.log).toContain('policy: skip');
    // Nothing more until the next slot, which both run on time.
    expect((await s.runDue(inst.tenantId)).filter((o) => o.jobKey.startsWith('test.'))).toEqual([]);
    t.clock.set('2026-11-27T13:00:30Z');
    await s.runDue(inst.tenantId);
    expect(once.runs).toHaveLength(3);
    expect(skip.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:00:00.000Z', '2026-11-27T13:00:00.000Z']);
    expect((await runsOf(t, inst.tenantId, 'test.skip')).at(-1)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });
});

describe('no overlap', () => {
  it('records the next slot as skipped while the previous run is still going, and refuses Run now', async () => {
    const j = probeJob('test.slow');
    register(t, j);
    j.hold();
    const first = pass(t, inst.tenantId, 'test.slow');
    await j.started;
    const refused = await t.raw('jobs.run-now', { jobKey: 'test.slow' }, inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'job.running' } });
    t.clock.set('2026-11-27T09:00:05Z');
    expect(await pass(t, inst.tenantId, 'test.slow')).toMatchObject([{ status: 'skipped', trigger: 'schedule' }]);
    j.open();
    expect(await first).toMatchObject([{ status: 'succeeded' }]);
    expect(j.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:00:00.000Z']);
    const rows = await runsOf(t, inst.tenantId, 'test.slow');
    expect(rows.map((r) => [r.scheduledFor, r.status])).toEqual([['2026-11-27T08:00:00.000Z', 'succeeded'], ['2026-11-27T09:00:00.000Z', 'skipped']]);
    expect(rows[1]!.log).toContain('previous run was still running');
  });
});

describe('retries', () => {
  it('retries with doubling backoff up to maxAttempts, then records the run failed with every attempt in its log', async () => {
    const j = probeJob('test.flaky', { maxAttempts: 3, retryBaseMs: 60_000 });
    register(t, j);
    j.failNext(99);
    expect(await pass(t, inst.tenantId, 'test.flaky')).toMatchObject([{ status: 'retrying' }]);
    t.clock.advance(59_999);
    expect(await pass(t, inst.tenantId, 'test.flaky')).toEqual([]);
    t.clock.advance(1);
    expect(await pass(t, inst.tenantId, 'test.flaky')).toMatchObject([{ status: 'retrying' }]);
    t.clock.advance(119_999); // second backoff: 2 min
    expect(await pass(t, inst.tenantId, 'test.flaky')).toEqual([]);
    t.clock.advance(1);
    expect(await pass(t, inst.tenantId, 'test.flaky')).toMatchObject([{ status: 'failed' }]);
    t.clock.advance(600_000);
    expect(await pass(t, inst.tenantId, 'test.flaky')).toEqual([]);
    expect(j.runs).toHaveLength(3);
    const [row] = await runsOf(t, inst.tenantId, 'test.flaky');
    expect(row).toMatchObject({ status: 'failed', attempt: 3, error: 'probe failure', nextAttemptAt: null });
    expect(row!.log.match(/failed: probe failure/g)).toHaveLength(3);
    expect(row!.log).toContain('gave up after 3 attempts');
  });

  it('succeeds on a later attempt and keeps one row for the slot', async () => {
    const j = probeJob('test.once-flaky', { maxAttempts: 3, retryBaseMs: 1_000 });
    register(t, j);
    j.failNext(1);
    await pass(t, inst.tenantId, 'test.once-flaky');
    t.clock.advance(1_000);
    expect(await pass(t, inst.tenantId, 'test.once-flaky')).toMatchObject([{ status: 'succeeded' }]);
    const rows = await runsOf(t, inst.tenantId, 'test.once-flaky');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'succeeded', attempt: 2, error: null });
    expect(rows[0]!.log).toMatch(/attempt 1 failed: probe failure; next attempt at 2026-11-27T08:00:01\.000Z\n.*attempt 2 of 3/);
  });
});

describe('suspended tenants', () => {
  it('runs nothing while suspended, aborts the run in progress, and catches up by policy on resume', async () => {
    const j = probeJob('test.tenant');
    register(t, j);
    j.hold();
    const first = pass(t, inst.tenantId, 'test.tenant');
    await j.started;
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'suspended' }, inst.platformToken);
    expect(await first).toMatchObject([{ status: 'failed' }]);
    expect(j.aborted).toEqual([true]);
    j.open();
    const [stopped] = await runsOf(t, inst.tenantId, 'test.tenant');
    expect(stopped).toMatchObject({ status: 'failed' });
    expect(stopped!.log).toContain('stopped: the tenant stopped running');
    t.clock.set('2026-11-27T11:10:00Z');
    expect(await schedulerOf(t.booted.core).runDue(inst.tenantId)).toEqual([]);
    expect(j.runs).toHaveLength(1);
    const platform = await t.call('auth.sign-in', { scope: 'platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD });
    await t.call('tenants.set-status', { tenantId: inst.tenantId, status: 'active' }, platform.token);
    expect(await pass(t, inst.tenantId, 'test.tenant')).toMatchObject([{ status: 'succeeded', trigger: 'catch-up' }]);
    expect(j.runs.map((r) => r.slot)).toEqual(['2026-11-27T08:00:00.000Z', '2026-11-27T11:00:00.000Z']);
  });
});

describe('history', () => {
  it('keeps settled runs for 90 days, then drops them', async () => {
    const j = probeJob('test.keep', { missed: 'run-once' });
    register(t, j);
    await pass(t, inst.tenantId, 'test.keep');
    t.clock.set('2027-01-15T09:00:30Z'); // 49 days later
    await pass(t, inst.tenantId, 'test.keep');
    expect((await runsOf(t, inst.tenantId, 'test.keep')).map((r) => r.scheduledFor)).toEqual(['2026-11-27T08:00:00.000Z', '2027-01-15T09:00:00.000Z']);
    t.clock.set('2027-03-01T10:00:30Z'); // 94 days after the first run
    await pass(t, inst.tenantId, 'test.keep');
    expect((await runsOf(t, inst.tenantId, 'test.keep')).map((r) => r.scheduledFor)).toEqual(['2027-01-15T09:00:00.000Z', '2027-03-01T10:00:00.000Z']);
  });
});

describe('runs left behind', () => {
  it('marks a run a dead process left running for hours as failed, on the first pass', async () => {
    await t.booted.core.tenants.use(inst.tenantId, (h) => h.db.insertInto('jobRuns').values({
      id: '0190a0b0-0000-7000-8000-0000000000aa', jobKey: 'test.orphan', scheduledFor: '2026-11-27T01:00:00.000Z', status: 'running',
      startedAt: '2026-11-27T01:00:00.000Z', finishedAt: null, attempt: 1, error: null, trigger: 'schedule', triggeredBy: null, log: '', nextAttemptAt: null,
    }).execute());
    await schedulerOf(t.booted.core).runDue(inst.tenantId);
    const [row] = await runsOf(t, inst.tenantId, 'test.orphan');
    expect(row).toMatchObject({ status: 'failed', finishedAt: '2026-11-27T08:00:00.000Z', error: expect.stringContaining('abandoned') });
  });
});
