/** Stand-alone commands that are not a menu verb: /ping, /tool/ping, /export. */
import type { CommandContext } from './command';
import { formatRtt, parseDuration } from './duration';
import type { CommandSpec } from './engine';
import { exportAll } from './export';
import { RosTrap } from './spec';

const PING_ARGS = new Set(['address', 'count', 'interval', 'size', 'ttl', 'src-address', 'interface', 'routing-table', 'do-not-fragment', 'arp-ping', 'vrf']);

function ping(ctx: CommandContext): void {
  for (const k of Object.keys(ctx.attrs)) if (!PING_ARGS.has(k)) throw new RosTrap(`unknown parameter ${k}`);
  const host = ctx.attrs.address;
  if (host === undefined || host === '') throw new RosTrap('missing value(s) of argument(s) address', 1);
  const count = ctx.attrs.count !== undefined ? Number(ctx.attrs.count) : Infinity;
  if (!(count > 0)) throw new RosTrap('invalid value for argument count', 1);
  const interval = parseDuration(ctx.attrs.interval ?? '1s') ?? 1000;
  const size = ctx.attrs.size ?? '56';
  const { core } = ctx;
  const v7 = core.version.v7;
  let sent = 0;
  let received = 0;
  const rtts: number[] = [];
  const probe = (): void => {
    const seq = sent++;
    const rows: Array<[string, string]> = [['seq', String(seq)], ['host', host]];
    if (core.network.isReachable(host)) {
      const us = core.network.rttUs(host, seq);
      received++;
      rtts.push(us);
      rows.push(['size', size], ['ttl', '57'], ['time', formatRtt(us, v7)]);
    } else rows.push(['status', 'timeout']);
    rows.push(['sent', String(sent)], ['received', String(received)], ['packet-loss', String(Math.floor(((sent - received) * 100) / sent))]);
    if (rtts.length > 0) {
      const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
      rows.push(['min-rtt', formatRtt(Math.min(...rtts), v7)], ['avg-rtt', formatRtt(Math.round(avg), v7)], ['max-rtt', formatRtt(Math.max(...rtts), v7)]);
    }
    ctx.re(rows);
  };
  // The first probe answers at once; later ones are paced by the router clock (virtual clocks need advance()).
  probe();
  if (sent >= count) {
    ctx.done();
    return;
  }
  const timer = core.clock.every(Math.max(10, interval), () => {
    probe();
    if (sent >= count) {
      timer.cancel();
      ctx.done();
    }
  });
  ctx.onCancel(() => timer.cancel());
}

function exportCommand(ctx: CommandContext): void {
  const { core } = ctx;
  const text = exportAll(core, 'show-sensitive' in ctx.attrs, 'hide-sensitive' in ctx.attrs);
  const file = ctx.attrs.file;
  if (file !== undefined && file !== '') {
    const name = file.endsWith('.rsc') ? file : `${file}.rsc`;
    const files = core.state.table('/file');
    const old = files.findBy('name', name);
    if (old) files.delete(old, 'internal');
    files.insert({ name, type: 'script', size: String(Buffer.byteLength(text)), contents: text }, 'internal');
    ctx.done();
    return;
  }
  if (core.settings.exportMode === 'ret') ctx.done(text);
  else ctx.done();
}

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map<string, CommandSpec>([
  ['/ping', { policy: 'test', run: ping }],
  ['/tool/ping', { policy: 'test', run: ping }],
  ['/export', { policy: 'read', run: exportCommand }],
]);
