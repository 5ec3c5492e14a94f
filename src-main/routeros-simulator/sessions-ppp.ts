/**
 * Simulated PPPoE subscribers: connecting needs an enabled secret with matching password, service and
 * caller-id; a session is an /ppp/active row plus a dynamic `<pppoe-NAME>` interface and, when the
 * profile has a rate-limit, a dynamic simple queue of that name.
 */
import type { RouterCore } from './core';
import { addSessionAddress, removeSessionAddresses } from './menus/firewall';
import { formatDateTime } from './dates';
import { formatUptime, normalizeRatePair } from './duration';
import { hash32 } from './rng';
import type { RowView } from './spec';
import type { Row } from './table';
import { ipToInt, intToIp } from './values';

export type ConnectResult = { ok: true; id: string } | { ok: false; reason: string };

export class PppService {
  private readonly pendingReason = new Map<string, string>();
  private sessionCounter = 1;

  constructor(private readonly core: () => RouterCore) {}

  connect(name: string, password: string, opts: { callerId?: string; service?: string } = {}): ConnectResult {
    const core = this.core();
    const service = opts.service ?? 'pppoe';
    const callerId = (opts.callerId ?? macFor(name)).toUpperCase();
    const secret = core.state.table('/ppp/secret').findBy('name', name);
    const fail = (reason: string): ConnectResult => {
      core.log('pppoe,ppp,error', `<${callerId}>: user ${name} authentication failed`);
      return { ok: false, reason };
    };
    if (!secret) return fail('authentication failed: no such user');
    if ((secret.props.password ?? '') !== password) return fail('authentication failed: wrong password');
    if (secret.props.disabled === 'true') return fail('authentication failed: secret is disabled');
    const allowed = secret.props.service ?? 'any';
    if (allowed !== 'any' && allowed !== service) return fail(`authentication failed: service ${service} not allowed`);
    const lock = secret.props['caller-id'] ?? '';
    if (lock !== '' && lock.toUpperCase() !== callerId) return fail('authentication failed: caller-id mismatch');
    const active = core.state.table('/ppp/active');
    if (active.findBy('name', name)) return { ok: false, reason: 'already connected' };
    const profiles = core.state.table('/ppp/profile');
    const profile = profiles.findBy('name', secret.props.profile ?? 'default') ?? profiles.findBy('name', 'default');
    const address = secret.props['remote-address'] || this.allocate(profile?.props['remote-address']);
    const now = String(core.clock.nowMs());
    const ifName = `<pppoe-${name}>`;
    const row = active.insert(
      {
        name,
        service,
        'caller-id': callerId,
        address,
        'session-id': `0x81${(this.sessionCounter++).toString(16).toUpperCase().padStart(6, '0')}`,
        'limit-bytes-in': secret.props['limit-bytes-in'] ?? '0',
        'limit-bytes-out': secret.props['limit-bytes-out'] ?? '0',
        $since: now,
      },
      'internal',
    );
    const ifaces = core.state.table('/interface');
    const stale = ifaces.findBy('name', ifName);
    if (stale) ifaces.delete(stale, 'internal');
    ifaces.insert({ name: ifName, type: 'pppoe-in', mtu: '1480', 'actual-mtu': '1480', l2mtu: '0', dynamic: 'true', running: 'true', $since: now }, 'internal');
    const rate = profile?.props['rate-limit'];
    if (rate) {
      const maxLimit = normalizeRatePair(rate.split(' ')[0] ?? '') ?? '0/0';
      const queues = core.state.table('/queue/simple');
      const old = queues.findBy('name', ifName);
      if (old) queues.delete(old, 'internal');
      queues.insert({ name: ifName, target: ifName, 'max-limit': maxLimit, dynamic: 'true', $since: now }, 'internal');
    }
    addSessionAddress(core, profile?.props['address-list'], address, `ppp:${row.id}`);
    core.log('pppoe,ppp,info', `${ifName}: authenticated`);
    core.log('pppoe,ppp,info', `${ifName}: connected`);
    core.log('pppoe,ppp,info,account', `${name} logged in, ${address} from ${callerId}`);
    const onUp = profile?.props['on-up'];
    if (onUp) core.scripts.runSource(onUp, `ppp profile ${profile?.props.name ?? ''} on-up`, this.vars(row));
    return { ok: true, id: row.id };
  }

  disconnect(name: string, reason = 'peer-request'): boolean {
    const active = this.core().state.table('/ppp/active');
    const row = active.findBy('name', name);
    if (!row) return false;
    this.pendingReason.set(row.id, reason);
    active.delete(row, 'internal');
    return true;
  }

