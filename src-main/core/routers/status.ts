import type { RouterStatus } from '@shared/contract/routers';
import { diagnosisOf, encodeNote, type DiagnosisNote } from '@shared/contract/diagnosis';
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
  degradedReason?: DiagnosisNote;
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
  const problem: DiagnosisNote | null = outcome.ok ? (outcome.degradedReason ?? null) : (outcome.error?.note ?? diagnosisOf('no-answer', {}));
  const result = await core.tenants.use(tenantId, (h) =>
    h.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('routers').selectAll().where('id', '=', routerId).executeTakeFirst();
      if (!row) return null;
      const changed = row.status !== next;
      await trx.updateTable('routers').set({
        status: next,
        statusSince: changed ? atIso : row.statusSince ?? atIso,
        lastCheckedAt: atIso,
        lastError: problem ? encodeNote(problem) : null,
        ...(outcome.info?.routerOsVersion ? { rosVersion: outcome.info.routerOsVersion } : {}),
        ...(outcome.info?.boardName ? { boardName: outcome.info.boardName } : {}),
        ...(outcome.info?.identity ? { identity: outcome.info.identity } : {}),
      }).where('id', '=', routerId).execute();
      let alert: AlertItem | null = null;
      const routerName = row.name;
      if (changed && next === 'offline') {
        const cause = problem ?? diagnosisOf('no-answer', {});
        await trx.insertInto('routerDowntimes')
          .values({ id: uuidv7(), routerId, startedAt: atIso, endedAt: null, durationMs: null, cause: encodeNote(cause) })
          .onConflict((oc) => oc.doNothing())
          .execute();
        alert = await insertAlert(trx, core, { severity: 'critical', kind: 'router.down', routerId, params: { routerName, cause } });
      } else if (changed && row.status === 'offline') {
        const open = await trx.selectFrom('routerDowntimes').selectAll().where('routerId', '=', routerId).where('endedAt', 'is', null).executeTakeFirst();
        let downForMs: number | null = null;
        if (open) {
          downForMs = Math.max(0, outcome.at.getTime() - new Date(open.startedAt).getTime());
          await trx.updateTable('routerDowntimes').set({ endedAt: atIso, durationMs: downForMs }).where('id', '=', open.id).execute();
        }
        alert = await insertAlert(trx, core, { severity: 'info', kind: 'router.up', routerId, params: { routerName, downForMs } });
      } else if (changed && next === 'degraded') {
        alert = await insertAlert(trx, core, { severity: 'warning', kind: 'router.degraded', routerId, params: { routerName, cause: problem } });
      }
      return { changed, alert, since: changed ? atIso : (row.statusSince ?? atIso) };
    }),
  );
  if (!result) return null;
  if (result.alert) publishAlert(core, tenantId, result.alert);
  if (result.changed) {
    core.events.emit('routers.status-changed', { tenantId }, { routerId, status: next, since: result.since, error: problem });
  }
  return next;
}
