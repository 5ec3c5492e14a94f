/**
 * Voucher statuses from the router (issue 11 §2): one `print` of `/ip/hotspot/user` and one of
 * `/ip/hotspot/active` per router (never one per voucher), the state of each voucher derived by the pure
 * rule (voucher-status.ts), and `voucher_usage` written set-based in chunked upserts. Reading a router
 * changes nothing on it; a router fault is a `router.*` error code and nothing is written.
 */
import { sql } from 'kysely';
import { rosDurationSeconds, rosNumber } from '@shared/domain/routeros-values';
import { stampedExpiryMs, voucherState, VOUCHER_STATES, type VoucherState } from '@shared/domain/voucher-status';
import type { TenantScope } from '../context';
import type { VoucherUsageTable } from '../db/tenant-schema';
import type { RosConnection, RosRow } from '../routeros/client';
import { routerFailure } from '../routers/diagnose';
import { mustFindRouter } from '../routers/router-repo';
import { routersOf } from '../routers/runtime';

/** Rows per upsert (12 values each, well under SQLite's bound-parameter limit). */
const UPSERT_CHUNK = 500;

export interface RouterUsage {
  users: Map<string, RosRow>;
  /** Sessions per user name (shared-users may allow several). */
  active: Map<string, RosRow[]>;
}

export interface StatusSyncResult {
  vouchers: number;
  changed: number;
  counts: Record<VoucherState, number>;
}

