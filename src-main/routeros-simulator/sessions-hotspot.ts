/**
 * Hotspot logins: users, limits (limit-uptime counted across sessions on the router clock, byte
 * limits, shared-users), active rows, host entries and dynamic `<hotspot-USER>` queues.
 */
import type { TimerHandle } from './clock';
import type { RouterCore } from './core';
import { addSessionAddress, removeSessionAddresses } from './menus/firewall';
import { formatUptime, normalizeRatePair, parseDuration } from './duration';
import type { Props, RowView } from './spec';
import type { ConnectResult } from './sessions-ppp';

export const HOTSPOT_ERRORS = {
  credentials: 'invalid username or password',
  uptime: (u: string) => `user ${u} has reached uptime limit`,
  traffic: (u: string) => `user ${u} has reached traffic limit`,
  shared: 'no more sessions are allowed for user',
  mac: 'your MAC address is not allowed',
} as const;

export class HotspotService {
  private readonly kickTimers = new Map<string, TimerHandle>();
  private readonly pendingReason = new Map<string, string>();

  constructor(private readonly core: () => RouterCore) {}

  /** Used uptime (ms) of a user: finished sessions plus the running ones. */
  usedMs(userName: string): number {
    const core = this.core();
    const user = core.state.table('/ip/hotspot/user').findBy('name', userName);
    let used = Number(user?.props.$used ?? 0);
    const now = core.clock.nowMs();
    // Indexed by user: a print of 10,000 users with 2,000 sessions stays linear.
    for (const a of core.state.table('/ip/hotspot/active').whereEquals('user', userName)) used += now - Number(a.props.$since ?? now);
    return used;
  }

  private liveBytes(row: RowView): { rx: number; tx: number } {
    const core = this.core();
    const now = core.clock.nowMs();
    return core.traffic.bytes(`<hotspot-${row.props.user ?? ''}>`, Number(row.props.$since ?? now), now);
  }

  userCounters(row: RowView): Props {
    const core = this.core();
    const name = row.props.name ?? '';
    let bytesIn = Number(row.props.$bytesIn ?? 0);
    let bytesOut = Number(row.props.$bytesOut ?? 0);
    for (const a of core.state.table('/ip/hotspot/active').whereEquals('user', name)) {
      const b = this.liveBytes(a);
      bytesIn += b.rx;
      bytesOut += b.tx;
    }
    return {
      uptime: formatUptime(this.usedMs(name)),
      'bytes-in': String(bytesIn),
      'bytes-out': String(bytesOut),
      'packets-in': String(core.traffic.packets(bytesIn)),
      'packets-out': String(core.traffic.packets(bytesOut)),
    };
  }

  activeCounters(row: RowView): Props {
    const core = this.core();
    const now = core.clock.nowMs();
    const b = this.liveBytes(row);
    const out: Props = {
      uptime: formatUptime(now - Number(row.props.$since ?? now)),
      'bytes-in': String(b.rx),
      'bytes-out': String(b.tx),
      'packets-in': String(core.traffic.packets(b.rx)),
      'packets-out': String(core.traffic.packets(b.tx)),
    };
    const user = core.state.table('/ip/hotspot/user').findBy('name', row.props.user ?? '');
    const limit = parseDuration(user?.props['limit-uptime'] ?? '0') ?? 0;
    if (limit > 0) out['session-time-left'] = formatUptime(Math.max(0, limit - this.usedMs(row.props.user ?? '')));
    return out;
  }

  login(userName: string, password: string, opts: { mac: string; ip: string; server?: string; loginBy?: string }): ConnectResult {
    const core = this.core();
    const users = core.state.table('/ip/hotspot/user');
    const user = users.findBy('name', userName);
    const mac = opts.mac.toUpperCase();
    const fail = (reason: string): ConnectResult => {
      core.log('hotspot,info,debug', `${userName} (${opts.ip}): login failed: ${reason}`);
      return { ok: false, reason };
    };
    if (!user || user.props.default === 'true' || (user.props.password ?? '') !== password || user.props.disabled === 'true') {
      return fail(HOTSPOT_ERRORS.credentials);
    }
    const lockedMac = user.props['mac-address'];
    if (lockedMac && lockedMac.toUpperCase() !== mac) return fail(HOTSPOT_ERRORS.mac);
    const limit = parseDuration(user.props['limit-uptime'] ?? '0') ?? 0;
    if (limit > 0 && this.usedMs(userName) >= limit) return fail(HOTSPOT_ERRORS.uptime(userName));
    const totalLimit = Number(user.props['limit-bytes-total'] ?? 0);
    if (totalLimit > 0) {
      const c = this.userCounters(user);
      if (Number(c['bytes-in']) + Number(c['bytes-out']) >= totalLimit) return fail(HOTSPOT_ERRORS.traffic(userName));
    }
    const profile = core.state.table('/ip/hotspot/user/profile').findBy('name', user.props.profile ?? 'default');
    const shared = profile?.props['shared-users'] ?? '1';
    const active = core.state.table('/ip/hotspot/active');
    const running = [...active.rowsInOrder()].filter((a) => a.props.user === userName).length;
    if (shared !== 'unlimited' && running >= Number(shared)) return fail(HOTSPOT_ERRORS.shared);

    const servers = core.state.table('/ip/hotspot');
    const serverName = opts.server ?? (user.props.server !== 'all' ? user.props.server : undefined) ?? servers.rowsInOrder().next().value?.props.name ?? 'hotspot1';
    const hosts = core.state.table('/ip/hotspot/host');
    const now = String(core.clock.nowMs());
    const host = hosts.findBy('address', opts.ip);
    if (host) hosts.update(host, { authorized: 'true' }, 'internal');
    else hosts.insert({ 'mac-address': mac, address: opts.ip, 'to-address': opts.ip, server: serverName, 'found-by': 'DHCP', authorized: 'true', $since: now }, 'internal');
    const row = active.insert(
      {
        server: serverName,
        user: userName,
        address: opts.ip,
        'mac-address': mac,
        'login-by': opts.loginBy ?? 'http-chap',
        'idle-timeout': profile?.props['idle-timeout'] ?? 'none',
        'keepalive-timeout': profile?.props['keepalive-timeout'] ?? '2m',
        $since: now,
      },
      'internal',
    );
    const rate = profile?.props['rate-limit'];
    if (rate) {
      const queues = core.state.table('/queue/simple');
      let qName = `<hotspot-${userName}>`;
      for (let i = 1; queues.findBy('name', qName); i++) qName = `<hotspot-${userName}-${i}>`;
      queues.insert({ name: qName, target: `${opts.ip}/32`, 'max-limit': normalizeRatePair(rate.split(' ')[0] ?? '') ?? '0/0', dynamic: 'true', comment: `hs:${row.id}`, $since: now }, 'internal');
    }
    addSessionAddress(core, profile?.props['address-list'], opts.ip, `hs:${row.id}`);
    core.log('hotspot,account,info,debug', `${userName} (${opts.ip}): logged in`);
    this.armKick(row.id, userName);
    const onLogin = profile?.props['on-login'];
    if (onLogin) core.scripts.runSource(onLogin, `hotspot user profile ${profile?.props.name ?? ''} on-login`, { user: userName, address: opts.ip, 'mac-address': mac });
    return { ok: true, id: row.id };
  }

