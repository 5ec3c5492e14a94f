import type { Logger } from '../ports';

/**
 * A repeating piece of work per active tenant (monitoring, due-job checks): first run after a short random
 * delay — so start-up with many tenants neither opens every file at once nor delays the first screen —
 * then on the interval; failures are logged, never thrown; a tenant's timer stops with the tenant.
 */
export class TenantTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly firstRuns = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: (tenantId: string) => Promise<unknown>,
    private readonly log: Logger,
    private readonly firstDelayMs: () => number = () => 1_000 + Math.random() * Math.min(15_000, intervalMs),
  ) {}

  start(tenantId: string): void {
    if (this.timers.has(tenantId)) return;
    const tick = () => {
      this.work(tenantId).catch((e: unknown) => this.log.warn(`${this.name} failed`, { tenantId, error: e }));
    };
    const timer = setInterval(tick, this.intervalMs);
    timer.unref();
    this.timers.set(tenantId, timer);
    const first = setTimeout(() => {
      this.firstRuns.delete(tenantId);
      tick();
    }, this.firstDelayMs());
    first.unref();
    this.firstRuns.set(tenantId, first);
  }

  stop(tenantId: string): void {
    const t = this.timers.get(tenantId);
    if (t) clearInterval(t);
    this.timers.delete(tenantId);
    const f = this.firstRuns.get(tenantId);
    if (f) clearTimeout(f);
    this.firstRuns.delete(tenantId);
  }

  isRunning(tenantId: string): boolean {
    return this.timers.has(tenantId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}