/** Runs `work` on the router's shared connection; connection and trap failures become `router.*` codes. */
export async function onHotspotRouter<T>(scope: TenantScope, routerId: string, work: (conn: RosConnection) => Promise<T>): Promise<T> {
  const router = await mustFindRouter(scope.db, routerId);
  try {
    return await routersOf(scope.core).connections.run(scope.tenant.id, routerId, work);
  } catch (e) {
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
}

export async function readRouterUsage(conn: RosConnection): Promise<RouterUsage> {
  const [users, active] = await Promise.all([
    conn.print('/ip/hotspot/user', { proplist: ['name', 'uptime', 'bytes-in', 'bytes-out', 'limit-uptime', 'limit-bytes-total', 'comment', 'disabled', 'mac-address'] }),
    conn.print('/ip/hotspot/active', { proplist: ['user', 'mac-address'] }),
  ]);
  const byUser = new Map<string, RosRow[]>();
  for (const a of active) {
    const list = byUser.get(a.user ?? '');
    if (list) list.push(a);
    else byUser.set(a.user ?? '', [a]);
  }
  return { users: new Map(users.map((u) => [u.name ?? '', u])), active: byUser };
}

const iso = (ms: number): string => new Date(ms).toISOString();
const num = (v: string | undefined): number => (v === undefined || v === '' ? 0 : rosNumber(v));

/** Reads the router, then derives and stores the state of every voucher on it. */
export async function syncVoucherStatuses(scope: TenantScope, routerId: string): Promise<StatusSyncResult> {
  const usage = await onHotspotRouter(scope, routerId, readRouterUsage);
  return applyRouterUsage(scope, routerId, usage);
}

/** The database half of a sync (also used by the bench to time it apart from the network). */
export async function applyRouterUsage(scope: TenantScope, routerId: string, r: RouterUsage): Promise<StatusSyncResult> {
  const nowMs = scope.core.clock.now().getTime();
  const now = iso(nowMs);
  const rows = await scope.db.selectFrom('vouchers')
    .innerJoin('hotspotPlans', 'hotspotPlans.id', 'vouchers.planId')
    .leftJoin('voucherUsage', 'voucherUsage.voucherId', 'vouchers.id')
    .select([
      'vouchers.id', 'vouchers.code', 'vouchers.status', 'hotspotPlans.limitKind', 'hotspotPlans.limitSec', 'hotspotPlans.limitBytesTotal',
      'voucherUsage.state as prevState', 'voucherUsage.firstLoginAt as prevFirstLogin', 'voucherUsage.lastSeenAt as prevLastSeen',
      'voucherUsage.uptimeSec as prevUptime', 'voucherUsage.bytesIn as prevIn', 'voucherUsage.bytesOut as prevOut', 'voucherUsage.mac as prevMac',
    ])
    .where('vouchers.routerId', '=', routerId)
    .execute();
  const counts = Object.fromEntries(VOUCHER_STATES.map((s) => [s, 0])) as Record<VoucherState, number>;
  let changed = 0;
  const out: VoucherUsageTable[] = [];
  for (const v of rows) {
    const user = v.status === 'revoked' ? undefined : r.users.get(v.code);
    const sessions = user ? r.active.get(v.code) ?? [] : [];
    const active = sessions.length > 0;
    // A user not (yet, or any more) on the router keeps what was last read.
    const uptimeSec = user ? Math.floor(rosDurationSeconds(user.uptime) ?? 0) : v.prevUptime ?? 0;
    const bytesIn = user ? num(user['bytes-in']) : v.prevIn ?? 0;
    const bytesOut = user ? num(user['bytes-out']) : v.prevOut ?? 0;
    const used = active || uptimeSec > 0 || bytesIn + bytesOut > 0;
    const validitySec = v.limitKind === 'validity' ? v.limitSec : null;
    const stamp = validitySec !== null ? stampedExpiryMs(user?.comment) : null;
    // The router's stamp is exact; without one (clock not trusted yet), the first sync that saw usage:
    // the first login was at most `uptime` ago.
    let firstLoginMs = v.prevFirstLogin !== null ? Date.parse(v.prevFirstLogin) : used ? nowMs - uptimeSec * 1000 : null;
    if (stamp !== null && validitySec !== null) firstLoginMs = stamp - validitySec * 1000;
    const expiresAtMs = validitySec === null || firstLoginMs === null ? null : stamp ?? firstLoginMs + validitySec * 1000;
    const state = voucherState({
      revoked: v.status === 'revoked', active, uptimeSec, bytesIn, bytesOut, expiresAtMs,
      limitUptimeSec: user ? rosDurationSeconds(user['limit-uptime']) : v.limitKind === 'uptime' ? v.limitSec : null,
      limitBytesTotal: user ? num(user['limit-bytes-total']) || null : v.limitBytesTotal,
    }, nowMs);
    counts[state] += 1;
    if (state !== v.prevState) changed += 1;
    out.push({
      voucherId: v.id, uptimeSec, bytesIn, bytesOut, firstLoginAt: firstLoginMs === null ? null : iso(firstLoginMs),
      lastSeenAt: active ? now : v.prevLastSeen, expiresAt: expiresAtMs === null ? null : iso(expiresAtMs), active: active ? 1 : 0,
      mac: sessions[0]?.['mac-address'] || user?.['mac-address'] || v.prevMac, state, syncedAt: now,
    });
  }
  await scope.db.transaction().execute(async (trx) => {
    for (let i = 0; i < out.length; i += UPSERT_CHUNK) {
      await trx.insertInto('voucherUsage').values(out.slice(i, i + UPSERT_CHUNK)).onConflict((oc) => oc.column('voucherId').doUpdateSet({
        uptimeSec: sql`excluded.uptime_sec`, bytesIn: sql`excluded.bytes_in`, bytesOut: sql`excluded.bytes_out`,
        firstLoginAt: sql`excluded.first_login_at`, lastSeenAt: sql`excluded.last_seen_at`, expiresAt: sql`excluded.expires_at`,
        active: sql`excluded.active`, mac: sql`excluded.mac`, state: sql`excluded.state`, syncedAt: sql`excluded.synced_at`,
      })).execute();
    }
  });
  return { vouchers: out.length, changed, counts };
}

/** Routers with vouchers still live: what the scheduled sync reads. */
export async function routersWithVouchers(scope: TenantScope): Promise<string[]> {
  const rows = await scope.db.selectFrom('vouchers').select('routerId').where('status', '!=', 'revoked').groupBy('routerId').execute();
  return rows.map((r) => r.routerId);
}

/** The scheduled job's run: every router in turn; a router down is logged and the others still sync. */
export async function syncAllVoucherStatuses(scope: TenantScope, log: (line: string) => void): Promise<{ failed: number }> {
  let failed = 0;
  for (const routerId of await routersWithVouchers(scope)) {
    try {
      const r = await syncVoucherStatuses(scope, routerId);
      log(`router ${routerId}: ${r.vouchers} vouchers, ${r.changed} changed state`);
    } catch (e) {
      failed += 1;
      log(`router ${routerId}: not read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  // Not thrown: a retry would read the routers that answered again; the next run comes soon enough.
  return { failed };
}
