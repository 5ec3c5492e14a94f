import type { Logger } from '../ports';

/**
 * A repeating piece of work per active tenant (monitoring, due-job checks): runs once at start, then on
 * the interval; failures are logged, never thrown; a tenant's timer stops with the tenant.
 */
export class TenantTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: (tenantId: string) => Promise<unknown>,
    private readonly log: Logger,
  ) {}

  start(tenantId: string): void {
    if (this.timers.has(tenantId)) return;
    const tick = () => {
      this.work(tenantId).catch((e: unknown) => this.log.warn(`${this.name} failed`, { tenantId, error: e }));
    };
    const timer = setInterval(tick, this.intervalMs);
    timer.unref();
    this.timers.set(tenantId, timer);
    tick();
  }

  stop(tenantId: string): void {
    const t = this.timers.get(tenantId);
    if (t) clearInterval(t);
    this.timers.delete(tenantId);
  }

  isRunning(tenantId: string): boolean {
    return this.timers.has(tenantId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}
