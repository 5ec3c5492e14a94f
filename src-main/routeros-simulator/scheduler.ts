/**
 * /system/scheduler on the router clock: start-date/start-time/interval (`0s` = once), `startup`
 * entries a few seconds after boot; each run increments run-count and runs on-event (a script name
 * or script text).
 */
import type { TimerHandle } from './clock';
import type { RouterCore } from './core';
import { formatDateTime, parseRosDate } from './dates';
import { parseDuration } from './duration';
import type { Props, RowView } from './spec';

const STARTUP_DELAY_MS = 3000;

export class SchedulerService {
  private readonly timers = new Map<string, { at: number; handle: TimerHandle }>();
  private firing: string | null = null;

  constructor(private readonly core: () => RouterCore) {}

  /** Next run strictly after `afterMs` (or at it when `inclusive`); null when it never runs again. */
  nextRun(row: RowView, afterMs: number, inclusive: boolean): number | null {
    const core = this.core();
    if (row.props.disabled === 'true') return null;
    const interval = parseDuration(row.props.interval ?? '0s') ?? 0;
    let start: number | null;
    if (row.props['start-time'] === 'startup') start = core.bootMs + STARTUP_DELAY_MS;
    else start = parseRosDate(row.props['start-date'] ?? '', row.props['start-time'] ?? '00:00:00', core.dateStyle);
    if (start === null) return null;
    if (start > afterMs || (inclusive && start === afterMs)) return start;
    if (interval <= 0) return null;
    const n = Math.floor((afterMs - start) / interval) + 1;
    return start + n * interval;
  }

  arm(id: string): void {
    if (this.firing === id) return;
    this.disarm(id);
    const core = this.core();
    const row = core.state.table('/system/scheduler').byId(id);
    if (!row) return;
    const at = this.nextRun(row, core.clock.nowMs(), true);
    if (at === null) return;
    this.timers.set(id, { at, handle: core.clock.at(at, () => this.fire(id, at)) });
  }

  disarm(id: string): void {
    this.timers.get(id)?.handle.cancel();
    this.timers.delete(id);
  }

  computed(row: RowView): Props | undefined {
    const t = this.timers.get(row.id);
    const out: Props = { invalid: this.core().scripts.eventProblem(row.props['on-event'] ?? '') === null ? 'false' : 'true' };
    if (t) out['next-run'] = formatDateTime(t.at, this.core().dateStyle);
    return out;
  }

  /**
   * After a reboot: `run-count` is back to 0 and every entry is armed from the new boot, so
   * `start-time=startup` entries fire 3 s after it ("run-count ... reset on reboot", "startup - execute
   * the script 3 seconds after the system startup": https://help.mikrotik.com/docs/display/ROS/Scheduler).
   */
  disarmAll(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }

  afterBoot(): void {
    const table = this.core().state.table('/system/scheduler');
    this.disarmAll();
    for (const row of [...table.rowsInOrder()]) {
      this.firing = row.id;
      try {
        table.update(row, { 'run-count': '0' }, 'internal');
      } finally {
        this.firing = null;
      }
      this.arm(row.id);
    }
  }

  private fire(id: string, at: number): void {
    this.timers.delete(id);
    const core = this.core();
    const table = core.state.table('/system/scheduler');
    const row = table.byId(id);
    if (!row || row.props.disabled === 'true') return;
    this.firing = id;
    try {
      table.update(row, { 'run-count': String(Number(row.props['run-count'] ?? 0) + 1) }, 'internal');
    } finally {
      this.firing = null;
    }
    // The script may remove or change its own entry; schedule from what is left afterwards. It runs with
    // the entry's policy (router-enforcement.md §1.1); an entry whose on-event does not parse runs nothing.
    core.scripts.runEvent(row.props['on-event'] ?? '', `scheduler ${row.props.name ?? id}`, row.props.policy ?? '');
    const still = table.byId(id);
    if (!still || this.timers.has(id)) return;
    const next = this.nextRun(still, at, false);
    if (next !== null) this.timers.set(id, { at: next, handle: core.clock.at(next, () => this.fire(id, next)) });
  }
}
