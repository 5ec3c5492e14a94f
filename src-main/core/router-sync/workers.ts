import type { Core } from '../context';
import { drainRouter, type DrainResult } from './worker';

export interface WorkerOptions {
  /** First retry delay after a router could not be reached; doubles per failure up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface Slot {
  running: Promise<DrainResult> | null;
  /** Kicked while running: run once more right after. */
  again: boolean;
  timer: NodeJS.Timeout | null;
  failures: number;
}

/**
 * One worker per (tenant, router), one drain at a time per router. Woken by `kick` (after a commit that
 * enqueued changes), at tenant start, and by its own timer: exponential back-off while the router is
 * unreachable (capped, so a router back online is served within `backoffMaxMs`), or the next due entry.
 */
export class RouterSyncWorkers {
  private readonly slots = new Map<string, Slot>();
  private readonly active = new Set<string>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(private readonly core: Core, private readonly background: boolean, opts: WorkerOptions = {}) {
    this.baseMs = opts.backoffBaseMs ?? 2_000;
    this.maxMs = opts.backoffMaxMs ?? 60_000;
  }

  private slot(tenantId: string, routerId: string): Slot {
    const k = `${tenantId}/${routerId}`;
    let s = this.slots.get(k);
    if (!s) {
      s = { running: null, again: false, timer: null, failures: 0 };
      this.slots.set(k, s);
    }
    return s;
  }

  startTenant(tenantId: string, routerIds: readonly string[]): void {
    this.active.add(tenantId);
    for (const r of routerIds) this.kick(tenantId, r);
  }

  stopTenant(tenantId: string): void {
    this.active.delete(tenantId);
    for (const [k, s] of this.slots) {
      if (!k.startsWith(`${tenantId}/`)) continue;
      if (s.timer) clearTimeout(s.timer);
      this.slots.delete(k);
    }
  }

  close(): void {
    for (const t of [...this.active]) this.stopTenant(t);
  }

  /** Wakes the router's worker (background mode only; tests call `drain`). */
  kick(tenantId: string, routerId: string): void {
    if (!this.background || !this.active.has(tenantId)) return;
    const s = this.slot(tenantId, routerId);
    if (s.running) {
      s.again = true;
      return;
    }
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    void this.drain(tenantId, routerId).catch((e: unknown) => this.core.log.error('router-sync drain failed', { tenantId, routerId, error: String(e) }));
  }

  /** Runs one drain now (joining one already running); the next pass is scheduled in background mode. */
  async drain(tenantId: string, routerId: string): Promise<DrainResult> {
    const s = this.slot(tenantId, routerId);
    if (s.running) return s.running;
    s.running = (async () => {
      const delay = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(s.failures, 20));
      const r = await drainRouter(this.core, tenantId, routerId, { retryDelayMs: delay });
      s.failures = r.offline ? s.failures + 1 : 0;
      return r;
    })();
    try {
      const r = await s.running;
      this.scheduleNext(tenantId, routerId, s, r);
      return r;
    } finally {
      s.running = null;
    }
  }

  private scheduleNext(tenantId: string, routerId: string, s: Slot, r: DrainResult): void {
    if (!this.background || !this.active.has(tenantId)) return;
    if (s.again) {
      s.again = false;
      queueMicrotask(() => this.kick(tenantId, routerId));
      return;
    }
    if (!r.nextDueAt) return;
    const wait = Math.max(0, r.nextDueAt.getTime() - this.core.clock.now().getTime());
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = null;
      this.kick(tenantId, routerId);
    }, wait);
    s.timer.unref();
  }
}
