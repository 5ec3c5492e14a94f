/** /queue/simple (ordered; dynamic PPPoE/hotspot queues; rate and byte counters from the traffic model). */
import type { RouterCore } from '../core';
import type { MenuSpec, Props, RowView } from '../spec';

const ro = { readOnly: true } as const;
const pair = (d: string) => ({ type: 'rate-pair', default: d }) as const;

function counters(row: RowView, core: RouterCore): Props {
  if (row.props.disabled === 'true') return { rate: '0/0', 'packet-rate': '0/0', bytes: '0/0', packets: '0/0' };
  const target = (row.props.target ?? '').split(',')[0] ?? '';
  // A queue on an interface sees that interface's traffic: upload = what the client sends (rx).
  const source = target.startsWith('<') ? target : `queue:${row.props.name ?? row.id}`;
  const now = core.clock.nowMs();
  const r = core.traffic.rates(source, now);
  const b = core.traffic.bytes(source, Number(row.props.$since ?? core.bootMs), now);
  const [maxUp = 0, maxDown = 0] = (row.props['max-limit'] ?? '0/0').split('/').map(Number);
  const up = maxUp > 0 ? Math.min(r.rxBps, maxUp) : r.rxBps;
  const down = maxDown > 0 ? Math.min(r.txBps, maxDown) : r.txBps;
  const pps = (v: number): number => core.traffic.packetsPerSecond(v);
  return {
    rate: `${up}/${down}`,
    'packet-rate': `${pps(up)}/${pps(down)}`,
    bytes: `${b.rx}/${b.tx}`,
    packets: `${core.traffic.packets(b.rx)}/${core.traffic.packets(b.tx)}`,
    ...(core.version.v7 ? { 'total-rate': String(up + down), 'total-bytes': String(b.rx + b.tx) } : {}),
  };
}

export const queueSimple: MenuSpec = {
  path: '/queue/simple',
  kind: 'list',
  ordered: true,
  nameField: 'name',
  mandatory: ['target'],
  fields: {
    name: { default: (c) => `queue${c.state.table('/queue/simple').size + 1}` },
    target: { type: 'queue-target' },
    dst: {},
    parent: { default: 'none' },
    'packet-marks': { default: '' },
    priority: { default: '8/8' },
    queue: { default: 'default-small/default-small' },
    'limit-at': pair('0/0'),
    'max-limit': pair('0/0'),
    'burst-limit': pair('0/0'),
    'burst-threshold': pair('0/0'),
    'burst-time': { default: '0s/0s' },
    'bucket-size': { default: '0.1/0.1', v7: true },
    time: {},
    invalid: { readOnly: true, type: 'bool', default: 'false' },
    dynamic: { readOnly: true, type: 'bool', default: 'false' },
    disabled: { type: 'bool', default: 'false' },
    comment: {},
    rate: ro,
    'packet-rate': ro,
    bytes: ro,
    packets: ro,
    dropped: { readOnly: true, default: '0/0' },
    'queued-packets': { readOnly: true, default: '0/0' },
    'queued-bytes': { readOnly: true, default: '0/0' },
    $since: { readOnly: true, hidden: true },
  },
  unique: [{ fields: ['name'], message: 'failure: already have such name' }],
  lockDynamic: 'failure: can not change dynamic queue',
  computed: counters,
  exportSection: '/queue simple',
};

export const QUEUE_MENUS: MenuSpec[] = [queueSimple];
