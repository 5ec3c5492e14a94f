import type { RouterStatus } from '@shared/contract/routers';
import { formatDuration } from '@shared/domain/time';
import { uuidv7 } from '@shared/domain/ids';
import type { Core } from '../context';
import { insertAlert, publishAlert } from '../ops/alerts';
import type { AlertItem } from '@shared/contract/ops';
import type { Explained } from './diagnose';

export interface CheckOutcome {
  at: Date;
  ok: boolean;
  /** Why the check failed (offline) … */
  error?: Explained;
  /** … or why a working router counts as degraded (slow API, CPU pegged). */
  degradedReason?: string;
  info?: { routerOsVersion?: string; boardName?: string; identity?: string };
}

/**
 * The one place a router's status changes: updates the row, opens/closes downtime periods, raises
 * down/up alerts and pushes `routers.status-changed`. Called by monitoring and by the connection manager.
 */
export async function recordOutcome(core: Core, tenantId: string, routerId: string, outcome: CheckOutcome): Promise<RouterStatus | null> {
  // Nothing is recorded for a suspended or deleted tenant: its routers are not "down".
  if (!core.registry.isRunnable(tenantId)) return null;
  const next: RouterStatus = outcome.ok ? (outcome.degradedReason ? 'degraded' : 'online') : 'offline';
  const atIso = outcome.at.toISOString();
  const result = await core.tenants.use(tenantId, (h) =>
    h.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('routers').selectAll().where('id', '=', routerId).executeTakeFirst();
      if (!row) return null;
      const changed = row.status !== next;
      const lastError = outcome.ok ? (outcome.degradedReason ?? null) : (outcome.error?.message ?? 'Unreachable');
      await trx.updateTable('routers').set({
        status: next,
        statusSince: changed ? atIso : row.statusSince ?? atIso,
        lastCheckedAt: atIso,
        lastError,
        ...(outcome.info?.routerOsVersion ? { rosVersion: outcome.info.routerOsVersion } : {}),
        ...(outcome.info?.boardName ? { boardName: outcome.info.boardName } : {}),
        ...(outcome.info?.identity ? { identity: outcome.info.identity } : {}),
      }).where('id', '=', routerId).execute();
      let alert: AlertItem | null = null;
      if (changed && next === 'offline') {
        await trx.insertInto('routerDowntimes')
          .values({ id: uuidv7(), routerId, startedAt: atIso, endedAt: null, durationMs: null, cause: lastError ?? 'Unreachable' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        alert = await insertAlert(trx, core, {
          severity: 'critical', kind: 'router.down', routerId,
          title: `Router ${row.name} is down`, body: `${lastError ?? 'Unreachable'}${outcome.error?.hint ? ` — ${outcome.error.hint}` : ''}`,
        });
      } else if (changed && row.status === 'offline') {
        const open = await trx.selectFrom('routerDowntimes').selectAll().where('routerId', '=', routerId).where('endedAt', 'is', null).executeTakeFirst();
        let took = '';
        if (open) {
          const durationMs = Math.max(0, outcome.at.getTime() - new Date(open.startedAt).getTime());
          await trx.updateTable('routerDowntimes').set({ endedAt: atIso, durationMs }).where('id', '=', open.id).execute();
          took = ` after ${formatDuration(durationMs)} down`;
        }
        alert = await insertAlert(trx, core, {
          severity: 'info', kind: 'router.up', routerId, title: `Router ${row.name} is back up`, body: `Reachable again${took}.`,
        });
      } else if (changed && next === 'degraded') {
        alert = await insertAlert(trx, core, {
          severity: 'warning', kind: 'router.degraded', routerId, title: `Router ${row.name} is degraded`, body: outcome.degradedReason ?? '',
        });
      }
      return { changed, alert, since: changed ? atIso : (row.statusSince ?? atIso), lastError };
    }),
  );
  if (!result) return null;
  if (result.alert) publishAlert(core, tenantId, result.alert);
  if (result.changed) {
    core.events.emit('routers.status-changed', { tenantId }, { routerId, status: next, since: result.since, error: result.lastError });
  }
  return next;
}
