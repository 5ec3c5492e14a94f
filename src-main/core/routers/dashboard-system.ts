import { rosBool, rosClockInstant, rosDurationSeconds, rosGmtOffsetMinutes, rosNumber } from '@shared/domain/routeros-values';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantCtx } from '../context';
import { RosTrapError, type RosConnection, type RosRow } from '../routeros/client';
import { onRouter, text } from './on-router';

async function optional(conn: RosConnection, menu: string): Promise<RosRow[]> {
  try {
    return await conn.print(menu);
  } catch (e) {
    // Menus that depend on hardware or packages (health, routerboard) do not exist everywhere.
    if (e instanceof RosTrapError) return [];
    throw e;
  }
}

async function readClock(conn: RosConnection, now: Date): Promise<{ routerTime: string | null; clockSkewMs: number | null; utcOffsetMinutes: number | null }> {
  const [clock] = await conn.print('/system/clock');
  const at = rosClockInstant(clock?.date, clock?.time, clock?.['gmt-offset']);
  return { routerTime: at ? at.toISOString() : null, clockSkewMs: at ? at.getTime() - now.getTime() : null, utcOffsetMinutes: rosGmtOffsetMinutes(clock?.['gmt-offset']) };
}

export async function readClockSkew(conn: RosConnection, now: Date): Promise<{ routerTime: string | null; clockSkewMs: number | null }> {
  const { routerTime, clockSkewMs } = await readClock(conn, now);
  return { routerTime, clockSkewMs };
}

function primaryAddress(rows: RosRow[]): string | null {
  const usable = rows.filter((r) => !rosBool(r.invalid) && !rosBool(r.disabled) && !/^127\.|^169\.254\./.test(r.address ?? ''));
  const chosen = usable.find((r) => !rosBool(r.dynamic)) ?? usable[0] ?? rows[0];
  return chosen?.address ?? null;
}

export function overview(ctx: TenantCtx, routerId: string): Promise<OutputOf<'routers.dashboard.overview'>> {
  return onRouter(ctx, routerId, async (conn) => {
    const [[res], [ident], rb, health, addresses, skew] = await Promise.all([
      conn.print('/system/resource'),
      conn.print('/system/identity'),
      optional(conn, '/system/routerboard'),
      optional(conn, '/system/health'),
      conn.print('/ip/address', { proplist: ['address', 'dynamic', 'invalid', 'disabled'] }),
      readClock(conn, ctx.core.clock.now()),
    ]);
    const r = res ?? {};
    return {
      identity: text(ident ?? {}, 'name'),
      boardName: text(r, 'board-name'),
      model: rb[0]?.model ?? null,
      serialNumber: rb[0]?.['serial-number'] ?? null,
      routerOsVersion: text(r, 'version'),
      architecture: r['architecture-name'] ?? null,
      uptime: text(r, 'uptime'),
      uptimeSeconds: rosDurationSeconds(r.uptime) ?? 0,
      cpuLoadPercent: rosNumber(r['cpu-load']),
      cpuCount: rosNumber(r['cpu-count']) || 1,
      freeMemoryBytes: rosNumber(r['free-memory']),
      totalMemoryBytes: rosNumber(r['total-memory']),
      freeDiskBytes: rosNumber(r['free-hdd-space']),
      totalDiskBytes: rosNumber(r['total-hdd-space']),
      // v7 lists one row per sensor (name/value/type); v6 one row with a property per sensor.
      health: health.flatMap((h) =>
        h.name !== undefined
          ? [{ name: h.name, value: text(h, 'value'), unit: text(h, 'type') }]
          : Object.entries(h).filter(([k]) => !k.startsWith('.')).map(([name, value]) => ({ name, value, unit: '' })),
      ),
      routerTime: skew.routerTime,
      clockSkewMs: skew.clockSkewMs,
      routerUtcOffsetMinutes: skew.utcOffsetMinutes,
      primaryAddress: primaryAddress(addresses),
    };
  });
}

