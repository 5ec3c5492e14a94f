import type { RouterSimulator } from '../../routeros-simulator';
import type { Clock } from '../ports';

export interface DemoOutageOptions {
  /** Delay from the demo's start to its automatic outage; null plays none (only on demand). */
  outageAfterMs?: number | null;
  /** How long the branch router stays silent. */
  outageForMs?: number;
}

interface TenantOutage {
  /** The automatic outage, until it starts. */
  first: NodeJS.Timeout | null;
  /** The running outage's end, when one runs. */
  restore: NodeJS.Timeout | null;
  sim: RouterSimulator | null;
  endsAt: Date | null;
}

/**
 * The demo's staged outage: the branch simulator drops every connection (each command's socket is
 * closed unanswered) for a while, then answers again. Nothing here records anything: the real monitoring
 * sees a router that stopped answering, records the downtime and raises the down/up alerts.
 */
export class DemoOutages {
  private readonly byTenant = new Map<string, TenantOutage>();
  private readonly afterMs: number | null;
  private readonly forMs: number;

  constructor(private readonly clock: Clock, opts: DemoOutageOptions) {
    this.afterMs = opts.outageAfterMs === undefined ? 60_000 : opts.outageAfterMs;
    this.forMs = opts.outageForMs ?? 90_000;
  }

  private entry(tenantId: string): TenantOutage {
    let e = this.byTenant.get(tenantId);
    if (!e) this.byTenant.set(tenantId, (e = { first: null, restore: null, sim: null, endsAt: null }));
    return e;
  }

  /** Plans the automatic outage once per start of the demo's routers. */
  schedule(tenantId: string, branch: () => RouterSimulator | undefined): void {
    const e = this.entry(tenantId);
    if (this.afterMs === null || e.first) return;
    e.first = setTimeout(() => {
      e.first = null;
      const sim = branch();
      if (sim) this.play(tenantId, sim);
    }, this.afterMs);
    // A pending demo outage must never keep the process alive.
    e.first.unref();
  }

  /** Starts an outage of `sim` (or reports the one already running); returns when it ends. */
  play(tenantId: string, sim: RouterSimulator): Date {
    const e = this.entry(tenantId);
    if (e.restore && e.endsAt) return e.endsAt;
    sim.faults.set({ dropAfterCommands: 0 });
    e.sim = sim;
    e.endsAt = new Date(this.clock.now().getTime() + this.forMs);
    e.restore = setTimeout(() => this.restore(e), this.forMs);
    e.restore.unref();
    return e.endsAt;
  }

  private restore(e: TenantOutage): void {
    if (e.restore) clearTimeout(e.restore);
    e.sim?.faults.clear();
    e.restore = null;
    e.sim = null;
    e.endsAt = null;
  }

  /** The tenant's routers stop: nothing more is planned, a running outage ends. */
  cancel(tenantId: string): void {
    const e = this.byTenant.get(tenantId);
    if (!e) return;
    if (e.first) clearTimeout(e.first);
    this.restore(e);
    this.byTenant.delete(tenantId);
  }

  cancelAll(): void {
    for (const id of [...this.byTenant.keys()]) this.cancel(id);
  }
}
