import type { AlertItem } from '@shared/contract/ops';
import type { TenantScope } from '../context';
import { insertAlert, publishAlert } from './alerts';

type HealthAlert = Extract<AlertItem, { kind: 'router.enforcement-health' }>;
export type EnforcementFinding = HealthAlert['params']['findings'][number];

/** A finding's identity for "did anything change": the code and its detail, not a drifting number. */
function signature(findings: readonly EnforcementFinding[]): string {
  return findings.map((f) => (f.code === 'tick-policy' ? `${f.code}:${[...f.missing].sort().join(',')}` : f.code)).sort().join(' ');
}

/**
 * Raises an alert from a router's enforcement health check (registered into the enforcement runtime at
 * ops start). The check runs every 15 minutes, so an alert is raised only when the set of findings
 * differs from the router's last such alert: a warning when something is wrong, an info alert with no
 * findings when it is healthy again. A router never alerted and healthy raises nothing.
 */
export async function raiseEnforcementHealthAlert(scope: TenantScope, routerId: string, findings: readonly EnforcementFinding[]): Promise<void> {
  const alert = await scope.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('alerts').select('params').where('routerId', '=', routerId).where('kind', '=', 'router.enforcement-health')
      .orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    const lastFindings = last ? (JSON.parse(last.params) as HealthAlert['params']).findings : [];
    if (signature(lastFindings) === signature(findings)) return null;
    const router = await trx.selectFrom('routers').select('name').where('id', '=', routerId).executeTakeFirst();
    return insertAlert(trx, scope.core, {
      severity: findings.length > 0 ? 'warning' : 'info', kind: 'router.enforcement-health', routerId,
      params: { routerName: router?.name ?? routerId, findings: [...findings] },
    });
  });
  if (alert) publishAlert(scope.core, scope.tenant.id, alert);
}
