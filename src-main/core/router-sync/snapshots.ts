import type { RosRow } from '../routeros/client';

/** One menu as a reconcile just listed it: the rows, the props it asked for and the tags it indexed. */
export interface MenuSnapshot {
  rows: readonly RosRow[];
  proplist: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

/**
 * How long a reconcile's listing stands in for the worker's own read. Long enough for staff to review the
 * drift and click "apply ours", short enough that a hand edit in between is unlikely; a stale row only
 * costs a refused write (shown on the object, re-read at the next drain), never a blind duplicate, since
 * RouterOS refuses a second item of the same name.
 */
export const SNAPSHOT_MAX_AGE_MS = 5 * 60_000;

/**
 * The last reconcile listing per router, taken (once) by the next drain of that router so repairing
 * drift costs one write per drifted object and no second listing (issue 9 §9 API budget). Only a drain
 * that repairs drift ("apply ours" arms it) uses it; any other drain drops it unused: ordinary changes
 * keep their read before writing and their read-back, and the app's own writes made the listing stale.
 */
export class RouterSnapshots {
  private readonly byRouter = new Map<string, { atMs: number; menus: Map<string, MenuSnapshot>; armed: boolean }>();

  put(tenantId: string, routerId: string, at: Date, menus: Map<string, MenuSnapshot>): void {
    this.byRouter.set(`${tenantId}:${routerId}`, { atMs: at.getTime(), menus, armed: false });
  }

  /** "Apply ours" re-queued drift found by this listing: the next drain may use it. */
  arm(tenantId: string, routerId: string): void {
    const s = this.byRouter.get(`${tenantId}:${routerId}`);
    if (s) s.armed = true;
  }

  /** The snapshot if armed and fresh; removed either way. */
  take(tenantId: string, routerId: string, now: Date): Map<string, MenuSnapshot> | null {
    const key = `${tenantId}:${routerId}`;
    const s = this.byRouter.get(key);
    this.byRouter.delete(key);
    if (!s?.armed) return null;
    const age = now.getTime() - s.atMs;
    return age >= 0 && age <= SNAPSHOT_MAX_AGE_MS ? s.menus : null;
  }

  dropTenant(tenantId: string): void {
    for (const k of [...this.byRouter.keys()]) if (k.startsWith(`${tenantId}:`)) this.byRouter.delete(k);
  }
}
