/**
 * On connect / reconcile (router-enforcement.md §2.3): write the high-water mark and check the router-side
 * sweeper's health over one live connection. Findings are returned (and logged by the scheduled job) and
 * handed to the health listeners: the ops domain sits above this one and registers one that raises alerts.
 */
import { AppError } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import type { RosConnection } from '../routeros/client';
import { keepOurRulesFirst, RULE_ORDER_MENUS } from '../router-sync/rule-order';
import { routerFailure } from '../routers/diagnose';
import { routersOf } from '../routers/runtime';
import { mustFindRouter } from '../routers/router-repo';
import { checkEnforcementHealth, writeHighWaterMark, type HealthReport, type HwmResult } from './router-state';
import { enforcementOf } from './runtime';

export interface RouterCheck {
  hwm: HwmResult;
  health: HealthReport;
  /** The app's firewall/NAT rules moved back to the top of their chains (someone placed rules above them). */
  rulesMoved: number;
}

export async function checkRouterEnforcement(scope: TenantScope, routerId: string): Promise<RouterCheck> {
  const seen = enforcementOf(scope.core).lastTickRuns;
  const key = `${scope.tenant.id}:${routerId}`;
  const result = await onRouterScope(scope, routerId, async (conn) => {
    const now = scope.core.clock.now();
    const hwm = await writeHighWaterMark(conn, now);
    const health = await checkEnforcementHealth(conn, now, seen.get(key));
    let rulesMoved = 0;
    for (const menu of RULE_ORDER_MENUS) rulesMoved += await keepOurRulesFirst(conn, menu);
    return { hwm, health, rulesMoved };
  });
  seen.set(key, result.health.tickRunCount);
  for (const listen of enforcementOf(scope.core).healthListeners) await listen(scope, routerId, result.health.findings);
  return result;
}

/**
 * After a reconcile (router-sync's afterReconcile hook): a router with enforcement installed gets a fresh
 * high-water mark, so its sweeper's lower bound on the time keeps up even when no check job ran.
 */
export async function writeHighWaterMarkIfEnforced(scope: TenantScope, routerId: string): Promise<HwmResult | null> {
  const enforced = await scope.db.selectFrom('routerObjects').select('id').where('routerId', '=', routerId)
    .where('ownerType', '=', 'prerequisite').where('tag', '=', 'name=ispdesk-enforce').where('desired', 'is not', null).executeTakeFirst();
  if (!enforced) return null;
  return onRouterScope(scope, routerId, (conn) => writeHighWaterMark(conn, scope.core.clock.now()));
}

/** Routers of the tenant that have enforcement prerequisites in desired state. */
export async function routersWithEnforcement(scope: TenantScope): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('routerObjects')
    .select('routerId')
    .where('ownerType', '=', 'prerequisite')
    .where('tag', '=', 'name=ispdesk-enforce')
    .where('desired', 'is not', null)
    .execute();
  return rows.map((r) => r.routerId);
}

/**
 * Runs work on a router; a router fault becomes the routers domain's one clear error envelope (what
 * happened, what to try), as dashboard calls do.
 */
export async function onRouterScope<T>(scope: TenantScope, routerId: string, work: (conn: RosConnection) => Promise<T>): Promise<T> {
  const router = await mustFindRouter(scope.db, routerId);
  try {
    return await routersOf(scope.core).connections.run(scope.tenant.id, routerId, work);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
}
