/**
 * Pre-flight, install and remove of a router's enforcement prerequisites. Install and remove only enqueue
 * desired state through the router outbox (owner 'prerequisite'), in one transaction; the request never
 * waits for the router. Pre-flight reads the router once per menu to show exactly what installing changes.
 */
import { AppError } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { enqueueRouterChanges } from '../router-sync/enqueue';
import { routerSyncOf } from '../router-sync/runtime';
import type { DesiredObject } from '../router-sync/desired-object';
import { mustFindRouter, type RouterRow } from '../routers/router-repo';
import { onRouterScope } from './check';
import { menusOf, planChanges, type PlannedChange, type RouterRows } from './plan';
import { prerequisiteObjects, prerequisiteRemovals, routerMajor } from './prerequisites';
import { readEnforcementSettings } from './settings';

function majorOf(version: string | null): 6 | 7 {
  const major = routerMajor(version);
  if (major === null) throw new AppError('CONFLICT', 'enforcement.version-unknown');
  return major;
}

async function desiredFor(scope: TenantScope, routerId: string, version: string | null): Promise<{ router: RouterRow; desired: DesiredObject[] }> {
  const router = await mustFindRouter(scope.db, routerId);
  const settings = await readEnforcementSettings(scope.db);
  return { router, desired: prerequisiteObjects(router.id, majorOf(version ?? router.rosVersion), settings) };
}

export async function preflightEnforcement(scope: TenantScope, routerId: string): Promise<{ routerVersion: string; changes: PlannedChange[] }> {
  return onRouterScope(scope, routerId, async (conn) => {
    const [res] = await conn.print('/system/resource', { proplist: ['version'] });
    const version = (res?.version ?? '').split(' ')[0] ?? '';
    const { desired } = await desiredFor(scope, routerId, version);
    const rows: RouterRows = {};
    for (const menu of menusOf(desired)) rows[menu] = await conn.print(menu, { proplist: ['.id', 'name', 'comment', ...new Set(desired.filter((d) => d.menu === menu).flatMap((d) => Object.keys(d.props ?? {})))] });
    return { routerVersion: version, changes: planChanges(desired, rows) };
  });
}

export async function installEnforcement(scope: TenantScope, routerId: string): Promise<{ enqueued: number }> {
  const { router, desired } = await desiredFor(scope, routerId, null);
  const enqueued = await scope.db.transaction().execute((trx) => enqueueRouterChanges(trx, desired, scope.core.clock.now()));
  if (enqueued > 0) routerSyncOf(scope.core).kick(scope.tenant.id, router.id);
  return { enqueued };
}

export async function removeEnforcement(scope: TenantScope, routerId: string): Promise<{ enqueued: number }> {
  const router = await mustFindRouter(scope.db, routerId);
  const enqueued = await scope.db.transaction().execute((trx) => enqueueRouterChanges(trx, prerequisiteRemovals(router.id), scope.core.clock.now()));
  if (enqueued > 0) routerSyncOf(scope.core).kick(scope.tenant.id, router.id);
  return { enqueued };
}
