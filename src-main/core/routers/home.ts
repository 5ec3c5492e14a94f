import type { OutputOf } from '@shared/contract';
import type { TenantCtx } from '../context';
import { routersOf } from './runtime';

const DAY_MS = 24 * 3600_000;

/** Counts rows of a menu on every online router; a router that does not answer is left out, not zero. */
async function onlineCount(ctx: TenantCtx, routerIds: string[], menu: string): Promise<number | null> {
  const counts = await Promise.all(routerIds.map((id) =>
    routersOf(ctx.core).connections.run(ctx.tenant.id, id, async (conn) => (await conn.print(menu, { proplist: ['.id'] })).length)
      .catch(() => null)));
  const answered = counts.filter((c): c is number => c !== null);
  return answered.length === 0 ? null : answered.reduce((a, b) => a + b, 0);
}

/** The Home dashboard's figures, from this tenant's file and the online routers themselves. */
export async function homeSummary(ctx: TenantCtx): Promise<OutputOf<'routers.home'>> {
  const now = ctx.core.clock.now();
  const rows = await ctx.db.selectFrom('routers')
    .select(['id', 'name', 'isCore', 'status', 'statusSince', 'lastCheckedAt'])
    .orderBy('isCore', 'desc').orderBy('name').execute();
  const backups = await ctx.db.selectFrom('routerBackups')
    .select((eb) => ['routerId', eb.fn.max('fetchedAt').as('lastAt')]).groupBy('routerId').execute();
  const lastBackup = new Map(backups.map((b) => [b.routerId, b.lastAt as string | null]));
  // A read of the ops domain's alerts (writes stay in ops/): how many in the last 24 hours.
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const { n } = await ctx.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>=', since).executeTakeFirstOrThrow();
  // Not-yet-checked routers are asked too (a new ISP's first router); known-offline ones are not waited for.
  const online = rows.filter((r) => r.status !== 'offline').map((r) => r.id);
  const [pppOnline, hotspotOnline] = await Promise.all([onlineCount(ctx, online, '/ppp/active'), onlineCount(ctx, online, '/ip/hotspot/active')]);
  return {
    routers: rows.map((r) => ({
      id: r.id, name: r.name, isCore: r.isCore === 1, status: r.status, statusSince: r.statusSince,
      lastCheckedAt: r.lastCheckedAt, lastBackupAt: lastBackup.get(r.id) ?? null,
    })),
    pppOnline,
    hotspotOnline,
    alertsLast24h: Number(n),
    at: now.toISOString(),
  };
}
