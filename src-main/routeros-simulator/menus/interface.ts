/** /interface: ports, bridge and dynamic PPPoE interfaces; counters and monitor-traffic from the traffic model. */
import type { CommandContext } from '../command';
import type { RouterCore } from '../core';
import { parseDuration } from '../duration';
import { line } from '../export';
import { parseBool } from '../values';
import { RosTrap, type MenuSpec, type Props, type RowView } from '../spec';
import type { MenuTable, Row } from '../table';

const ro = { readOnly: true } as const;

function isUp(row: RowView): boolean {
  return row.props.disabled !== 'true' && row.props.running === 'true';
}

function counters(row: RowView, core: RouterCore): Props {
  const name = row.props.name ?? '';
  const since = Number(row.props['$since'] ?? core.bootMs);
  const b = isUp(row) ? core.traffic.bytes(name, since, core.clock.nowMs()) : { rx: 0, tx: 0 };
  return {
    'rx-byte': String(b.rx),
    'tx-byte': String(b.tx),
    'rx-packet': String(core.traffic.packets(b.rx)),
    'tx-packet': String(core.traffic.packets(b.tx)),
    'rx-drop': '0',
    'tx-drop': '0',
    'tx-queue-drop': '0',
    'rx-error': '0',
    'tx-error': '0',
    'fp-rx-byte': String(b.rx),
    'fp-tx-byte': String(b.tx),
    'fp-rx-packet': String(core.traffic.packets(b.rx)),
    'fp-tx-packet': String(core.traffic.packets(b.tx)),
  };
}

/** One monitor-traffic sample. */
export function trafficSample(core: RouterCore, row: Row): Array<[string, string]> {
  const up = isUp(row);
  const r = up ? core.traffic.rates(row.props.name ?? '', core.clock.nowMs()) : { rxBps: 0, txBps: 0 };
  const pps = (bps: number): string => String(core.traffic.packetsPerSecond(bps));
  return [
    ['name', row.props.name ?? ''],
    ['rx-packets-per-second', pps(r.rxBps)],
    ['rx-bits-per-second', String(r.rxBps)],
    ['fp-rx-packets-per-second', pps(r.rxBps)],
    ['fp-rx-bits-per-second', String(r.rxBps)],
    ['rx-drops-per-second', '0'],
    ['rx-errors-per-second', '0'],
    ['tx-packets-per-second', pps(r.txBps)],
    ['tx-bits-per-second', String(r.txBps)],
    ['fp-tx-packets-per-second', pps(r.txBps)],
    ['fp-tx-bits-per-second', String(r.txBps)],
    ['tx-drops-per-second', '0'],
    ['tx-queue-drops-per-second', '0'],
    ['tx-errors-per-second', '0'],
  ];
}

function monitorTraffic(ctx: CommandContext, table: MenuTable): void {
  const list = ctx.attrs.interface ?? ctx.attrs.numbers ?? ctx.attrs['.id'];
  if (list === undefined) throw new RosTrap('missing value(s) of argument(s) interface', 1);
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const rows = names.map((n) => {
    const r = n.startsWith('*') ? table.byId(n) : table.findBy('name', n);
    if (!r) throw new RosTrap(`input does not match any value of interface`, 1);
    return r;
  });
  const emit = (): void => {
    for (const r of rows) {
      // A dynamic interface may disappear mid-stream (session ended): report it as down.
      const live = table.byId(r.id) ?? r;
      ctx.re(trafficSample(ctx.core, live));
    }
  };
  emit();
  const once = ctx.attrs.once;
  if (once !== undefined && (once === '' || parseBool(once) !== false)) {
    ctx.done();
    return;
  }
  const interval = parseDuration(ctx.attrs.interval ?? '1s') ?? 1000;
  const durationMs = ctx.attrs.duration !== undefined ? parseDuration(ctx.attrs.duration) : null;
  const started = ctx.core.clock.nowMs();
  const timer = ctx.core.clock.every(Math.max(100, interval), () => {
    emit();
    if (durationMs !== null && ctx.core.clock.nowMs() - started >= durationMs) {
      timer.cancel();
      ctx.done();
    }
  });
  ctx.onCancel(() => timer.cancel());
}

export const iface: MenuSpec = {
  path: '/interface',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  apiVerbs: ['print', 'getall', 'listen', 'set', 'enable', 'disable', 'comment', 'unset', 'export'],
  fields: {
    name: {},
    'default-name': ro,
    type: { readOnly: true, default: 'ether' },
    mtu: { default: '1500', words: ['auto'] },
    'actual-mtu': { readOnly: true, default: (_c, p) => (p.mtu === 'auto' || p.mtu === undefined ? '1500' : p.mtu) },
    l2mtu: { readOnly: true, default: '1598' },
    'max-l2mtu': { readOnly: true, default: '9578' },
    'mac-address': ro,
    'last-link-up-time': ro,
    'link-downs': { readOnly: true, default: '0' },
    running: { readOnly: true, type: 'bool', default: 'true' },
    slave: { readOnly: true, type: 'bool', default: 'false' },
    disabled: { type: 'bool', default: 'false' },
    dynamic: { readOnly: true, type: 'bool', default: 'false' },
    comment: {},
    $since: { readOnly: true, hidden: true },
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  lockDynamic: 'failure: can not change dynamic interface',
  computed: counters,
  verbs: {
    'monitor-traffic': { policy: 'read', run: monitorTraffic },
    'reset-counters': {
      policy: 'write',
      run: (ctx, table) => {
        const list = ctx.attrs['.id'] ?? ctx.attrs.numbers;
        const rows = list === undefined ? [...table.rowsInOrder()] : table.resolve(list);
        for (const r of rows) table.update(r, { $since: String(ctx.core.clock.nowMs()) }, 'internal');
        ctx.done();
      },
    },
  },
  // Ethernet ports export as renames of their default names; bridges as adds (as RouterOS groups them).
  exportLines: (_core, rows) => {
    const out: string[] = [];
    const bridges = rows.filter((r) => r.props.type === 'bridge' && r.props.dynamic !== 'true');
    if (bridges.length > 0) out.push('/interface bridge', ...bridges.map((b) => line('add', [['name', b.props.name ?? ''], ...commentOf(b)])));
    const renamed = rows.filter((r) => r.props.type === 'ether' && (r.props.name !== r.props['default-name'] || r.props.comment || r.props.disabled === 'true'));
    if (renamed.length > 0) {
      out.push('/interface ethernet');
      for (const r of renamed) {
        const pairs: Array<[string, string]> = [...commentOf(r)];
        if (r.props.disabled === 'true') pairs.push(['disabled', 'yes']);
        if (r.props.name !== r.props['default-name']) pairs.push(['name', r.props.name ?? '']);
        out.push(line(`set [ find default-name=${r.props['default-name'] ?? ''} ]`, pairs));
      }
    }
    return out;
  },
  exportSection: '/interface',
};

function commentOf(r: RowView): Array<[string, string]> {
  return r.props.comment ? [['comment', r.props.comment]] : [];
}

export const INTERFACE_MENUS: MenuSpec[] = [iface];