  /** Ends a session (id of /ip/hotspot/active) with a log reason. */
  logout(activeId: string, reason: string): boolean {
    const active = this.core().state.table('/ip/hotspot/active');
    const row = active.byId(activeId);
    if (!row) return false;
    this.pendingReason.set(row.id, reason);
    active.delete(row, 'internal');
    return true;
  }

  onActiveRemoved(row: RowView): void {
    const core = this.core();
    const reason = this.pendingReason.get(row.id) ?? 'admin reset';
    this.pendingReason.delete(row.id);
    this.kickTimers.get(row.id)?.cancel();
    this.kickTimers.delete(row.id);
    const userName = row.props.user ?? '';
    const now = core.clock.nowMs();
    const users = core.state.table('/ip/hotspot/user');
    const user = users.findBy('name', userName);
    if (user) {
      const b = this.liveBytes(row);
      users.update(
        user,
        {
          $used: String(Number(user.props.$used ?? 0) + (now - Number(row.props.$since ?? now))),
          $bytesIn: String(Number(user.props.$bytesIn ?? 0) + b.rx),
          $bytesOut: String(Number(user.props.$bytesOut ?? 0) + b.tx),
        },
        'internal',
      );
    }
    removeSessionAddresses(core, `hs:${row.id}`);
    const queues = core.state.table('/queue/simple');
    for (const q of [...queues.rowsInOrder()]) if (q.props.comment === `hs:${row.id}` && q.props.dynamic === 'true') queues.delete(q, 'internal');
    const hosts = core.state.table('/ip/hotspot/host');
    const host = hosts.findBy('address', row.props.address ?? '');
    if (host) hosts.update(host, { authorized: 'false' }, 'internal');
    core.log('hotspot,account,info,debug', `${userName} (${row.props.address ?? ''}): logged out: ${reason}`);
    const profile = user ? core.state.table('/ip/hotspot/user/profile').findBy('name', user.props.profile ?? 'default') : undefined;
    const onLogout = profile?.props['on-logout'];
    if (onLogout) core.scripts.runSource(onLogout, `hotspot user profile ${profile?.props.name ?? ''} on-logout`, { user: userName, address: row.props.address ?? '' });
  }

  /** `/ip/hotspot/user/reset-counters`: past usage is forgotten and running sessions count from now. */
  resetCounters(user: RowView): void {
    const core = this.core();
    const users = core.state.table('/ip/hotspot/user');
    const row = users.byId(user.id);
    if (!row) return;
    users.update(row, { $used: '0', $bytesIn: '0', $bytesOut: '0' }, 'internal');
    const now = String(core.clock.nowMs());
    const active = core.state.table('/ip/hotspot/active');
    for (const a of [...active.rowsInOrder()]) if (a.props.user === row.props.name) active.update(a, { $since: now }, 'internal');
    this.rearmUser(row.props.name ?? '');
  }

  /** Limit changed on a user: re-arm the kick of its running sessions. */
  rearmUser(userName: string): void {
    for (const a of this.core().state.table('/ip/hotspot/active').whereEquals('user', userName)) this.armKick(a.id, userName);
  }

  /**
   * limit-uptime is connected time summed over the user's sessions: when it is reached the session is
   * ended ("uptime limit reached") and later logins are refused, while the user itself stays with its
   * counters (HotSpot manual, https://help.mikrotik.com/docs/display/ROS/HotSpot+-+Captive+portal, User:
   * `limit-uptime`; the counters start over only by `reset-counters`). Armed on the router clock.
   */
  private armKick(activeId: string, userName: string): void {
    const core = this.core();
    this.kickTimers.get(activeId)?.cancel();
    this.kickTimers.delete(activeId);
    const user = core.state.table('/ip/hotspot/user').findBy('name', userName);
    const limit = parseDuration(user?.props['limit-uptime'] ?? '0') ?? 0;
    if (limit <= 0) return;
    const left = limit - this.usedMs(userName);
    this.kickTimers.set(
      activeId,
      core.clock.after(Math.max(0, left), () => {
        this.kickTimers.delete(activeId);
        this.logout(activeId, 'uptime limit reached');
      }),
    );
  }
}
