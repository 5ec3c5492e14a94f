import { rosDurationSeconds, rosNumber } from '@shared/domain/routeros-values';
import type { OutputOf } from '@shared/contract';
import type { TenantCtx } from '../context';
import { RosTrapError, type RosConnection } from '../routeros/client';
import { onRouter } from '../routers/on-router';
import { mustFindSubscriber } from '../subscribers/subscriber-repo';

type LiveState = OutputOf<'subscribers.live'>;

const OFFLINE: LiveState = { online: false, uptimeSec: null, address: null, callerId: null, rxBitsPerSecond: null, txBitsPerSecond: null };

/**
 * A PPPoE session is an /ppp/active row plus a dynamic `<pppoe-NAME>` interface (MikroTik manual "PPPoE":
 * server interfaces are named `<pppoe-user>`); one `monitor-traffic … once` of that interface gives the
 * current rates. rx/tx are from the router's side: rx is what the subscriber sends.
 */
async function pppoeState(conn: RosConnection, username: string): Promise<LiveState> {
  const [session] = await conn.print('/ppp/active', { where: { name: username }, proplist: ['name', 'address', 'caller-id', 'uptime'] });
  if (!session) return OFFLINE;
  let rx: number | null = null;
  let tx: number | null = null;
  try {
    const res = await conn.command('/interface/monitor-traffic', { attributes: { interface: `<pppoe-${username}>`, once: '' } });
    const sample = res.rows[0];
    if (sample) {
      rx = rosNumber(sample['rx-bits-per-second']);
      tx = rosNumber(sample['tx-bits-per-second']);
    }
  } catch (e) {
    // The session ended between the two reads: its interface is gone ("input does not match any value").
    if (!(e instanceof RosTrapError)) throw e;
    return OFFLINE;
  }
  const uptime = rosDurationSeconds(session.uptime);
  return {
    online: true, uptimeSec: uptime === null ? null : Math.floor(uptime), address: session.address || null, callerId: session['caller-id'] || null,
    rxBitsPerSecond: rx, txBitsPerSecond: tx,
  };
}

/**
 * Static subscribers have no session: their static DHCP lease says whether the CPE holds the address now
 * (`status=bound`), and their simple queue's `rate` (rx/tx bits per second, manual "Queues → Simple") the traffic.
 */
async function staticState(conn: RosConnection, ipAddress: string, macAddress: string | null): Promise<LiveState> {
  const [leases, queues] = await Promise.all([
    conn.print('/ip/dhcp-server/lease', { where: { address: ipAddress }, proplist: ['address', 'status', 'active-mac-address', 'mac-address'] }),
    conn.print('/queue/simple', { where: { target: `${ipAddress}/32` }, proplist: ['target', 'rate'] }),
  ]);
  const lease = leases[0];
  const online = lease?.status === 'bound';
  const [rx, tx] = (queues[0]?.rate ?? '').split('/');
  return {
    online, uptimeSec: null, address: ipAddress, callerId: lease?.['active-mac-address'] || macAddress,
    rxBitsPerSecond: online && rx !== undefined ? rosNumber(rx) : null, txBitsPerSecond: online && tx !== undefined ? rosNumber(tx) : null,
  };
}

/** What the subscriber's router says about them now; an unreachable router is a `router.unavailable` error. */
export async function subscriberLiveState(ctx: TenantCtx, subscriberId: string): Promise<LiveState> {
  const s = await mustFindSubscriber(ctx.db, subscriberId);
  return onRouter(ctx, s.routerId, (conn) => {
    if (s.serviceType === 'pppoe') return pppoeState(conn, s.username ?? s.accountNumber);
    return s.ipAddress ? staticState(conn, s.ipAddress, s.macAddress) : Promise.resolve(OFFLINE);
  });
}
