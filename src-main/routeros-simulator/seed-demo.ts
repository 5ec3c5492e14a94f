/**
 * Demo ISP router: a small Kenyan ISP (PPPoE subscribers on four plans, a voucher hotspot, DHCP LAN,
 * an `expired` address-list with the forward drop and captive redirect). Deterministic for a given
 * randomSeed: same seed → same customers, passwords, MACs, sessions.
 */
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import { createRng, type Rng } from './rng';
import type { SimState } from './state';

export interface DemoSeedOptions {
  variant: 'core' | 'branch';
  randomSeed: number;
  identity?: string;
}

const FIRST = ['Wanjiku', 'Otieno', 'Kamau', 'Achieng', 'Mwangi', 'Njeri', 'Kiprono', 'Wambui', 'Odhiambo', 'Chebet', 'Mutua', 'Atieno', 'Kibet', 'Nyambura', 'Omondi', 'Jepkosgei', 'Karanja', 'Muthoni', 'Wafula', 'Nafula', 'Ochieng', 'Wairimu', 'Kiplagat', 'Akinyi'];
const LAST = ['Mary', 'John', 'Grace', 'Peter', 'Faith', 'James', 'Esther', 'David', 'Mercy', 'Joseph', 'Lucy', 'Samuel', 'Ann', 'Daniel', 'Joyce', 'Brian', 'Cynthia', 'Kevin', 'Purity', 'Dennis'];
const PLACES = ['Kahawa West', 'Roysambu', 'Githurai 45', 'Zimmerman', 'Kasarani', 'Mwiki', 'Ruaka', 'Kitengela', 'Rongai', 'Embakasi'];

const PLANS = [
  { name: 'HOME-5M', rate: '5M/5M', weight: 45 },
  { name: 'HOME-10M', rate: '10M/10M', weight: 30 },
  { name: 'BIZ-20M', rate: '20M/20M', weight: 17 },
  { name: 'BIZ-50M', rate: '50M/50M', weight: 8 },
] as const;

const VOUCHER_PLANS = [
  { name: '1HR-20', rate: '2M/2M', limit: '1h', price: 20 },
  { name: '1DAY-50', rate: '3M/3M', limit: '1d', price: 50 },
  { name: '1WEEK-300', rate: '5M/5M', limit: '1w', price: 300 },
] as const;

