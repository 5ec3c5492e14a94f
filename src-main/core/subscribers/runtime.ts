import type { Core, TenantScope } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';
import type { SweepResult } from './expiry-sweep';

/** The subscribers domain's live part: the expiry sweep, callable by other domains and tests. */
export interface SubscribersRuntime extends ModuleRuntime {
  runExpirySweep(scope: TenantScope): Promise<SweepResult>;
}

export const subscribersKey = moduleKey<SubscribersRuntime>('subscribers');

export function subscribersOf(core: Core): SubscribersRuntime {
  return core.modules.get(subscribersKey);
}
