/**
 * Router clock and router-side timers. 'real' follows the wall clock (timers via setTimeout);
 * 'virtual' moves only through advance(), which fires every due timer in time order (ties in the
 * order they were scheduled) with now() set to the timer's own due time while it runs.
 */

export interface TimerHandle {
  cancel(): void;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class SimClock {
  private readonly timers: Timer[] = [];
  private seq = 0;
  private virtualNow: number;
  private readonly realOffset: number;
  private armed: NodeJS.Timeout | null = null;
  private armedAt = Infinity;
  private stopped = false;
  private advancing = false;

  constructor(
    readonly mode: 'real' | 'virtual',
    start: Date | undefined,
  ) {
    const startMs = (start ?? new Date()).getTime();
    this.virtualNow = startMs;
    this.realOffset = startMs - Date.now();
  }

  nowMs(): number {
    return this.mode === 'virtual' ? this.virtualNow : Date.now() + this.realOffset;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Runs fn once at router time `at` (ms). */
  at(at: number, fn: () => void): TimerHandle {
    const timer: Timer = { at, seq: this.seq++, fn, cancelled: false };
    // Keep sorted by (at, seq); timers are few (sessions, schedulers), so insertion is cheap.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.at > at) i--;
    this.timers.splice(i, 0, timer);
    this.arm();
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  after(ms: number, fn: () => void): TimerHandle {
    return this.at(this.nowMs() + Math.max(0, ms), fn);
  }

  /** Repeats fn every `periodMs` of router time, first run after `firstInMs`. */
  every(periodMs: number, fn: () => void, firstInMs = periodMs): TimerHandle {
    let current: TimerHandle | null = null;
    let cancelled = false;
    const period = Math.max(1, periodMs);
    const schedule = (at: number): void => {
      current = this.at(at, () => {
        if (cancelled) return;
        schedule(at + period);
        fn();
      });
    };
    schedule(this.nowMs() + Math.max(0, firstInMs));
    return {
      cancel: () => {
        cancelled = true;
        current?.cancel();
      },
    };
  }

  advance(ms: number): void {
    if (this.mode !== 'virtual') throw new Error('clock.advance() needs clock: "virtual"');
    if (!(ms >= 0)) throw new RangeError('advance by a non-negative number of ms');
    const target = this.virtualNow + ms;
    this.advancing = true;
    try {
      for (;;) {
        const head = this.timers[0];
        if (!head || head.at > target) break;
        this.timers.shift();
        if (head.cancelled) continue;
        this.virtualNow = Math.max(this.virtualNow, head.at);
        this.runSafely(head);
      }
      this.virtualNow = target;
    } finally {
      this.advancing = false;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    this.timers.length = 0;
  }

  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  private runSafely(timer: Timer): void {
    try {
      timer.fn();
    } catch (err) {
      // A broken timer must never take the simulator down; surface it on stderr for the developer.
      console.error('[routeros-sim] timer failed', err);
    }
  }

  private arm(): void {
    if (this.mode !== 'real' || this.stopped || this.advancing) return;
    const head = this.timers[0];
    if (!head) return;
    if (this.armed && this.armedAt <= head.at) return;
    if (this.armed) clearTimeout(this.armed);
    this.armedAt = head.at;
    this.armed = setTimeout(() => this.fireReal(), Math.max(0, head.at - this.nowMs()));
    this.armed.unref();
  }

  private fireReal(): void {
    this.armed = null;
    this.armedAt = Infinity;
    const now = this.nowMs();
    while (this.timers.length > 0 && this.timers[0]!.at <= now) {
      const t = this.timers.shift()!;
      if (!t.cancelled) this.runSafely(t);
    }
    this.arm();
  }
}
