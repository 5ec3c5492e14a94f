import type { Core } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';
import { systemActor } from '../context';
import { withTenantScope } from '../tenancy/scope';
import { readPortalRow } from './settings-service';

/** Where a tenant wants its portal served: a LAN address and port of this PC. */
export interface PortalEndpoint {
  tenantId: string;
  address: string;
  port: number;
}

/**
 * The portal's live part. The HTTP side belongs to the roots (headless serves it); they ask for the
 * endpoints and listen for changes here, since core never opens sockets of its own.
 */
export interface HotspotPortalRuntime extends ModuleRuntime {
  /** Tenants' LAN endpoints (pages are served for installing even while M-Pesa selling is off). */
  endpoints(): Promise<PortalEndpoint[]>;
  onChange(listener: () => void): () => void;
  changed(): void;
}

export const hotspotPortalKey = moduleKey<HotspotPortalRuntime>('hotspot-portal');

export function portalOf(core: Core): HotspotPortalRuntime {
  return core.modules.get(hotspotPortalKey);
}

export function portalRuntime(core: Core, jobs: HotspotPortalRuntime['scheduledJobs']): HotspotPortalRuntime {
  const listeners = new Set<() => void>();
  return {
    scheduledJobs: jobs,
    async endpoints() {
      const out: PortalEndpoint[] = [];
      for (const t of core.registry.all()) {
        if (!core.registry.isRunnable(t.id)) continue;
        const row = await withTenantScope(core, t.id, systemActor('system:portal'), (scope) => readPortalRow(scope));
        if (row.lanAddress) out.push({ tenantId: t.id, address: row.lanAddress, port: row.lanPort });
      }
      return out;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed() {
      for (const l of listeners) l();
    },
    onTenantActive: () => {
      for (const l of listeners) l();
    },
    onTenantInactive: () => {
      for (const l of listeners) l();
    },
  };
}
