import { AppError, notFound } from '@shared/domain/errors';
import { latestSlot, nextSlot, type JobSchedule } from '@shared/domain/job-schedule';
import { systemActor, type Actor, type Core } from '../context';
import type { ScheduledJobDef } from '../module';
import { claimRetry, dueRetries, failAbandoned, insertRun, pruneRuns, settleRun } from './job-runs';
import { readJobSettings, type JobSetting } from './job-settings';
import { TenantTimers } from './tenant-timers';

export interface SchedulerOptions {
  /** How often each active tenant's due slots and retries are looked at. */
  tickMs?: number;
  /** A slot first seen later than this after its time was missed (app off, tenant suspended, PC asleep). */
  lateAfterMs?: number;
  /** A `running` row older than this, not run by this process, was left by a process that died. */
  staleRunMs?: number;
  /** How long settled runs stay in the history (a 15-minute job writes ~35,000 rows a year otherwise). */
  keepRunsMs?: number;
}

/** What one `runDue` pass did per job (tests and logs read it). */
export interface RunOutcome {
  jobKey: string;
  runId: string;
  trigger: 'schedule' | 'manual' | 'catch-up';
  status: 'succeeded' | 'failed' | 'retrying' | 'skipped';
}

interface InFlight {
  runId: string | null;
  abort: AbortController;
  /** Resolves when the reservation is released (run settled, or the claim lost). */
  released: Promise<void>;
  release: () => void;
}

/** The schedule a job's definition declares, in the shape staff edit. */
export function defaultScheduleOf(def: ScheduledJobDef): JobSchedule {
  return 'cron' in def.schedule ? { kind: 'cron', cron: def.schedule.cron } : { kind: 'interval', everyMinutes: def.schedule.everyMs / 60_000 };
}

