import { rosNumber } from '@shared/domain/routeros-values';
import { diagnosisOf } from '@shared/contract/diagnosis';
import type { Core } from '../context';
import type { RouterConnectionManager } from './connections';
import { explainRouterError } from './diagnose';
import { recordOutcome, type CheckOutcome } from './status';
import { findRouter } from './router-repo';
import { TenantTimers } from '../scheduler/tenant-timers';

export interface MonitorOptions {
  /** How often every router of an active tenant is checked. */
  intervalMs?: number;
  /** A check slower than this marks the router degraded. */
  slowMs?: number;
  /** A failed check is retried once after this delay before the router counts as down. */
  retryDelayMs?: number;
  /** CPU load (%) at or above which the router counts as degraded. */
  cpuDegradedPercent?: number;
}

/**
 * Checks every router of a tenant (API login + /system/resource) on an interval; status changes,
 * downtime periods and alerts are recorded by `recordOutcome`.
 */
export class RouterMonitor {
  private readonly timers: TenantTimers;
  private readonly running = new Set<string>();
  private readonly opts: Required<MonitorOptions>;

  constructor(private readonly core: Core, private readonly connections: RouterConnectionManager, opts: MonitorOptions = {}) {
    this.opts = {
      intervalMs: opts.intervalMs ?? 60_000,
      slowMs: opts.slowMs ?? 3_000,
      retryDelayMs: opts.retryDelayMs ?? 2_000,
      cpuDegradedPercent: opts.cpuDegradedPercent ?? 95,
    };
    this.timers = new TenantTimers('router monitoring', this.opts.intervalMs, (id) => this.checkTenant(id), core.log);
  }

  start(tenantId: string): void {
    this.timers.start(tenantId);
  }

  stop(tenantId: string): void {
    this.timers.stop(tenantId);
  }

  isRunning(tenantId: string): boolean {
    return this.timers.isRunning(tenantId);
  }

  /** One pass over the tenant's routers; overlapping passes are skipped. */
  async checkTenant(tenantId: string): Promise<void> {
    if (this.running.has(tenantId) || !this.core.registry.isRunnable(tenantId)) return;
    this.running.add(tenantId);
    try {
      const routers = await this.core.tenants.use(tenantId, (h) => h.db.selectFrom('routers').select('id').execute());
      await Promise.all(routers.map((r) => this.checkRouter(tenantId, r.id)));
    } finally {
      this.running.delete(tenantId);
    }
  }

  async checkRouter(tenantId: string, routerId: string): Promise<CheckOutcome> {
    let outcome = await this.probe(tenantId, routerId);
    if (!outcome.ok) {
      await new Promise((r) => setTimeout(r, this.opts.retryDelayMs));
      outcome = await this.probe(tenantId, routerId);
    }
    await recordOutcome(this.core, tenantId, routerId, outcome);
    return outcome;
  }

  private async probe(tenantId: string, routerId: string): Promise<CheckOutcome> {
    const started = Date.now();
    const router = await this.core.tenants.use(tenantId, (h) => findRouter(h.db, routerId));
    const target = { host: router?.host ?? '', port: router?.port ?? 0, useTls: router?.useTls === 1 };
    try {
      const res = await this.connections.run(tenantId, routerId, async (conn) => {
        const [resource] = await conn.print('/system/resource', { proplist: ['version', 'board-name', 'cpu-load'], timeoutMs: 5_000 });
        const [ident] = await conn.print('/system/identity', { timeoutMs: 5_000 });
        return { resource, identity: ident?.name };
      });
      const tookMs = Date.now() - started;
      const cpu = rosNumber(res.resource?.['cpu-load']);
      const degradedReason =
        tookMs > this.opts.slowMs ? diagnosisOf('slow-api', { tookMs }) : cpu >= this.opts.cpuDegradedPercent ? diagnosisOf('cpu-high', { percent: cpu }) : undefined;
      return {
        at: this.core.clock.now(), ok: true, ...(degradedReason ? { degradedReason } : {}),
        info: { routerOsVersion: res.resource?.version, boardName: res.resource?.['board-name'], identity: res.identity },
      };
    } catch (e) {
      // It answered the API before (a version was read from it), so its API settings are known good.
      const wasOnline = (router?.rosVersion ?? null) !== null;
      return { at: this.core.clock.now(), ok: false, error: explainRouterError(e, target, { wasOnline }) };
    }
  }

  stopAll(): void {
    this.timers.stopAll();
  }
}
