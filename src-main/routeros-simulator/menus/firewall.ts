/** /ip/firewall/filter, nat (ordered, any matcher stored) and address-list (timeouts expire on the clock). */
import type { TimerHandle } from '../clock';
import type { RouterCore } from '../core';
import { formatDateTime } from '../dates';
import { formatRemaining, parseDuration } from '../duration';
import { hash32 } from '../rng';
import type { FieldSpec, MenuSpec, Props, RowView } from '../spec';

const ro = { readOnly: true } as const;

function ruleCounters(row: RowView, core: RouterCore): Props {
  if (row.props.disabled === 'true') return { bytes: '0', packets: '0' };
  const perSecond = hash32(row.id + (row.props.chain ?? ''), core.settings.seed) % 5000;
  const secs = Math.floor((core.clock.nowMs() - core.bootMs) / 1000);
  const bytes = perSecond * secs;
  return { bytes: String(bytes), packets: String(Math.floor(bytes / 700)) };
}

function ruleFields(defaultAction: string): Record<string, FieldSpec> {
  return {
    chain: {},
    action: { default: defaultAction },
    'src-address': {},
    'dst-address': {},
    'src-address-list': {},
    'dst-address-list': {},
    protocol: {},
    'src-port': {},
    'dst-port': {},
    'in-interface': {},
    'out-interface': {},
    'in-interface-list': {},
    'out-interface-list': {},
    'connection-state': {},
    'jump-target': {},
    'to-addresses': {},
    'to-ports': {},
    'reject-with': {},
    'address-list': {},
    'address-list-timeout': {},
    hotspot: {},
    log: { type: 'bool', default: 'false' },
    'log-prefix': { default: '' },
    bytes: ro,
    packets: ro,
    invalid: { readOnly: true, type: 'bool', default: 'false' },
    dynamic: { readOnly: true, type: 'bool', default: 'false' },
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  };
}

export const filter: MenuSpec = {
  path: '/ip/firewall/filter',
  kind: 'list',
  ordered: true,
  openFields: true,
  mandatory: ['chain'],
  fields: ruleFields('accept'),
  computed: ruleCounters,
  verbs: { 'reset-counters': { policy: 'write', run: (ctx) => ctx.done() } },
  exportSection: '/ip firewall filter',
};

export const nat: MenuSpec = {
  path: '/ip/firewall/nat',
  kind: 'list',
  ordered: true,
  openFields: true,
  mandatory: ['chain'],
  fields: ruleFields('accept'),
  computed: ruleCounters,
  verbs: { 'reset-counters': { policy: 'write', run: (ctx) => ctx.done() } },
  exportSection: '/ip firewall nat',
};

/** Expiry timers of dynamic address-list entries, per router. */
const expiry = new WeakMap<RouterCore, Map<string, TimerHandle>>();

function armExpiry(row: RowView, core: RouterCore): void {
  let timers = expiry.get(core);
  if (!timers) {
    timers = new Map();
    expiry.set(core, timers);
  }
  timers.get(row.id)?.cancel();
  timers.delete(row.id);
  const at = Number(row.props.$expires ?? NaN);
  if (!Number.isFinite(at)) return;
  const id = row.id;
  timers.set(
    id,
    core.clock.at(at, () => {
      timers.delete(id);
      const table = core.state.table('/ip/firewall/address-list');
      const r = table.byId(id);
      if (r) table.delete(r, 'internal');
    }),
  );
}

/** A `timeout` makes the entry dynamic; it expires on the router clock (Address-lists manual). */
function withTimeout(p: Props, core: RouterCore): void {
  if (p.timeout === undefined || p.timeout === '') return;
  const ms = parseDuration(p.timeout) ?? 0;
  if (ms > 0) {
    p.$expires = String(core.clock.nowMs() + ms);
    p.dynamic = 'true';
  }
  delete p.timeout;
}

export const addressList: MenuSpec = {
  path: '/ip/firewall/address-list',
  kind: 'list',
  mandatory: ['list', 'address'],
  fields: {
    list: {},
    address: { type: 'address-prefix' },
    timeout: { type: 'duration' },
    'creation-time': { readOnly: true, default: (c) => formatDateTime(c.clock.nowMs(), c.dateStyle) },
    dynamic: { readOnly: true, type: 'bool', default: 'false' },
    disabled: { type: 'bool', default: 'false' },
    comment: {},
    $expires: { readOnly: true, hidden: true },
    $owner: { readOnly: true, hidden: true },
  },
  unique: [{ fields: ['list', 'address'], message: 'failure: already have such entry' }],
  computed: (row, core) =>
    row.props.$expires ? { timeout: formatRemaining(Math.max(0, Number(row.props.$expires) - core.clock.nowMs())) } : undefined,
  hooks: {
    beforeAdd: withTimeout,
    afterAdd: armExpiry,
    beforeSet: (_row, changes, core) => withTimeout(changes, core),
    afterSet: (row, prev, core) => {
      if (row.props.$expires !== prev.$expires) armExpiry(row, core);
    },
    afterRemove: (row, core) => {
      expiry.get(core)?.get(row.id)?.cancel();
      expiry.get(core)?.delete(row.id);
    },
  },
  exportSection: '/ip firewall address-list',
};

/**
 * PPP and hotspot profiles' `address-list`: while a session is up, its address is a dynamic entry of each
 * named list ("address-list - Address list name to which ppp assigned (on server) or received (on client)
 * address will be added", PPP AAA https://help.mikrotik.com/docs/display/ROS/PPP+AAA; the hotspot user
 * profile has the same property, https://help.mikrotik.com/docs/display/ROS/Hotspot+customisation). The
 * entry shares the list+address index with static ones, so adding the same address statically traps
 * "failure: already have such entry"; when a static entry is already there the session keeps it.
 */
export function addSessionAddress(core: RouterCore, lists: string | undefined, address: string, owner: string): void {
  if (!lists || !address) return;
  const table = core.state.table('/ip/firewall/address-list');
  for (const list of lists.split(',').map((l) => l.trim()).filter((l) => l !== '')) {
    try {
      table.insert({ list, address, dynamic: 'true', $owner: owner }, 'internal');
    } catch {
      // Already listed (statically or by another session): nothing to add.
    }
  }
}

export function removeSessionAddresses(core: RouterCore, owner: string): void {
  const table = core.state.table('/ip/firewall/address-list');
  for (const row of table.whereEquals('$owner', owner).slice()) table.delete(row, 'internal');
}

/**
 * Reboot: entries with a `timeout` live in RAM and are gone, as are session entries ("timeout … the entry
 * will be removed from the list after the timeout; such entries are dynamic", Address-lists manual;
 * router-enforcement.md §1.4). Static entries stay.
 */
export function dropDynamicAddresses(core: RouterCore): void {
  const table = core.state.table('/ip/firewall/address-list');
  for (const row of [...table.rowsInOrder()]) if (row.props.dynamic === 'true' || row.props.$expires !== undefined) table.delete(row, 'internal');
}

export const FIREWALL_MENUS: MenuSpec[] = [addressList, filter, nat];
