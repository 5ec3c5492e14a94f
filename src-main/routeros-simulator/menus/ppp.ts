/** /ppp/profile, /ppp/secret, /ppp/active (integrations.md §3.3). */
import { formatUptime } from '../duration';
import type { MenuSpec } from '../spec';

const ro = { readOnly: true } as const;
const TRISTATE = ['default', 'no', 'yes'] as const;
const tri = { type: 'enum', values: TRISTATE, default: 'default' } as const;

export const pppProfile: MenuSpec = {
  path: '/ppp/profile',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    name: {},
    'local-address': {},
    'remote-address': {},
    'remote-ipv6-prefix-pool': { v7: true },
    'dhcpv6-pd-pool': {},
    bridge: {},
    'session-timeout': { type: 'duration' },
    'idle-timeout': { type: 'duration' },
    'use-ipv6': { type: 'enum', values: ['default', 'no', 'yes', 'required'], default: 'yes' },
    'use-mpls': tri,
    'use-compression': tri,
    'use-encryption': { type: 'enum', values: ['default', 'no', 'yes', 'required'], default: 'default' },
    'only-one': tri,
    'change-tcp-mss': tri,
    'use-upnp': tri,
    'rate-limit': {},
    'insert-queue-before': {},
    'parent-queue': {},
    'queue-type': {},
    'incoming-filter': {},
    'outgoing-filter': {},
    'address-list': { default: '' },
    'interface-list': {},
    'dns-server': {},
    'wins-server': {},
    'on-up': { default: '' },
    'on-down': { default: '' },
    comment: {},
    default: { readOnly: true, type: 'bool', default: 'false' },
  },
  unique: [{ fields: ['name'], message: 'failure: profile with the same name already exists' }],
  lockDefault: 'failure: can not remove default profile',
  exportSection: '/ppp profile',
};

export const pppSecret: MenuSpec = {
  path: '/ppp/secret',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    name: {},
    service: { type: 'enum', values: ['any', 'async', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp'], default: 'any' },
    'caller-id': { default: '' },
    password: { default: '', sensitive: true },
    profile: { default: 'default', ref: { menu: '/ppp/profile', field: 'name' } },
    'local-address': {},
    'remote-address': {},
    routes: { default: '' },
    'ipv6-routes': { default: '', v7: true },
    'remote-ipv6-prefix': {},
    'limit-bytes-in': { type: 'bytes', default: '0' },
    'limit-bytes-out': { type: 'bytes', default: '0' },
    'last-logged-out': ro,
    'last-caller-id': ro,
    'last-disconnect-reason': ro,
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  unique: [{ fields: ['name'], message: 'failure: secret with the same name already exists' }],
  exportSection: '/ppp secret',
};

export const pppActive: MenuSpec = {
  path: '/ppp/active',
  kind: 'list',
  nameField: 'name',
  apiVerbs: ['print', 'getall', 'listen', 'remove'],
  fields: {
    name: ro,
    service: ro,
    'caller-id': ro,
    address: ro,
    uptime: ro,
    encoding: { readOnly: true, default: '' },
    'session-id': ro,
    'limit-bytes-in': { readOnly: true, default: '0' },
    'limit-bytes-out': { readOnly: true, default: '0' },
    radius: { readOnly: true, type: 'bool', default: 'false' },
    $since: { readOnly: true, hidden: true },
  },
  computed: (row, core) => ({ uptime: formatUptime(core.clock.nowMs() - Number(row.props.$since ?? core.clock.nowMs())) }),
  hooks: { afterRemove: (row, core) => core.ppp.onActiveRemoved(row) },
  exportSection: false,
};

export const PPP_MENUS: MenuSpec[] = [pppProfile, pppSecret, pppActive];
