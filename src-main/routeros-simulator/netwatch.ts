/** /tool/netwatch probes on the router clock; a status change runs up-script/down-script (or on-up/on-down). */
import type { TimerHandle } from './clock';
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import { parseDuration } from './duration';

export class NetwatchService {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(private readonly core: () => RouterCore) {}

  arm(id: string): void {
    this.disarm(id);
    const core = this.core();
    const row = core.state.table('/tool/netwatch').byId(id);
    if (!row || row.props.disabled === 'true') return;
    const interval = parseDuration(row.props.interval ?? '10s') ?? 10_000;
    this.timers.set(id, core.clock.every(Math.max(1000, interval), () => this.check(id), 0));
  }

  disarm(id: string): void {
    this.timers.get(id)?.cancel();
    this.timers.delete(id);
  }

  private check(id: string): void {
    const core = this.core();
    const table = core.state.table('/tool/netwatch');
    const row = table.byId(id);
    if (!row) return this.disarm(id);
    const host = row.props.host ?? '';
    const status = core.network.isReachable(host) ? 'up' : 'down';
    if (row.props.status === status) return;
    table.update(row, { status, since: formatDateTime(core.clock.nowMs(), core.dateStyle) }, 'internal');
    core.log('netwatch,info', `event ${status} [ type: simple, host: ${host} ]`);
    const script = status === 'up' ? (row.props['up-script'] || row.props['on-up']) : (row.props['down-script'] || row.props['on-down']);
    if (script) core.scripts.runSource(script, `netwatch ${host} ${status}`, { host });
  }
}