export function interfaces(ctx: TenantCtx, routerId: string): Promise<OutputOf<'routers.dashboard.interfaces'>> {
  return onRouter(ctx, routerId, async (conn) => {
    const rows = await conn.print('/interface');
    const names = rows.filter((r) => !rosBool(r.disabled) && r.name).map((r) => r.name!);
    const rates = new Map<string, RosRow>();
    if (names.length > 0) {
      const res = await conn.command('/interface/monitor-traffic', { attributes: { interface: names.join(','), once: '' } });
      for (const m of res.rows) if (m.name) rates.set(m.name, m);
    }
    return {
      items: rows.map((r) => {
        const m = rates.get(r.name ?? '');
        return {
          id: text(r, '.id'), name: text(r, 'name'), type: text(r, 'type'), running: rosBool(r.running), disabled: rosBool(r.disabled),
          macAddress: r['mac-address'] ?? null, rxBytes: rosNumber(r['rx-byte']), txBytes: rosNumber(r['tx-byte']),
          rxBitsPerSecond: rosNumber(m?.['rx-bits-per-second']), txBitsPerSecond: rosNumber(m?.['tx-bits-per-second']), comment: text(r, 'comment'),
        };
      }),
    };
  });
}

export function firewallFilters(ctx: TenantCtx, routerId: string): Promise<OutputOf<'routers.firewall.filters'>> {
  return onRouter(ctx, routerId, async (conn) => ({
    items: (await conn.print('/ip/firewall/filter')).map((r) => ({
      id: text(r, '.id'), chain: text(r, 'chain'), action: text(r, 'action'), protocol: text(r, 'protocol'), srcAddress: text(r, 'src-address'),
      dstAddress: text(r, 'dst-address'), srcAddressList: text(r, 'src-address-list'), dstAddressList: text(r, 'dst-address-list'),
      inInterface: text(r, 'in-interface'), outInterface: text(r, 'out-interface'), dstPort: text(r, 'dst-port'), disabled: rosBool(r.disabled),
      dynamic: rosBool(r.dynamic), invalid: rosBool(r.invalid), comment: text(r, 'comment'), bytes: rosNumber(r.bytes), packets: rosNumber(r.packets),
    })),
  }));
}

export function recentLog(ctx: TenantCtx, input: ParsedInputOf<'routers.log.recent'>): Promise<OutputOf<'routers.log.recent'>> {
  return onRouter(ctx, input.routerId, async (conn) => {
    let rows = await conn.print('/log');
    if (input.topics) rows = rows.filter((r) => (r.topics ?? '').includes(input.topics!));
    if (input.q) {
      const needle = input.q.toLowerCase();
      rows = rows.filter((r) => (r.message ?? '').toLowerCase().includes(needle));
    }
    return { items: rows.slice(-input.limit).reverse().map((r) => ({ id: text(r, '.id'), time: text(r, 'time'), topics: text(r, 'topics'), message: text(r, 'message') })) };
  });
}

export function ping(ctx: TenantCtx, input: ParsedInputOf<'routers.ping'>): Promise<OutputOf<'routers.ping'>> {
  return onRouter(ctx, input.routerId, async (conn) => {
    const res = await conn.command('/ping', { attributes: { address: input.address, count: input.count } }, { timeoutMs: 5_000 + input.count * 2_000 });
    const probes = res.rows.filter((r) => r.seq !== undefined);
    const last = res.rows.at(-1) ?? {};
    const sent = rosNumber(last.sent) || probes.length;
    const received = last.received !== undefined ? rosNumber(last.received) : probes.filter((p) => !p.status).length;
    return {
      replies: probes.map((p) => ({
        seq: rosNumber(p.seq), host: text(p, 'host'), time: p.time ?? null, ttl: p.ttl !== undefined ? rosNumber(p.ttl) : null,
        size: p.size !== undefined ? rosNumber(p.size) : null, status: p.status ?? null,
      })),
      sent, received, packetLossPercent: sent ? Math.round(((sent - received) / sent) * 100) : 100, avgRtt: last['avg-rtt'] ?? null,
    };
  });
}
