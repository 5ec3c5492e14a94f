import type { Kysely } from 'kysely';
import type { Core, TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import type { ExpiryAction } from './enforce-script';
import type { HealthFinding } from './router-state';

/**
 * Called in the settings transaction when the tenant's expiry action changes, by domains whose router
 * objects depend on it (subscribers re-queue their expired rows); returns the routers to wake.
 */
export type ExpiryActionListener = (trx: Kysely<TenantDB>, action: ExpiryAction, now: Date) => Promise<string[]>;
import { moduleKey, type ModuleRuntime } from '../module';

/**
 * Called after every health check of a router (on demand or by the router-check job) with what it
 * found, possibly nothing; the ops domain registers one to raise alerts (this domain never imports ops).
 */
export type HealthListener = (scope: TenantScope, routerId: string, findings: readonly HealthFinding[]) => Promise<void>;

/** The enforcement domain's live part: the last ticker run-count seen per router (proves ticks happen). */
export interface EnforcementRuntime extends ModuleRuntime {
  lastTickRuns: Map<string, number>;
  /** Registered at start by higher domains (this domain never imports them). */
  expiryActionListeners: ExpiryActionListener[];
  /** Registered at start by higher domains (ops raises alerts from findings). */
  healthListeners: HealthListener[];
}

export const enforcementKey = moduleKey<EnforcementRuntime>('enforcement');

export function enforcementOf(core: Core): EnforcementRuntime {
  return core.modules.get(enforcementKey);
}
