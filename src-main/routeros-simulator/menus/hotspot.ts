/** /ip/hotspot: servers, server profiles, users, user profiles, active, host, ip-binding, walled garden. */
import { formatUptime } from '../duration';
import { RosTrap, type MenuSpec } from '../spec';

const ro = { readOnly: true } as const;
const flag = (d = 'false') => ({ readOnly: true, type: 'bool', default: d }) as const;
const timeOrNone = (d: string) => ({ type: 'duration', words: ['none'], default: d }) as const;

export const hotspotServer: MenuSpec = {
  path: '/ip/hotspot',
  kind: 'list',
  nameField: 'name',
  mandatory: ['interface'],
  fields: {
    name: { default: (c) => `server${c.state.table('/ip/hotspot').size + 1}` },
    interface: { ref: { menu: '/interface', field: 'name' } },
    'address-pool': { default: 'none', ref: { menu: '/ip/pool', field: 'name', also: ['none'] } },
    profile: { default: 'default', ref: { menu: '/ip/hotspot/profile', field: 'name' } },
    'idle-timeout': timeOrNone('5m'),
    'keepalive-timeout': timeOrNone('none'),
    'login-timeout': timeOrNone('none'),
    'addresses-per-mac': { default: '2' },
    'proxy-status': { readOnly: true, default: 'running' },
    HTTPS: flag(),
    invalid: flag(),
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  exportSection: '/ip hotspot',
};

export const hotspotProfile: MenuSpec = {
  path: '/ip/hotspot/profile',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    name: {},
    'hotspot-address': {},
    'dns-name': { default: '' },
    'html-directory': { default: 'hotspot' },
    'html-directory-override': { default: '' },
    'rate-limit': { default: '' },
    'http-proxy': { default: '0.0.0.0:0' },
    'smtp-server': { default: '0.0.0.0' },
    'login-by': { default: 'cookie,http-chap' },
    'http-cookie-lifetime': { type: 'duration', default: '3d' },
    'split-user-domain': { type: 'bool', default: 'false' },
    'use-radius': { type: 'bool', default: 'false' },
    default: flag(),
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  lockDefault: 'failure: can not remove default profile',
  exportSection: '/ip hotspot profile',
};

export const hotspotUserProfile: MenuSpec = {
  path: '/ip/hotspot/user/profile',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    name: {},
    'address-pool': { default: 'none' },
    'session-timeout': { type: 'duration' },
    'idle-timeout': timeOrNone('none'),
    'keepalive-timeout': timeOrNone('2m'),
    'status-autorefresh': { type: 'duration', default: '1m' },
    'shared-users': { default: '1', words: ['unlimited'] },
    'add-mac-cookie': { type: 'bool', default: 'true' },
    'mac-cookie-timeout': { type: 'duration', default: '3d' },
    'rate-limit': {},
    'insert-queue-before': {},
    'parent-queue': {},
    'queue-type': {},
    'address-list': { default: '' },
    'incoming-filter': {},
    'outgoing-filter': {},
    'incoming-packet-mark': {},
    'outgoing-packet-mark': {},
    'on-login': {},
    'on-logout': {},
    'transparent-proxy': { type: 'bool', default: 'false' },
    'open-status-page': { type: 'enum', values: ['http-login', 'always'], default: 'always' },
    advertise: { type: 'bool', default: 'false' },
    default: flag(),
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  lockDefault: 'failure: can not remove default profile',
  exportSection: '/ip hotspot user profile',
};

export const hotspotUser: MenuSpec = {
  path: '/ip/hotspot/user',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    server: { default: 'all', ref: { menu: '/ip/hotspot', field: 'name', also: ['all'] } },
    name: {},
    password: { sensitive: true },
    'otp-secret': { v7: true, sensitive: true },
    address: {},
    'mac-address': {},
    profile: { default: 'default', ref: { menu: '/ip/hotspot/user/profile', field: 'name' } },
    routes: {},
    email: {},
    'limit-uptime': { type: 'duration' },
    'limit-bytes-in': { type: 'bytes' },
    'limit-bytes-out': { type: 'bytes' },
    'limit-bytes-total': { type: 'bytes' },
    uptime: ro,
    'bytes-in': ro,
    'bytes-out': ro,
    'packets-in': ro,
    'packets-out': ro,
    dynamic: flag(),
    default: flag(),
    disabled: { type: 'bool', default: 'false' },
    comment: {},
    $used: { readOnly: true, hidden: true },
    $bytesIn: { readOnly: true, hidden: true },
    $bytesOut: { readOnly: true, hidden: true },
  },
  unique: [{ fields: ['name'], message: 'failure: already have user with this name for this server' }],
  lockDefault: 'failure: can not remove default user',
  computed: (row, core) => core.hotspot.userCounters(row),
  verbs: {
    // Zeroes uptime and byte/packet counters, so limit-uptime and limit-bytes start over
    // (https://help.mikrotik.com/docs/display/ROS/User+Profiles "reset-counters"; Hotspot users menu).
    'reset-counters': {
      policy: 'write',
      run: (ctx, table) => {
        const which = ctx.attrs['.id'] ?? ctx.attrs.numbers;
        if (which === undefined) throw new RosTrap('missing value(s) of argument(s) numbers', 1);
        for (const row of table.resolve(which)) ctx.core.hotspot.resetCounters(row);
        ctx.done();
      },
    },
  },
  hooks: {
    // Raising or clearing limit-uptime re-arms the kick of a running session.
    afterSet: (row, prev, core) => {
      if (row.props['limit-uptime'] !== prev['limit-uptime']) core.hotspot.rearmUser(row.props.name ?? '');
    },
  },
  exportSection: '/ip hotspot user',
};