function mac(rng: Rng): string {
  const b = [rng.pick([0x3c, 0xb8, 0x7c, 0xc4, 0x48]), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  return b.map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function code(rng: Rng, n: number, chars = 'abcdefghjkmnpqrstuvwxyz23456789'): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

function weighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let r = rng.int(1, items.reduce((a, b) => a + b.weight, 0));
  for (const it of items) if ((r -= it.weight) <= 0) return it;
  return items[0]!;
}

function renameInterfaces(core: RouterCore, names: Record<string, [string, string, number, number]>): void {
  const t = core.state.table('/interface');
  for (const [old, [name, comment, rx, tx]] of Object.entries(names)) {
    const row = t.findBy('name', old);
    if (row) t.update(row, { name, comment }, 'internal');
    core.traffic.setBase(name, { rxBps: rx, txBps: tx });
  }
}

function backdate(core: RouterCore, menu: string, id: string, agoMs: number): void {
  const t = core.state.table(menu);
  const row = t.byId(id);
  if (row) t.update(row, { $since: String(core.clock.nowMs() - agoMs) }, 'internal');
}

export function seedDemoRouter(state: SimState, opts: DemoSeedOptions): void {
  const core = state.router;
  const rng = createRng(opts.randomSeed);
  const core_ = opts.variant === 'core';
  const size = core_ ? { secrets: 300, active: 120, vouchers: 50, hsActive: 8, leases: 24, base: 1001 } : { secrets: 80, active: 30, vouchers: 20, hsActive: 4, leases: 10, base: 5001 };
  const menu = (p: string) => state.menu(p);
  const now = core.clock.nowMs();

  state.singleton('/system/identity').set({ name: opts.identity ?? (core_ ? 'CORE-NAIROBI-01' : 'BRANCH-KITENGELA-01') });
  state.singleton('/ip/dns').set({ servers: '8.8.8.8,1.1.1.1', 'allow-remote-requests': true });
  renameInterfaces(core, {
    ether1: ['ether1-WAN', 'Safaricom fibre uplink', core_ ? 180e6 : 60e6, core_ ? 35e6 : 12e6],
    ether2: ['ether2-PPPoE', 'PPPoE access (towers)', core_ ? 30e6 : 10e6, core_ ? 160e6 : 50e6],
    ether3: ['ether3-HOTSPOT', 'hotspot APs', 4e6, 18e6],
    ether4: ['ether4-LAN', 'office LAN', 2e6, 9e6],
    ether5: ['ether5-MGMT', 'management', 2e5, 3e5],
  });
  const bridgeRow = core.state.table('/interface').findBy('name', 'bridge');
  if (bridgeRow) core.state.table('/interface').update(bridgeRow, { comment: 'hotspot bridge' }, 'internal');

  menu('/ip/address').add({ address: core_ ? '41.90.64.18/30' : '105.160.12.6/30', interface: 'ether1-WAN', comment: 'WAN' });
  menu('/ip/address').add({ address: '10.10.0.1/22', interface: 'ether2-PPPoE', comment: 'PPPoE gateway' });
  menu('/ip/address').add({ address: '10.5.50.1/24', interface: 'bridge', comment: 'hotspot' });
  menu('/ip/address').add({ address: '192.168.88.1/24', interface: 'ether4-LAN', comment: 'LAN' });
  menu('/ip/address').add({ address: '172.16.0.1/24', interface: 'ether5-MGMT' });
  menu('/ip/pool').add({ name: 'pppoe-pool', ranges: '10.10.0.2-10.10.3.254' });
  menu('/ip/pool').add({ name: 'hs-pool', ranges: '10.5.50.2-10.5.50.254' });
  menu('/ip/pool').add({ name: 'dhcp-pool', ranges: '192.168.88.10-192.168.88.254' });

  menu('/ip/dhcp-server').add({ name: 'dhcp-lan', interface: 'ether4-LAN', 'address-pool': 'dhcp-pool', 'lease-time': '1d' });
  menu('/ip/dhcp-server/network').add({ address: '192.168.88.0/24', gateway: '192.168.88.1', 'dns-server': '192.168.88.1' });
  for (let i = 0; i < size.leases; i++) {
    const isStatic = i < size.leases / 3;
    const m = mac(rng);
    const id = menu('/ip/dhcp-server/lease').add({
      address: `192.168.88.${isStatic ? 50 + i : 100 + i}`,
      'mac-address': m,
      server: 'dhcp-lan',
      status: 'bound',
      'active-address': `192.168.88.${isStatic ? 50 + i : 100 + i}`,
      'active-mac-address': m,
      'active-server': 'dhcp-lan',
      'host-name': rng.pick(['android-a3f9', 'DESKTOP-K2L9', 'iPhone', 'TECNO-SPARK', 'HP-LaserJet', 'infinix-hot']),
      'last-seen': `${rng.int(1, 50)}s`,
      dynamic: !isStatic,
      ...(isStatic ? { comment: `static ${rng.pick(FIRST)} ${rng.pick(LAST)}` } : { $expires: String(now + rng.int(1, 23) * 3_600_000) }),
    });
    void id;
  }

  for (const p of PLANS) {
    menu('/ppp/profile').add({ name: p.name, 'local-address': '10.10.0.1', 'remote-address': 'pppoe-pool', 'rate-limit': p.rate, 'dns-server': '8.8.8.8,1.1.1.1', 'only-one': 'yes', comment: `${p.name} plan` });
  }
  menu('/ppp/profile').add({ name: 'Disconnect', 'local-address': '10.10.0.1', 'remote-address': 'pppoe-pool', 'rate-limit': '1k/1k', 'address-list': 'expired', comment: 'expired subscribers' });

  const secrets: Array<{ name: string; password: string; disabled: boolean; mac: string }> = [];
  for (let i = 0; i < size.secrets; i++) {
    const name = `acc${size.base + i}`;
    const password = code(rng, 8);
    const disabled = rng.chance(0.08);
    const m = mac(rng);
    const plan = weighted(rng, PLANS);
    menu('/ppp/secret').add({
      name,
      password,
      profile: disabled ? 'Disconnect' : plan.name,
      service: 'pppoe',
      disabled,
      comment: `${rng.pick(FIRST)} ${rng.pick(LAST)} - ${rng.pick(PLACES)} - 07${rng.int(10, 99)}${rng.int(100000, 999999)}`,
      ...(rng.chance(0.1) ? { 'caller-id': m } : {}),
    });
    secrets.push({ name, password, disabled, mac: m });
  }
  const ppp = core.ppp;
  const enabled = secrets.filter((s) => !s.disabled);
  const online = new Set<string>();
  for (const s of enabled.slice(0, size.active)) {
    const r = ppp.connect(s.name, s.password, { callerId: s.mac });
    if (r.ok) {
      online.add(s.name);
      const ago = rng.int(60_000, 9 * 86_400_000);
      backdate(core, '/ppp/active', r.id, ago);
      for (const m of ['/interface', '/queue/simple']) {
        const dyn = core.state.table(m).findBy('name', `<pppoe-${s.name}>`);
        if (dyn) backdate(core, m, dyn.id, ago);
      }
    }
  }
  const secretsTable = core.state.table('/ppp/secret');
  for (const s of secrets) {
    if (online.has(s.name) || !rng.chance(0.7)) continue;
    const row = secretsTable.findBy('name', s.name);
    if (!row) continue;
    secretsTable.update(
      row,
      {
        'last-logged-out': formatDateTime(now - rng.int(3_600_000, 20 * 86_400_000), core.dateStyle),
        'last-caller-id': s.mac,
        'last-disconnect-reason': rng.pick(['peer-request', 'hung-up', 'nas-request', 'idle-timeout', 'port-error']),
      },
      'internal',
    );
  }

  const listed = secrets.filter((s) => s.disabled).slice(0, 12);
  listed.forEach((s, i) => menu('/ip/firewall/address-list').add({ list: 'expired', address: `10.10.3.${200 + i}`, comment: s.name }));
  menu('/ip/firewall/address-list').add({ list: 'BLOCKED_USERS', address: '192.168.88.66', comment: 'static customer - unpaid' });
  menu('/ip/firewall/address-list').add({ list: 'mgmt', address: '172.16.0.0/24' });

  const filter = (p: Record<string, string>) => menu('/ip/firewall/filter').add(p);
  filter({ chain: 'input', action: 'accept', 'connection-state': 'established,related,untracked', comment: 'accept established' });
  filter({ chain: 'input', action: 'drop', 'connection-state': 'invalid', comment: 'drop invalid' });
  filter({ chain: 'input', action: 'accept', protocol: 'icmp' });
  filter({ chain: 'input', action: 'accept', 'src-address-list': 'mgmt', protocol: 'tcp', 'dst-port': '8728,8729,8291,22', comment: 'management' });
  filter({ chain: 'input', action: 'drop', 'in-interface': 'ether1-WAN', comment: 'drop all from WAN' });
  filter({ chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established,related', 'hw-offload': 'yes' });
  filter({ chain: 'forward', action: 'accept', 'connection-state': 'established,related,untracked' });
  filter({ chain: 'forward', action: 'accept', 'src-address-list': 'expired', protocol: 'udp', 'dst-port': '53', comment: 'expired: allow DNS' });
  filter({ chain: 'forward', action: 'drop', 'src-address-list': 'expired', comment: 'drop expired subscribers' });
  filter({ chain: 'forward', action: 'drop', 'src-address-list': 'BLOCKED_USERS', comment: 'drop blocked static users' });
  menu('/ip/firewall/nat').add({ chain: 'srcnat', action: 'masquerade', 'out-interface': 'ether1-WAN', comment: 'masquerade' });
  menu('/ip/firewall/nat').add({ chain: 'dstnat', action: 'dst-nat', 'src-address-list': 'expired', protocol: 'tcp', 'dst-port': '80', 'to-addresses': '10.5.50.1', 'to-ports': '8080', comment: 'expired: redirect to pay page' });

  menu('/queue/simple').add({ name: 'static-biz-01', target: '192.168.88.50', 'max-limit': '20M/20M', comment: 'Karanja Hardware (static IP)' });
  menu('/queue/simple').add({ name: 'static-biz-02', target: '192.168.88.51', 'max-limit': '10M/10M', comment: 'Nyambura Chemist (static IP)' });

  const hsProfile = menu('/ip/hotspot/profile').add({ name: 'hsprof1', 'hotspot-address': '10.5.50.1', 'dns-name': core_ ? 'wifi.nairobinet.co.ke' : 'wifi.kitengelanet.co.ke', 'login-by': 'cookie,http-chap,http-pap,mac-cookie' });
  void hsProfile;
  const hsServer = core.state.table('/ip/hotspot').findBy('name', 'hotspot1');
  if (hsServer) core.state.table('/ip/hotspot').update(hsServer, { 'address-pool': 'hs-pool', profile: 'hsprof1' }, 'internal');
  menu('/ip/hotspot/walled-garden/ip').add({ 'dst-address': '192.168.88.10', action: 'accept', comment: 'ISP Desk payment portal' });
  for (const p of VOUCHER_PLANS) {
    menu('/ip/hotspot/user/profile').add({ name: p.name, 'rate-limit': p.rate, 'shared-users': 1, 'address-pool': 'hs-pool', 'on-login': `:put (",rem,${p.price},${p.limit},${p.price},,Disable,")` });
  }
  const batches = [0, 1, 2].map((b) => `vc-${rng.int(100, 999)}-11.${String(20 + b).padStart(2, '0')}.26-`);
  const vouchers: Array<{ name: string; limit: string }> = [];
  for (let i = 0; i < size.vouchers; i++) {
    const plan = VOUCHER_PLANS[i % 3]!;
    const name = code(rng, 6, 'abcdefghjkmnpqrstuvwxyz23456789');
    const id = menu('/ip/hotspot/user').add({ server: 'all', name, password: name, profile: plan.name, 'limit-uptime': plan.limit, comment: batches[i % 3] });
    // About a third of the vouchers have been partly used.
    if (rng.chance(0.35)) core.state.table('/ip/hotspot/user').update(core.state.table('/ip/hotspot/user').byId(id)!, { $used: String(rng.int(60_000, 40 * 60_000)) }, 'internal');
    vouchers.push({ name, limit: plan.limit });
  }
  for (let i = 0; i < size.hsActive; i++) {
    const v = vouchers[vouchers.length - 1 - i];
    if (!v) break;
    const r = core.hotspot.login(v.name, v.name, { mac: mac(rng), ip: `10.5.50.${20 + i}` });
    if (r.ok) backdate(core, '/ip/hotspot/active', r.id, rng.int(60_000, 20 * 60_000));
  }

  menu('/system/script').add({ name: 'backup-config', source: ':log info "config backup requested"', comment: 'nightly backup' });
  menu('/system/scheduler').add({ name: 'nightly-backup', 'start-time': '03:00:00', interval: '1d', 'on-event': 'backup-config' });
  menu('/tool/netwatch').add({ host: '8.8.8.8', comment: 'internet uplink' });
  menu('/tool/netwatch').add({ host: '10.10.0.250', comment: 'Tower A sector AP' });
  core.log('system,info', `${core_ ? 'CORE' : 'BRANCH'} demo configuration loaded`);
}
