/** Lines of the router log: what `routers.log.recent` returns and what a `routers.live-log` chunk carries. */
export interface LogLine {
  id: string;
  time: string;
  topics: string;
  message: string;
}

/** The most live lines kept while following; older ones drop off the bottom. */
export const LIVE_LINE_LIMIT = 500;

/** New lines (in arrival order) go on top, newest first; at most `limit` are kept. */
export function prependLines(current: readonly LogLine[], arrived: readonly LogLine[], limit = LIVE_LINE_LIMIT): LogLine[] {
  if (arrived.length === 0) return current as LogLine[];
  return [...[...arrived].reverse(), ...current].slice(0, limit);
}

/** Live lines above the recent ones, without the lines that are in both, narrowed by the text filter. */
export function mergeLogLines(live: readonly LogLine[], recent: readonly LogLine[], text: string): LogLine[] {
  const needle = text.trim().toLowerCase();
  const seen = new Set<string>();
  const out: LogLine[] = [];
  for (const l of [...live, ...recent]) {
    if (seen.has(l.id)) continue;
    seen.add(l.id);
    if (needle && !l.message.toLowerCase().includes(needle)) continue;
    out.push(l);
  }
  return out;
}

/** Badge colour of a log topic: errors red, warnings orange, the rest quiet. */
export function topicColor(topic: string): string {
  if (topic === 'error' || topic === 'critical') return 'red';
  if (topic === 'warning') return 'orange';
  if (topic === 'info' || topic === 'debug') return 'gray';
  return 'blue';
}
