import { AppError } from '@shared/domain/errors';
import type { Core } from '../context';
import { claimSlot, finishRun, latestSlot } from '../scheduler/job-runs';
import type { RouterConnectionManager } from './connections';
import { fetchBackup } from './backups';
import { TenantTimers } from '../scheduler/tenant-timers';

export interface BackupScheduleOptions {
  /** Cron pattern in the tenant's time zone; default 02:00 every night. */
  pattern?: string;
  /** How often to look for a due slot (also catches up after the computer was off). */
  tickMs?: number;
}

const JOB_KEY = 'router-config-backups';

/** Nightly configuration backups of every router; the slot is claimed in job_runs so it runs once. */
export class BackupScheduler {
  private readonly timers: TenantTimers;
  private readonly pattern: string;

  constructor(private readonly core: Core, private readonly connections: RouterConnectionManager, opts: BackupScheduleOptions = {}) {
    this.pattern = opts.pattern ?? '0 2 * * *';
    this.timers = new TenantTimers('nightly router backups', opts.tickMs ?? 10 * 60_000, (id) => this.runDue(id), core.log);
  }

  start(tenantId: string): void {
    this.timers.start(tenantId);
  }

  stop(tenantId: string): void {
    this.timers.stop(tenantId);
  }

  /**
   * Runs the latest due slot if it has not run yet (catch-up policy "latest": after days off, one backup,
   * not one per missed night). Returns how many routers were backed up, or null if nothing was due.
   */
  async runDue(tenantId: string): Promise<{ ok: number; failed: number } | null> {
    const tenant = this.core.registry.get(tenantId);
    if (!tenant || tenant.status === 'suspended') return null;
    const now = this.core.clock.now();
    const slot = latestSlot(this.pattern, tenant.timezone, now);
    // Slots before the tenant existed are not owed.
    if (!slot || slot.getTime() < new Date(tenant.createdAt).getTime()) return null;
    const runId = await this.core.tenants.use(tenantId, (h) => claimSlot(h.db, JOB_KEY, slot, now));
    if (!runId) return null;
    const routers = await this.core.tenants.use(tenantId, (h) => h.db.selectFrom('routers').select(['id', 'name']).execute());
    let ok = 0;
    const failures: string[] = [];
    for (const r of routers) {
      try {
        await fetchBackup(this.core, this.connections, tenantId, r.id, 'nightly');
        ok += 1;
      } catch (e) {
        // Job-run text is for developers and logs: the code and its params, not words.
        failures.push(`${r.name}: ${e instanceof AppError ? `${e.key} ${JSON.stringify(e.params)}` : e instanceof Error ? e.message : String(e)}`);
      }
    }
    await this.core.tenants.use(tenantId, (h) => finishRun(h.db, runId, this.core.clock.now(), failures.length ? failures.join('; ').slice(0, 2000) : null));
    return { ok, failed: failures.length };
  }

  stopAll(): void {
    this.timers.stopAll();
  }
}
