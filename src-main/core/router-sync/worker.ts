import { readSecret } from '../secrets/secret-store';
import type { Core } from '../context';
import { routersOf } from '../routers/runtime';
import { applyAll, type ApplyItem, type ApplyOutcome } from './apply';
import { routerSyncOf, type DrainResult } from './runtime';

export type { DrainResult } from './runtime';
import { deferRouter, dueObjects, nextDueAt, recordApplied, recordRefused, type RouterObjectRow } from './outbox-repo';

export interface DrainOptions {
  /** Delay before entries of an unreachable router come due again (the worker's back-off). */
  retryDelayMs?: number;
}

/**
 * One pass of a router's outbox: every due object once, at its latest desired version, applied and
 * verified on the router. Safe to run again at any point (and after a crash at any point): each pass
 * starts from what the router holds, so nothing is added twice and nothing verified is lost.
 */
export async function drainRouter(core: Core, tenantId: string, routerId: string, opts: DrainOptions = {}): Promise<DrainResult> {
  const now = core.clock.now();
  const work = await core.tenants.use(tenantId, async (h) => {
    const objects = await dueObjects(h.db, routerId, now);
    const items: ApplyItem[] = [];
    const unsealable: { objectId: string; version: number; message: string }[] = [];
    for (const o of objects) {
      const item = await toApplyItem(core, h.db, o);
      if (typeof item === 'string') unsealable.push({ objectId: o.id, version: o.version, message: item });
      else items.push(item);
    }
    await recordRefused(h.db, routerId, unsealable);
    return { items, refusedEarly: unsealable.length };
  });
  const result: DrainResult = { applied: 0, refused: work.refusedEarly, offline: false, error: null, nextDueAt: null };
  // A fresh reconcile listing of this router is used once (then it is stale: this pass writes).
  const snapshot = routerSyncOf(core).snapshots.take(tenantId, routerId, now);
  if (work.items.length > 0) {
    const record = async (o: ApplyOutcome) => {
      await core.tenants.use(tenantId, async (h) => {
        await recordApplied(h.db, routerId, o.applied, now);
        await recordRefused(h.db, routerId, o.refused);
      });
      result.applied += o.applied.length;
      result.refused += o.refused.length;
    };
    try {
      await routersOf(core).connections.run(tenantId, routerId, (conn) => applyAll(conn, work.items, now, record, snapshot));
    } catch (e) {
      // Connection refused, lost mid-batch, or an outcome unknown: nothing is marked; the next pass reads back first.
      result.offline = true;
      result.error = e instanceof Error ? e.message : String(e);
      await core.tenants.use(tenantId, (h) => deferRouter(h.db, routerId, result.error ?? 'unreachable', now, opts.retryDelayMs ?? 0));
    }
  }
  result.nextDueAt = await core.tenants.use(tenantId, (h) => nextDueAt(h.db, routerId));
  return result;
}

async function toApplyItem(core: Core, db: Parameters<typeof readSecret>[0], o: RouterObjectRow): Promise<ApplyItem | string> {
  const props = o.desired === null ? null : (JSON.parse(o.desired) as Record<string, string>);
  const sealed = o.sealed === null ? {} : (JSON.parse(o.sealed) as Record<string, string>);
  if (props !== null) {
    for (const [prop, name] of Object.entries(sealed)) {
      const value = await readSecret(db, core.secrets, { ownerType: o.ownerType, ownerId: o.ownerId, name });
      // Not a router error, but it must show on the object the same way: nothing can be written without it.
      if (value === null) return `the ${prop} for this object is not stored in ISP Desk`;
      props[prop] = value;
    }
  }
  return { objectId: o.id, version: o.version, menu: o.menu, tag: o.tag, props, sealedProps: Object.keys(sealed) };
}
