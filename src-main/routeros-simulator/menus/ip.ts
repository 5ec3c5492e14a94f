/** /ip/address, /ip/pool, /ip/dhcp-server (+ network, lease), /ip/dns, /ip/service. */
import { formatRemaining } from '../duration';
import { line } from '../export';
import { RosTrap, type MenuSpec } from '../spec';
import { networkOf } from '../values';

const ro = { readOnly: true } as const;
const flag = (d = 'false') => ({ readOnly: true, type: 'bool', default: d }) as const;

export const ipAddress: MenuSpec = {
  path: '/ip/address',
  kind: 'list',
  mandatory: ['address', 'interface'],
  fields: {
    address: { type: 'cidr' },
    network: ro,
    interface: { ref: { menu: '/interface', field: 'name' } },
    'actual-interface': ro,
    invalid: flag(),
    dynamic: flag(),
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  unique: [{ fields: ['address', 'interface'], message: 'failure: already have such address' }],
  hooks: {
    beforeAdd: (p) => {
      p.network = networkOf(p.address ?? '') ?? '';
      p['actual-interface'] = p.interface ?? '';
    },
    beforeSet: (row, changes) => {
      if (changes.address) changes.network = networkOf(changes.address) ?? row.props.network ?? '';
      if (changes.interface) changes['actual-interface'] = changes.interface;
    },
  },
  exportSection: '/ip address',
};

export const ipPool: MenuSpec = {
  path: '/ip/pool',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name', 'ranges'],
  fields: { name: {}, ranges: {}, 'next-pool': {}, comment: {} },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  exportSection: '/ip pool',
};

export const dhcpServer: MenuSpec = {
  path: '/ip/dhcp-server',
  kind: 'list',
  nameField: 'name',
  mandatory: ['interface'],
  fields: {
    name: { default: (c) => `dhcp${c.state.table('/ip/dhcp-server').size + 1}` },
    interface: { ref: { menu: '/interface', field: 'name' } },
    'address-pool': { default: 'static-only', ref: { menu: '/ip/pool', field: 'name', also: ['static-only'] } },
    'lease-time': { type: 'duration', default: (c) => (c.version.v7 ? '30m' : '10m') },
    authoritative: { default: 'yes' },
    invalid: flag(),
    dynamic: flag(),
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  exportSection: '/ip dhcp-server',
};

export const dhcpNetwork: MenuSpec = {
  path: '/ip/dhcp-server/network',
  kind: 'list',
  mandatory: ['address'],
  fields: { address: { type: 'address-prefix' }, gateway: {}, 'dns-server': {}, netmask: {}, comment: {} },
  exportSection: '/ip dhcp-server network',
};

export const dhcpLease: MenuSpec = {
  path: '/ip/dhcp-server/lease',
  kind: 'list',
  mandatory: ['address', 'mac-address'],
  fields: {
    address: {},
    'mac-address': {},
    'client-id': {},
    'address-lists': { default: '' },
    server: { default: 'all', ref: { menu: '/ip/dhcp-server', field: 'name', also: ['all'] } },
    'dhcp-option': { default: '' },
    'rate-limit': {},
    'lease-time': { type: 'duration' },
    'block-access': { type: 'bool', default: 'false' },
    'always-broadcast': { type: 'bool' },
    status: { readOnly: true, default: 'waiting' },
    'expires-after': ro,
    'last-seen': { readOnly: true, default: 'never' },
    'active-address': ro,
    'active-mac-address': ro,
    'active-client-id': ro,
    'active-server': ro,
    'host-name': ro,
    radius: flag(),
    dynamic: flag(),
    blocked: flag(),
    disabled: { type: 'bool', default: 'false' },
    comment: {},
    $expires: { readOnly: true, hidden: true },
  },
  computed: (row, core) =>
    row.props.dynamic === 'true' && row.props.$expires
      ? { 'expires-after': formatRemaining(Math.max(0, Number(row.props.$expires) - core.clock.nowMs())) }
      : undefined,
  verbs: {
    'make-static': {
      policy: 'write',
      run: (ctx, table) => {
        const list = ctx.attrs['.id'] ?? ctx.attrs.numbers;
        if (list === undefined) throw new RosTrap('missing value(s) of argument(s) numbers', 1);
        for (const r of table.resolve(list)) table.update(r, { dynamic: 'false' }, 'internal');
        ctx.done();
      },
    },
  },
  exportSection: '/ip dhcp-server lease',
};

export const dns: MenuSpec = {
  path: '/ip/dns',
  kind: 'singleton',
  fields: {
    servers: { default: '' },
    'dynamic-servers': { readOnly: true, default: '' },
    'allow-remote-requests': { type: 'bool', default: 'false' },
    'cache-size': { default: '2048KiB' },
    'cache-used': { readOnly: true, default: '112KiB' },
  },
  exportSection: '/ip dns',
};

export const ipService: MenuSpec = {
  path: '/ip/service',
  kind: 'list',
  nameField: 'name',
  apiVerbs: ['print', 'getall', 'set', 'enable', 'disable', 'listen', 'export'],
  fields: {
    name: ro,
    port: { type: 'int' },
    address: { default: '' },
    certificate: { default: 'none' },
    'tls-version': {},
    invalid: flag(),
    disabled: { type: 'bool', default: 'false' },
  },
  // Services are fixed items: the export only sets what differs from a fresh router.
  exportLines: (_core, rows) =>
    rows.flatMap((r) => {
      const name = r.props.name ?? '';
      const pairs: Array<[string, string]> = [];
      if (r.props.disabled === 'true' && !['ftp', 'www-ssl'].includes(name)) pairs.push(['disabled', 'yes']);
      if (r.props.disabled === 'false' && ['ftp', 'www-ssl'].includes(name)) pairs.push(['disabled', 'no']);
      if (r.props.address) pairs.push(['address', r.props.address]);
      return pairs.length > 0 ? [line(`set ${name}`, pairs)] : [];
    }),
  exportSection: '/ip service',
};

export const IP_MENUS: MenuSpec[] = [ipAddress, ipPool, dhcpServer, dhcpNetwork, dhcpLease, dns, ipService];
