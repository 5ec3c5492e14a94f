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
    return t ? { 'next-run': formatDateTime(t.at, this.core().dateStyle) } : undefined;
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
    // The script may remove or change its own entry; schedule from what is left afterwards.
    core.scripts.runEvent(row.props['on-event'] ?? '', `scheduler ${row.props.name ?? id}`);
    const still = table.byId(id);
    if (!still || this.timers.has(id)) return;
    const next = this.nextRun(still, at, false);
    if (next !== null) this.timers.set(id, { at: next, handle: core.clock.at(next, () => this.fire(id, next)) });
  }
}