export const hotspotActive: MenuSpec = {
  path: '/ip/hotspot/active',
  kind: 'list',
  apiVerbs: ['print', 'getall', 'listen', 'remove'],
  fields: {
    server: ro,
    user: ro,
    domain: { readOnly: true, default: '', v7: true },
    address: ro,
    'mac-address': ro,
    'login-by': ro,
    uptime: ro,
    'session-time-left': ro,
    'idle-time': { readOnly: true, default: '0s' },
    'idle-timeout': ro,
    'keepalive-timeout': ro,
    'bytes-in': ro,
    'bytes-out': ro,
    'packets-in': ro,
    'packets-out': ro,
    radius: flag(),
    blocked: flag(),
    $since: { readOnly: true, hidden: true },
  },
  computed: (row, core) => core.hotspot.activeCounters(row),
  hooks: { afterRemove: (row, core) => core.hotspot.onActiveRemoved(row) },
  verbs: {
    // `/ip hotspot active login user= password= mac-address= ip=` logs a host in on the router's own behalf
    // (HotSpot manual, https://help.mikrotik.com/docs/display/ROS/HotSpot+-+Captive+portal, "Active";
    // external portals call it over the API). It needs the host to be known to the hotspot (`/ip hotspot
    // host`); the trap text for an unknown IP is our choice (README, "unverified").
    login: {
      policy: 'write',
      run: (ctx) => {
        const user = ctx.attrs.user;
        if (user === undefined) throw new RosTrap('missing value(s) of argument(s) user', 1);
        const ip = ctx.attrs.ip;
        if (ip === undefined) throw new RosTrap('missing value(s) of argument(s) ip', 1);
        const host = ctx.core.state.table('/ip/hotspot/host').findBy('address', ip);
        if (!host) throw new RosTrap(`unknown host IP ${ip}`);
        const r = ctx.core.hotspot.login(user, ctx.attrs.password ?? '', {
          ip,
          mac: ctx.attrs['mac-address'] ?? host.props['mac-address'] ?? '',
          server: ctx.attrs.server,
        });
        if (!r.ok) throw new RosTrap(r.reason);
        ctx.done();
      },
    },
  },
  exportSection: false,
};

export const hotspotHost: MenuSpec = {
  path: '/ip/hotspot/host',
  kind: 'list',
  apiVerbs: ['print', 'getall', 'listen', 'remove'],
  fields: {
    'mac-address': ro,
    address: ro,
    'to-address': ro,
    server: ro,
    'found-by': ro,
    authorized: flag(),
    bypassed: flag(),
    'idle-time': { readOnly: true, default: '0s' },
    uptime: ro,
    'keepalive-timeout': ro,
    $since: { readOnly: true, hidden: true },
  },
  computed: (row, core) => ({ uptime: formatUptime(core.clock.nowMs() - Number(row.props.$since ?? core.clock.nowMs())) }),
  exportSection: false,
};

export const ipBinding: MenuSpec = {
  path: '/ip/hotspot/ip-binding',
  kind: 'list',
  ordered: true,
  fields: {
    'mac-address': {},
    address: {},
    'to-address': {},
    server: { default: 'all', ref: { menu: '/ip/hotspot', field: 'name', also: ['all'] } },
    type: { type: 'enum', values: ['regular', 'bypassed', 'blocked'], default: 'regular' },
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  exportSection: '/ip hotspot ip-binding',
};

export const walledGarden: MenuSpec = {
  path: '/ip/hotspot/walled-garden',
  kind: 'list',
  ordered: true,
  openFields: true,
  fields: { 'dst-host': {}, action: { default: 'allow' }, server: {}, disabled: { type: 'bool', default: 'false' }, comment: {} },
  exportSection: '/ip hotspot walled-garden',
};

export const walledGardenIp: MenuSpec = {
  path: '/ip/hotspot/walled-garden/ip',
  kind: 'list',
  ordered: true,
  openFields: true,
  fields: { 'dst-address': {}, action: { default: 'accept' }, server: {}, disabled: { type: 'bool', default: 'false' }, comment: {} },
  exportSection: '/ip hotspot walled-garden ip',
};

export const HOTSPOT_MENUS: MenuSpec[] = [
  hotspotProfile,
  hotspotServer,
  hotspotUserProfile,
  hotspotUser,
  hotspotActive,
  hotspotHost,
  ipBinding,
  walledGarden,
  walledGardenIp,
];

