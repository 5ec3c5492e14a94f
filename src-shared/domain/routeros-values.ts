/**
 * Reading RouterOS API values (integrations.md §1.4, §1.11): booleans come back as true/false (older
 * tools also send yes/no), durations as `1w2d3h4m5s` or `00:05:00`, dates as `nov/27/2026` (v6, < 7.10)
 * or `2026-11-27` (7.10+).
 */

export function rosBool(value: string | undefined): boolean {
  return value === 'true' || value === 'yes';
}

export function rosNumber(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

const UNIT_SECONDS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/** Seconds in a RouterOS duration; `1d02:03:04`, `1w2d3h4m5s`, `00:05:00`, `500ms`, `1ms417us`. Null if unreadable. */
export function rosDurationSeconds(value: string | undefined): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (v === '' || v === 'none') return null;
  let rest = v;
  let total = 0;
  const clock = /(\d+):(\d{2}):(\d{2})$/.exec(rest);
  if (clock) {
    total += Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    rest = rest.slice(0, clock.index);
  }
  const re = /(\d+(?:\.\d+)?)(ms|us|w|d|h|m|s)/g;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const n = Number(m[1]);
    const unit = m[2]!;
    if (unit === 'ms') total += n / 1000;
    else if (unit === 'us') total += n / 1_000_000;
    else total += n * UNIT_SECONDS[unit]!;
    consumed += m[0].length;
  }
  if (consumed !== rest.length) return null;
  return total;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Calendar date from either RouterOS format, as [year, month (1-12), day]. */
export function rosDateParts(date: string): [number, number, number] | null {
  const v7 = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (v7) return [Number(v7[1]), Number(v7[2]), Number(v7[3])];
  const v6 = /^([a-z]{3})\/(\d{2})\/(\d{4})$/i.exec(date.trim());
  if (v6) {
    const month = MONTHS.indexOf(v6[1]!.toLowerCase()) + 1;
    return month > 0 ? [Number(v6[3]), month, Number(v6[2])] : null;
  }
  return null;
}

/** `+03:00` / `-05:30` → minutes east of UTC. */
export function rosGmtOffsetMinutes(offset: string | undefined): number | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset?.trim() ?? '');
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The router's clock (`/system/clock` date, time, gmt-offset) as a UTC instant. */
export function rosClockInstant(date: string | undefined, time: string | undefined, gmtOffset: string | undefined): Date | null {
  if (!date || !time) return null;
  const d = rosDateParts(date);
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time.trim());
  const offset = rosGmtOffsetMinutes(gmtOffset) ?? 0;
  if (!d || !t) return null;
  return new Date(Date.UTC(d[0], d[1] - 1, d[2], Number(t[1]), Number(t[2]), Number(t[3])) - offset * 60_000);
}

/** `10M`, `512k`, `1.5G`, `2000000` → bits per second. */
export function rosRateBits(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(value.trim());
  if (!m) return null;
  const mult = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 }[m[2] as '' | 'k' | 'K' | 'M' | 'G'];
  return Math.round(Number(m[1]) * mult);
}

/**
 * Fields whose values are an enumeration `yes | no | default` (some add `required`), not a boolean:
 * RouterOS refuses `true`/`false` for them ("input does not match any value"), so a boolean is written
 * as `yes`/`no`. PPP profile: manual "PPP AAA", properties only-one, use-encryption, use-compression,
 * use-mpls, use-upnp, use-ipv6, change-tcp-mss, bridge-learning.
 */
export const ROS_YES_NO_FIELDS: ReadonlySet<string> = new Set([
  'only-one',
  'use-encryption',
  'use-compression',
  'use-vj-compression',
  'use-mpls',
  'use-upnp',
  'use-ipv6',
  'change-tcp-mss',
  'bridge-learning',
]);

/** The word a boolean is written as for `field`: `yes`/`no` for enumerated fields, else `true`/`false`. */
export function rosBoolWord(field: string, value: boolean): string {
  if (ROS_YES_NO_FIELDS.has(field)) return value ? 'yes' : 'no';
  return value ? 'true' : 'false';
}
