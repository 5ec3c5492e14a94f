/** Stand-alone commands that are not a menu verb: /ping, /tool/ping, /export. */
import type { CommandContext } from './command';
import { formatRtt, parseDuration } from './duration';
import type { CommandSpec } from './engine';
import { exportAll } from './export';
import { writeFile } from './menus/file';
import { NOT_ENOUGH_PERMISSIONS, RosTrap } from './spec';
import { TOOL_FETCH } from './tool-fetch';

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

/** `/export` arguments per major version; anything else is `unknown parameter`. */
const EXPORT_ARGS_V6 = new Set(['file', 'hide-sensitive', 'compact', 'verbose', 'terse']);
const EXPORT_ARGS_V7 = new Set(['file', 'show-sensitive', 'hide-sensitive', 'compact', 'verbose', 'terse']);

/**
 * Whether sensitive values go into the text. v7 hides them unless `show-sensitive` (RouterOS 7.0: export
 * hides sensitive data by default); v6 shows them unless `hide-sensitive`. Either way only a user whose
 * group has the `sensitive` policy ("see passwords and other sensitive information", Manual:Router AAA
 * policies, https://wiki.mikrotik.com/wiki/Manual:Router_AAA) sees them. Asking v7 for `show-sensitive`
 * without that policy is refused rather than silently hidden (unconfirmed; the stricter choice).
 */
export function exportShowsSensitive(ctx: CommandContext): boolean {
  const { core, attrs, session } = ctx;
  const allowed = session.policies.has('sensitive');
  if (core.version.v7) {
    if ('show-sensitive' in attrs && !allowed) throw new RosTrap(NOT_ENOUGH_PERMISSIONS);
    return 'show-sensitive' in attrs;
  }
  return allowed && !('hide-sensitive' in attrs);
}

export function checkExportArgs(ctx: CommandContext): void {
  const known = ctx.core.version.v7 ? EXPORT_ARGS_V7 : EXPORT_ARGS_V6;
  for (const k of Object.keys(ctx.attrs)) if (!known.has(k)) throw new RosTrap(`unknown parameter ${k}`);
}

/**
 * `/export` (and `<menu>/export`) over the API answers a bare `!done`: the text goes to the console, not to
 * the API (EvilFreelancer/routeros-api-php#32 on 6.43–6.45, #106 on 7.11; GideonLeGrange/mikrotik-java#78;
 * pear2/Net_RouterOS#1). Only `file=` makes it reachable: the router writes `<file>.rsc` to /file.
 */
export function finishExport(ctx: CommandContext, text: string): void {
  const file = ctx.attrs.file;
  if (file !== undefined && file !== '') writeFile(ctx.core, file.endsWith('.rsc') ? file : `${file}.rsc`, 'script', text);
  ctx.done();
}

function exportCommand(ctx: CommandContext): void {
  checkExportArgs(ctx);
  finishExport(ctx, exportAll(ctx.core, exportShowsSensitive(ctx)));
}

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map<string, CommandSpec>([
  ['/ping', { policy: 'test', run: ping }],
  ['/tool/ping', { policy: 'test', run: ping }],
  ['/export', { policy: 'read', run: exportCommand }],
  ['/tool/fetch', TOOL_FETCH],
]);
