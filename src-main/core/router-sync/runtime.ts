import type { Core, TenantScope } from '../context';
import { moduleKey, type ModuleRuntime } from '../module';
import type { ObjectOwnerType } from './desired-object';
import type { RouterObjectRow } from './outbox-repo';
import type { RouterSnapshots } from './snapshots';

/**
 * What the domain that owns an object (subscribers, packages) does when staff adopt the router's values
 * as the truth: update its own rows and enqueue the matching desired state. Registered at its start.
 */
export interface DriftOwner {
  adoptTheirs(scope: TenantScope, object: RouterObjectRow, routerProps: Record<string, string>): Promise<void>;
}

/**
 * Runs after each successful reconcile of a router, on the same scope (higher domains register one at
 * start: enforcement writes its high-water mark while the router is being read anyway).
 */
export type AfterReconcileHook = (scope: TenantScope, routerId: string) => Promise<void>;

/** One pass of a router's outbox. */
export interface DrainResult {
  applied: number;
  refused: number;
  /** The router could not be reached (or was lost): what was not verified stays pending. */
  offline: boolean;
  /** The router's or the connection's words when offline. */
  error: string | null;
  /** When deferred entries come due again (null: nothing waits). */
  nextDueAt: Date | null;
}

/** The router-sync domain's live part: the per-router outbox workers. */
export interface RouterSyncRuntime extends ModuleRuntime {
  /** Wake the worker of a router after a commit that enqueued changes for it. */
  kick(tenantId: string, routerId: string): void;
  /** One pass of the router's outbox now (tests, and "retry"); joins a pass already running. */
  drain(tenantId: string, routerId: string): Promise<DrainResult>;
  /** A higher domain registers how it adopts the router's values for its objects (drift "adopt theirs"). */
  registerOwner(type: ObjectOwnerType, owner: DriftOwner): void;
  ownerOf(type: string): DriftOwner | undefined;
  /** Registered at start by higher domains (this domain never imports them). */
  afterReconcile: AfterReconcileHook[];
  /** The last reconcile listing per router, which the next drain may use instead of listing again. */
  snapshots: RouterSnapshots;
}

export const routerSyncKey = moduleKey<RouterSyncRuntime>('router-sync');

export function routerSyncOf(core: Core): RouterSyncRuntime {
  return core.modules.get(routerSyncKey);
}
