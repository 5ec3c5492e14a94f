import type { Kysely } from 'kysely';
import type { Core } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import type { ExpiryAction } from './enforce-script';

/**
 * Called in the settings transaction when the tenant's expiry action changes, by domains whose router
 * objects depend on it (subscribers re-queue their expired rows); returns the routers to wake.
 */
export type ExpiryActionListener = (trx: Kysely<TenantDB>, action: ExpiryAction, now: Date) => Promise<string[]>;
import { moduleKey, type ModuleRuntime } from '../module';

/** The enforcement domain's live part: the last ticker run-count seen per router (proves ticks happen). */
export interface EnforcementRuntime extends ModuleRuntime {
  lastTickRuns: Map<string, number>;
  /** Registered at start by higher domains (this domain never imports them). */
  expiryActionListeners: ExpiryActionListener[];
}

export const enforcementKey = moduleKey<EnforcementRuntime>('enforcement');

export function enforcementOf(core: Core): EnforcementRuntime {
  return core.modules.get(enforcementKey);
}
