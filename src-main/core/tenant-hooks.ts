import type { Logger } from './ports';

/** Why a tenant stops running. */
export type TenantStopReason = 'suspended' | 'deleted' | 'closing';

export interface TenantHook {
  /** The tenant may run background work again (created, reactivated, app started). */
  onActive?(tenantId: string): Promise<void> | void;
  /** Stop the tenant's background work and close its connections (suspended, deleted, app closing). */
  onInactive?(tenantId: string, reason: TenantStopReason): Promise<void> | void;
}

/** Lets domains (router connections, jobs) follow tenant status without tenancy knowing about them. */
export class TenantHooks {
  private readonly hooks: TenantHook[] = [];
  constructor(private readonly log: Logger) {}

  add(hook: TenantHook): void {
    this.hooks.push(hook);
  }

  async active(tenantId: string): Promise<void> {
    for (const h of this.hooks) {
      try {
        await h.onActive?.(tenantId);
      } catch (e) {
        this.log.error('tenant activation hook failed', { tenantId, error: e });
      }
    }
  }

  async inactive(tenantId: string, reason: TenantStopReason): Promise<void> {
    for (const h of this.hooks) {
      try {
        await h.onInactive?.(tenantId, reason);
      } catch (e) {
        this.log.error('tenant deactivation hook failed', { tenantId, reason, error: e });
      }
    }
  }
}
