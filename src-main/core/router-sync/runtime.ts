import type { Core } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';

/** The router-sync domain's live part: the per-router outbox workers. */
export interface RouterSyncRuntime extends ModuleRuntime {
  /** Wake the worker of a router after a commit that enqueued changes for it. */
  kick(tenantId: string, routerId: string): void;
}

export const routerSyncKey = moduleKey<RouterSyncRuntime>('router-sync');

export function routerSyncOf(core: Core): RouterSyncRuntime {
  return core.modules.get(routerSyncKey);
}
