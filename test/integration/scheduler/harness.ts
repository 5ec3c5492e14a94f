import type { ScheduledJobDef } from '../../../src-main/core/module';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import type { TestCore } from '../../fixtures/test-core';

/** A job the test controls: counts its runs, can hold a run open (gate) and fail its first attempts. */
export interface ProbeJob {
  def: ScheduledJobDef;
  runs: { slot: string; tenantId: string; actor: string }[];
  /** Resolves when a run has started (the one currently held by the gate). */
  started: Promise<void>;
  /** Holds every later run open until `open()`. */
  hold(): void;
  open(): void;
  /** Makes the next n attempts throw. */
  failNext(n: number): void;
  aborted: boolean[];
}

export function probeJob(key: string, def: Partial<Omit<ScheduledJobDef, 'run' | 'key'>> = {}): ProbeJob {
  let gate: Promise<void> | null = null;
  let openGate = () => {};
  let markStarted = () => {};
  let failures = 0;
  const probe: ProbeJob = {
    runs: [],
    aborted: [],
    started: Promise.resolve(),
    hold() {
      gate = new Promise((r) => { openGate = r; });
      probe.started = new Promise((r) => { markStarted = r; });
    },
    open() {
      gate = null;
      openGate();
    },
    failNext(n) {
      failures = n;
    },
    def: {
      key, schedule: { cron: '0 * * * *' }, missed: 'run-once', ...def,
      async run(scope, ctx) {
        probe.runs.push({ slot: ctx.slot.toISOString(), tenantId: scope.tenant.id, actor: scope.actor.name });
        ctx.log(`run for ${ctx.slot.toISOString()}`);
        markStarted();
        if (gate) {
          await Promise.race([gate, new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r()))]);
          probe.aborted.push(ctx.signal.aborted);
        }
        // A pause that crosses a macrotask, so two passes really overlap in time.
        await new Promise((r) => setImmediate(r));
        if (failures > 0) {
          failures -= 1;
          throw new Error('probe failure');
        }
      },
    },
  };
  return probe;
}

export function register(t: TestCore, ...jobs: ProbeJob[]): void {
  schedulerOf(t.booted.core).register(jobs.map((j) => j.def));
}

/** One scheduler pass, only the outcomes of the given job. */
export async function pass(t: TestCore, tenantId: string, key: string) {
  return (await schedulerOf(t.booted.core).runDue(tenantId)).filter((o) => o.jobKey === key);
}

export async function runsOf(t: TestCore, tenantId: string, key: string) {
  return t.booted.core.tenants.use(tenantId, (h) =>
    h.db.selectFrom('jobRuns').selectAll().where('jobKey', '=', key).orderBy('scheduledFor').orderBy('id').execute());
}