  /** Runs for every way a session ends (API remove, disconnectPpp, scripts). */
  onActiveRemoved(row: RowView): void {
    const core = this.core();
    const reason = this.pendingReason.get(row.id) ?? core.settings.pppKickReason;
    this.pendingReason.delete(row.id);
    const name = row.props.name ?? '';
    const ifName = `<pppoe-${name}>`;
    const now = core.clock.nowMs();
    const ifaces = core.state.table('/interface');
    const iface = ifaces.findBy('name', ifName);
    const bytes = iface ? core.traffic.bytes(ifName, Number(iface.props.$since ?? now), now) : { rx: 0, tx: 0 };
    if (iface) ifaces.delete(iface, 'internal');
    removeSessionAddresses(core, `ppp:${row.id}`);
    const queues = core.state.table('/queue/simple');
    const q = queues.findBy('name', ifName);
    if (q && q.props.dynamic === 'true') queues.delete(q, 'internal');
    const secrets = core.state.table('/ppp/secret');
    const secret = secrets.findBy('name', name);
    if (secret) {
      secrets.update(
        secret,
        {
          'last-logged-out': formatDateTime(now, core.dateStyle),
          'last-caller-id': row.props['caller-id'] ?? '',
          'last-disconnect-reason': reason,
        },
        'internal',
      );
    }
    const uptimeMs = now - Number(row.props.$since ?? now);
    core.log('pppoe,ppp,info', `${ifName}: terminating... - ${reason === 'nas-request' ? 'disconnected by administrator' : reason}`);
    core.log('pppoe,ppp,info', `${ifName}: disconnected`);
    core.log(
      'pppoe,ppp,info,account',
      `${name} logged out, ${Math.floor(uptimeMs / 1000)} ${bytes.rx} ${bytes.tx} ${core.traffic.packets(bytes.rx)} ${core.traffic.packets(bytes.tx)} from ${row.props['caller-id'] ?? ''}`,
    );
    const profile = secret ? core.state.table('/ppp/profile').findBy('name', secret.props.profile ?? 'default') : undefined;
    const onDown = profile?.props['on-down'];
    if (onDown) core.scripts.runSource(onDown, `ppp profile ${profile?.props.name ?? ''} on-down`, this.vars(row as Row, formatUptime(uptimeMs)));
  }

  private vars(row: RowView, uptime?: string): Record<string, string> {
    const name = row.props.name ?? '';
    return {
      user: name,
      'caller-id': row.props['caller-id'] ?? '',
      'remote-address': row.props.address ?? '',
      'local-address': '',
      interface: `<pppoe-${name}>`,
      ...(uptime ? { uptime } : {}),
    };
  }

  /** Next free address from a pool (or the literal IP); falls back to 10.254.x.y when nothing is set. */
  allocate(source: string | undefined): string {
    const core = this.core();
    const used = new Set<string>();
    for (const r of core.state.table('/ppp/active').rowsInOrder()) if (r.props.address) used.add(r.props.address);
    if (source && ipToInt(source) !== null) return source;
    const pool = source ? core.state.table('/ip/pool').findBy('name', source) : undefined;
    const ranges = pool ? parseRanges(pool.props.ranges ?? '') : [[ipToInt('10.254.0.2')!, ipToInt('10.254.255.254')!] as const];
    for (const [lo, hi] of ranges) {
      for (let n = lo; n <= hi; n++) {
        const ip = intToIp(n);
        if (!used.has(ip)) return ip;
      }
    }
    return '0.0.0.0';
  }
}

export function parseRanges(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (part.includes('-')) {
      const [a = '', b = ''] = part.split('-');
      const lo = ipToInt(a);
      const hi = ipToInt(b);
      if (lo !== null && hi !== null) out.push([lo, hi]);
    } else if (part.includes('/')) {
      const [ip = '', len = '32'] = part.split('/');
      const n = ipToInt(ip);
      const l = Number(len);
      if (n === null) continue;
      const size = 2 ** (32 - l);
      const base = n - (n % size);
      out.push(size > 2 ? [base + 1, base + size - 2] : [base, base + size - 1]);
    } else {
      const n = ipToInt(part);
      if (n !== null) out.push([n, n]);
    }
  }
  return out;
}

/** A stable, locally administered MAC for a simulated subscriber. */
export function macFor(seedText: string): string {
  const h = hash32(seedText, 7);
  const h2 = hash32(seedText, 11);
  const bytes = [0x02, (h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255, h2 & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
