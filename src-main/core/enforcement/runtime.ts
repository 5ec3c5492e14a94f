import type { Core } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';

/** The enforcement domain's live part: the last ticker run-count seen per router (proves ticks happen). */
export interface EnforcementRuntime extends ModuleRuntime {
  lastTickRuns: Map<string, number>;
}

export const enforcementKey = moduleKey<EnforcementRuntime>('enforcement');

export function enforcementOf(core: Core): EnforcementRuntime {
  return core.modules.get(enforcementKey);
}