/** Developer text for a failed attempt: an AppError's key and params (never words), else the message. */
function describe(e: unknown): string {
  if (e instanceof AppError) return `${e.key} ${JSON.stringify(e.params)}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs every domain's ScheduledJobDef per active tenant. A slot is claimed by inserting its job_runs row
 * (a duplicate means another process or an earlier pass has it); a job never overlaps itself — a slot that
 * comes due while the job runs is recorded as skipped; failed attempts retry with doubling backoff up to
 * `maxAttempts`; a slot seen late follows the job's `missed` policy. Knows no other domain: the jobs are
 * handed in by boot (`register`).
 */
export class Scheduler {
  private readonly defs = new Map<string, ScheduledJobDef>();
  private readonly inFlight = new Map<string, Map<string, InFlight>>();
  private readonly timers: TenantTimers;
  private readonly opts: Required<SchedulerOptions>;
  private readonly bootedAt: Date;
  private readonly prunedAt = new Map<string, number>();
  private readonly swept = new Set<string>();

  constructor(private readonly core: Core, opts: SchedulerOptions = {}) {
    this.opts = { tickMs: opts.tickMs ?? 30_000, lateAfterMs: opts.lateAfterMs ?? 120_000, staleRunMs: opts.staleRunMs ?? 6 * 3_600_000, keepRunsMs: opts.keepRunsMs ?? 90 * 86_400_000 };
    this.bootedAt = core.clock.now();
    this.timers = new TenantTimers('scheduler', this.opts.tickMs, (id) => this.runDue(id), core.log);
  }

  register(jobs: readonly ScheduledJobDef[]): void {
    for (const j of jobs) {
      // Only reachable through a wiring mistake (two modules declaring one key), never through input.
      if (this.defs.has(j.key)) throw new Error(`scheduled job ${j.key} is declared twice`);
      this.defs.set(j.key, j);
    }
  }

  jobs(): ScheduledJobDef[] {
    return [...this.defs.values()];
  }

  job(key: string): ScheduledJobDef {
    const def = this.defs.get(key);
    if (!def) throw notFound('job.not-found');
    return def;
  }

  isRunning(tenantId: string, jobKey: string): boolean {
    return this.inFlight.get(tenantId)?.has(jobKey) ?? false;
  }

  /** Schedule in force, whether it runs, and since when slots are owed (earlier ones never run). */
  effective(def: ScheduledJobDef, tenantCreatedAt: string, setting: JobSetting | undefined): { enabled: boolean; schedule: JobSchedule; since: Date } {
    const since = new Date(Math.max(new Date(tenantCreatedAt).getTime(), setting ? new Date(setting.updatedAt).getTime() : 0));
    return { enabled: setting?.enabled ?? true, schedule: setting?.schedule ?? defaultScheduleOf(def), since };
  }

  nextRunAt(schedule: JobSchedule, timeZone: string): Date | null {
    return nextSlot(schedule, timeZone, this.core.clock.now());
  }

  start(tenantId: string): void {
    this.timers.start(tenantId);
  }

  /** Stops the tenant's ticks and aborts its running jobs (their signal fires; the run is recorded as stopped). */
  stop(tenantId: string): void {
    this.timers.stop(tenantId);
    for (const f of this.inFlight.get(tenantId)?.values() ?? []) f.abort.abort();
  }

  /** Marks rows a dead process left `running` as failed, so history does not show them running forever. */
  async sweepAbandoned(tenantId: string): Promise<void> {
    const mine = [...(this.inFlight.get(tenantId)?.values() ?? [])].flatMap((f) => (f.runId ? [f.runId] : []));
    const before = new Date(Math.min(this.bootedAt.getTime(), this.core.clock.now().getTime() - this.opts.staleRunMs));
    await this.core.tenants.use(tenantId, (h) => failAbandoned(h.db, mine, before, this.core.clock.now()));
  }

  /** One pass over the tenant's jobs: due retries, then due slots; waits for the runs it started. */
  async runDue(tenantId: string): Promise<RunOutcome[]> {
    const tenant = this.core.registry.get(tenantId);
    if (!tenant || !this.core.registry.isRunnable(tenantId)) return [];
    const now = this.core.clock.now();
    // Housekeeping on the tenant's first pass rather than at activation: start-up opens no file early.
    if (!this.swept.has(tenantId)) {
      this.swept.add(tenantId);
      await this.sweepAbandoned(tenantId);
    }
    await this.pruneDaily(tenantId, now);
    const settings = await this.core.tenants.use(tenantId, (h) => readJobSettings(h.db));
    const started: Promise<RunOutcome | null>[] = [];
    const skipped: RunOutcome[] = [];
    for (const def of this.defs.values()) {
      const eff = this.effective(def, tenant.createdAt, settings.get(def.key));
      if (!eff.enabled) continue;
      const retry = await this.startDueRetry(tenantId, def, now);
      if (retry) started.push(retry.run);
      const slot = latestSlot(eff.schedule, tenant.timezone, now);
      if (!slot || slot.getTime() < eff.since.getTime()) continue;
      const late = now.getTime() - slot.getTime() > this.opts.lateAfterMs;
      const trigger = late ? 'catch-up' : 'schedule';
      const skip = (reason: string) => this.core.tenants.use(tenantId, (h) => insertRun(h.db, {
        jobKey: def.key, slot, now, trigger, status: 'skipped', log: `${now.toISOString()} skipped: ${reason}`,
      })).then((id) => { if (id) skipped.push({ jobKey: def.key, runId: id, trigger, status: 'skipped' }); });
      if (this.isRunning(tenantId, def.key)) {
        await skip('the previous run was still running');
        continue;
      }
      if (late && def.missed === 'skip') {
        await skip('missed while the app or the tenant was not running (policy: skip)');
        continue;
      }
      const run = this.startClaimed(tenantId, def, systemActor(def.actor ?? 'system:scheduler'), { slot, now, trigger });
      started.push(run);
    }
    const done = (await Promise.all(started)).filter((r): r is RunOutcome => r !== null);
    return [...skipped, ...done];
  }

  /** At most once a day per tenant, history older than `keepRunsMs` goes. */
  private async pruneDaily(tenantId: string, now: Date): Promise<void> {
    const last = this.prunedAt.get(tenantId);
    if (last !== undefined && now.getTime() - last < 86_400_000) return;
    this.prunedAt.set(tenantId, now.getTime());
    await this.core.tenants.use(tenantId, (h) => pruneRuns(h.db, new Date(now.getTime() - this.opts.keepRunsMs)));
  }

  /** Starts a manual run now (does not wait for it); refused while the job is running. */
  async runNow(tenantId: string, jobKey: string, actor: Actor): Promise<string> {
    const def = this.job(jobKey);
    if (this.isRunning(tenantId, jobKey)) throw new AppError('CONFLICT', 'job.running');
    const now = this.core.clock.now();
    const claimed = await this.claim(tenantId, def, { slot: now, now, trigger: 'manual', triggeredBy: actor.name });
    if (!claimed) throw new AppError('CONFLICT', 'job.running');
    void this.execute(tenantId, def, actor, claimed);
    return claimed.runId;
  }

  /** Resolves once no run of the tenant (or of any tenant) is in progress. */
  async idle(tenantId?: string): Promise<void> {
    for (;;) {
      const pending = [...this.inFlight.entries()].filter(([t]) => !tenantId || t === tenantId).flatMap(([, m]) => [...m.values()].map((f) => f.released));
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  stopAll(): void {
    this.timers.stopAll();
    for (const t of this.inFlight.keys()) this.stop(t);
  }

  private async startClaimed(tenantId: string, def: ScheduledJobDef, actor: Actor, at: { slot: Date; now: Date; trigger: RunOutcome['trigger'] }): Promise<RunOutcome | null> {
    const claimed = await this.claim(tenantId, def, at);
    return claimed ? this.execute(tenantId, def, actor, claimed) : null;
  }

  /** Starts the job's oldest due retry; the run itself is wrapped so this resolves once it started. */
  private async startDueRetry(tenantId: string, def: ScheduledJobDef, now: Date): Promise<{ run: Promise<RunOutcome> } | null> {
    if (this.isRunning(tenantId, def.key)) return null;
    const [due] = await this.core.tenants.use(tenantId, (h) => dueRetries(h.db, def.key, now));
    if (!due || this.isRunning(tenantId, def.key)) return null;
    const entry = this.reserve(tenantId, def.key);
    const taken = await this.core.tenants.use(tenantId, (h) => claimRetry(h.db, due.id, now)).catch((e: unknown) => { this.release(tenantId, def.key); throw e; });
    if (!taken) {
      this.release(tenantId, def.key);
      return null;
    }
    entry.runId = due.id;
    const actor = systemActor(def.actor ?? 'system:scheduler');
    const claimed = { runId: due.id, slot: new Date(due.scheduledFor), attempt: due.attempt + 1, log: due.log, trigger: 'schedule' as const, entry };
    return { run: this.execute(tenantId, def, actor, claimed) };
  }

  /**
   * Reserves the job in memory (synchronously, so two passes of this process cannot both start it),
   * then claims the slot in the database (so two processes cannot both run it).
   */
  private async claim(tenantId: string, def: ScheduledJobDef, at: { slot: Date; now: Date; trigger: RunOutcome['trigger']; triggeredBy?: string }) {
    if (this.isRunning(tenantId, def.key)) return null;
    const entry = this.reserve(tenantId, def.key);
    try {
      const runId = await this.core.tenants.use(tenantId, (h) => insertRun(h.db, { jobKey: def.key, ...at, status: 'running' }));
      if (!runId) {
        this.release(tenantId, def.key);
        return null;
      }
      entry.runId = runId;
      return { runId, slot: at.slot, attempt: 1, log: '', trigger: at.trigger, entry };
    } catch (e) {
      this.release(tenantId, def.key);
      throw e;
    }
  }

  private reserve(tenantId: string, jobKey: string): InFlight {
    let release = () => {};
    const released = new Promise<void>((resolve) => { release = resolve; });
    const entry: InFlight = { runId: null, abort: new AbortController(), released, release };
    let m = this.inFlight.get(tenantId);
    if (!m) this.inFlight.set(tenantId, (m = new Map()));
    m.set(jobKey, entry);
    return entry;
  }

  private release(tenantId: string, jobKey: string): void {
    const m = this.inFlight.get(tenantId);
    m?.get(jobKey)?.release();
    m?.delete(jobKey);
    if (m && m.size === 0) this.inFlight.delete(tenantId);
  }

  private execute(
    tenantId: string, def: ScheduledJobDef, actor: Actor,
    run: { runId: string; slot: Date; attempt: number; log: string; trigger: RunOutcome['trigger']; entry: InFlight },
  ): Promise<RunOutcome> {
    const { core } = this;
    const lines = run.log ? [run.log] : [];
    const log = (line: string) => lines.push(`${core.clock.now().toISOString()} ${line}`);
    const maxAttempts = Math.max(1, def.maxAttempts ?? 1);
    const signal = run.entry.abort.signal;
    const work = async (): Promise<RunOutcome> => {
      let status: 'succeeded' | 'failed' | 'retrying' = 'succeeded';
      let error: string | null = null;
      let nextAttemptAt: Date | undefined;
      if (run.attempt > 1) log(`attempt ${run.attempt} of ${maxAttempts}`);
      try {
        const tenant = core.registry.get(tenantId);
        if (!tenant) throw notFound('tenant.not-found');
        await core.tenants.use(tenantId, (h) => def.run({ core, tenant, db: h.db, actor }, { slot: run.slot, log, signal }));
        if (signal.aborted) throw new Error('aborted');
      } catch (e) {
        error = describe(e);
        if (signal.aborted) {
          status = 'failed';
          log('stopped: the tenant stopped running (suspended, deleted or the app closed)');
        } else if (run.attempt < maxAttempts) {
          status = 'retrying';
          nextAttemptAt = new Date(core.clock.now().getTime() + (def.retryBaseMs ?? 60_000) * 2 ** (run.attempt - 1));
          log(`attempt ${run.attempt} failed: ${error}; next attempt at ${nextAttemptAt.toISOString()}`);
        } else {
          status = 'failed';
          log(`attempt ${run.attempt} failed: ${error}${maxAttempts > 1 ? `; gave up after ${maxAttempts} attempts` : ''}`);
        }
      }
      try {
        await core.tenants.use(tenantId, (h) => settleRun(h.db, run.runId, { status, now: core.clock.now(), log: lines.join('\n'), error, nextAttemptAt }));
      } catch (e) {
        // A deleted tenant's file is gone; nothing is left to record into.
        core.log.warn('could not record a job run', { tenantId, jobKey: def.key, error: e });
      } finally {
        this.release(tenantId, def.key);
      }
      return { jobKey: def.key, runId: run.runId, trigger: run.trigger, status };
    };
    return work();
  }
}
