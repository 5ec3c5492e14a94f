import { localDayBounds, zoneOffsetMinutes } from './time';

/**
 * Billing periods (README "Billing periods"). Instants are UTC; calendar units are counted in the
 * tenant's IANA zone so "1 day" from 18:00 ends at 18:00 local the next day even across a DST change.
 *
 * - hours: exact elapsed time (N × 3600 s), whatever the zone does.
 * - days / weeks: same local wall time N (×7) calendar days later.
 * - months: same local day of month N months later, clamped to the month's last day:
 *   31 Jan + 1 month = 28 Feb (29 Feb in a leap year); 31 Mar + 1 month = 30 Apr. Clamping never
 *   spills into the next month, so a month is never longer than the calendar month it lands in.
 * - A local wall time that does not exist (spring-forward gap) moves to the first instant after the gap;
 *   one that exists twice (fall-back) takes the earlier instant.
 */
export const PERIOD_UNITS = ['hours', 'days', 'weeks', 'months'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export interface BillingPeriod {
  count: number;
  unit: PeriodUnit;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function offsetMs(at: number, timeZone: string): number {
  return zoneOffsetMinutes(new Date(at), timeZone) * 60_000;
}

/** Local wall clock of an instant, encoded as if it were UTC (so Date.UTC arithmetic works on it). */
function toWall(at: number, timeZone: string): number {
  return at + offsetMs(at, timeZone);
}

/** The instant showing `wall` on local clocks (see the gap / overlap rule above). */
function fromWall(wall: number, timeZone: string): number {
  const o1 = offsetMs(wall, timeZone);
  const c1 = wall - o1;
  const o2 = offsetMs(c1, timeZone);
  const candidates = [...new Set([c1, wall - o2, wall - offsetMs(c1 - DAY_MS, timeZone), wall - offsetMs(c1 + DAY_MS, timeZone)])];
  const valid = candidates.filter((c) => toWall(c, timeZone) === wall).sort((a, b) => a - b);
  if (valid.length > 0) return valid[0]!;
  // In a gap: the wall time read with the offset before the jump lands just after it.
  return Math.max(...candidates);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `from` + count × unit, counted in `timeZone` (see the rules above). */
export function addPeriod(from: Date, p: BillingPeriod, timeZone: string): Date {
  const at = from.getTime();
  if (p.unit === 'hours') return new Date(at + p.count * HOUR_MS);
  const wall = new Date(toWall(at, timeZone));
  const y = wall.getUTCFullYear();
  const mo = wall.getUTCMonth();
  const d = wall.getUTCDate();
  const time = wall.getTime() - Date.UTC(y, mo, d);
  let target: number;
  if (p.unit === 'months') {
    const first = new Date(Date.UTC(y, mo + p.count, 1));
    const ty = first.getUTCFullYear();
    const tm = first.getUTCMonth();
    target = Date.UTC(ty, tm, Math.min(d, daysInMonth(ty, tm))) + time;
  } else {
    target = Date.UTC(y, mo, d + p.count * (p.unit === 'weeks' ? 7 : 1)) + time;
  }
  return new Date(fromWall(target, timeZone));
}

/** 23:59:59 local on the day of `at`: the "disconnect at end of day" option. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  return new Date(localDayBounds(at, timeZone).end.getTime() - 1000);
}

/**
 * The new expiry after buying `times` periods: counted from the current expiry when it is still ahead,
 * else from now (time already lost is not given back), optionally moved to the end of that local day.
 */
export function extendExpiry(
  current: Date, now: Date, p: BillingPeriod, times: number, timeZone: string, opts: { endOfDay?: boolean } = {},
): Date {
  const from = current.getTime() > now.getTime() ? current : now;
  const next = addPeriod(from, { count: p.count * times, unit: p.unit }, timeZone);
  return opts.endOfDay ? endOfLocalDay(next, timeZone) : next;
}
