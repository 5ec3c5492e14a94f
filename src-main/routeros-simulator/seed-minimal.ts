/** What every simulated router has out of the box (a freshly configured RouterOS). */
import { boardProfile } from './boards';
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import { GROUP_POLICIES } from './menus/users';
import { macFor } from './sessions-ppp';
import type { SimGroup, SimUser } from './types';

export interface MinimalSeedOptions {
  identity?: string;
  users: readonly SimUser[];
  groups?: readonly SimGroup[];
  apiPort: number;
  apiSslPort: number | null;
}

export function seedMinimal(core: RouterCore, opts: MinimalSeedOptions): void {
  const s = core.state;
  for (const g of ['read', 'write', 'full'] as const) markFactory(core, '/user/group', s.menu('/user/group').add({ name: g, policy: GROUP_POLICIES[g] }));
  for (const g of opts.groups ?? []) s.menu('/user/group').add({ name: g.name, policy: g.policy });
  for (const u of opts.users) s.menu('/user').add({ name: u.name, group: u.group, password: u.password });
  s.singleton('/system/identity').set({ name: opts.identity ?? 'MikroTik' });
  s.singletonRow('/system/resource');
  s.singletonRow('/system/routerboard');
  s.singletonRow('/system/clock');

  // Five ports on every board keeps seeds and tests independent of the model.
  for (let i = 1; i <= 5; i++) addInterface(core, `ether${i}`, 'ether');
  addInterface(core, 'bridge', 'bridge');

  const build = formatDateTime(Date.UTC(2024, 10, 6, 8, 54, 33), core.dateStyle);
  const pkgs = core.version.v7 ? ['routeros'] : ['routeros-arm', 'system', 'ppp', 'dhcp', 'hotspot', 'wireless', 'security', 'advanced-tools'];
  for (const name of pkgs) s.menu('/system/package').add({ name, version: core.version.text, 'build-time': build });

  const services: Array<[string, number, boolean]> = [
    ['telnet', 23, false],
    ['ftp', 21, true],
    ['www', 80, false],
    ['ssh', 22, false],
    ['www-ssl', 443, true],
    ['api', opts.apiPort, false],
    ['winbox', 8291, false],
    ['api-ssl', opts.apiSslPort ?? 8729, opts.apiSslPort === null],
  ];
  for (const [name, port, disabled] of services) s.menu('/ip/service').add({ name, port, disabled, ...(name === 'api-ssl' ? { certificate: opts.apiSslPort ? 'api-ssl' : 'none', 'tls-version': 'any' } : {}) });

  const pp = core.state.table('/ppp/profile');
  markFactory(core, '/ppp/profile', pp.insert({ name: 'default', 'change-tcp-mss': 'yes', default: 'true' }, 'internal', { id: '*0' }).id);
  markFactory(core, '/ppp/profile', pp.insert({ name: 'default-encryption', 'change-tcp-mss': 'yes', 'use-encryption': 'yes', default: 'true' }, 'internal', { id: '*FFFFFFFE' }).id);

  const builtin = (menu: string, props: Record<string, string>): void => markFactory(core, menu, core.state.table(menu).insert(props, 'internal', { id: '*0' }).id);
  builtin('/ip/hotspot/profile', { name: 'default', default: 'true' });
  builtin('/ip/hotspot/user/profile', { name: 'default', default: 'true' });
  builtin('/ip/hotspot/user', { name: 'default-trial', default: 'true', comment: 'counters and limits for trial users' });
  s.menu('/ip/hotspot').add({ name: 'hotspot1', interface: 'bridge', profile: 'default' });

  const total = boardProfile(core.settings.boardName).totalHdd;
  s.menu('/file').add({ name: 'flash', type: 'disk', size: total, 'free-space': Math.floor(total * 0.62) });
  s.menu('/file').add({ name: 'flash/skins', type: 'directory' });
  s.menu('/file').add({ name: 'flash/hotspot', type: 'directory' });

  core.log('system,info', 'router rebooted');
  core.log('interface,info', 'ether1 link up (speed 1G, full duplex)');
}

export function addInterface(core: RouterCore, name: string, type: string, extra: Record<string, string> = {}): string {
  const mac = macFor(`${core.settings.seed}/${name}`).replace(/^02/, type === 'bridge' ? '4A' : 'DC');
  return core.state.menu('/interface').add({
    name,
    'default-name': type === 'ether' ? name.replace(/-.*$/, '') : undefined,
    type,
    'mac-address': mac,
    'last-link-up-time': formatDateTime(core.bootMs, core.dateStyle),
    'actual-mtu': '1500',
    l2mtu: type === 'ether' ? '1598' : '1598',
    ...extra,
  });
}

/** Remembers an item's factory values so /export only shows later changes. */
export function markFactory(core: RouterCore, menu: string, id: string): void {
  const t = core.state.table(menu);
  const row = t.byId(id);
  if (!row) return;
  const snapshot: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.props)) if (!k.startsWith('$')) snapshot[k] = v;
  row.props = { ...row.props, $seed: JSON.stringify(snapshot) };
}
