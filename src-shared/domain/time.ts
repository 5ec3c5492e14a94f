/**
 * Instants are stored and sent as UTC ISO-8601 strings; the tenant's IANA time zone decides how they
 * are shown and where a business day starts and ends.
 */

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function toInstant(date: Date): string {
  return date.toISOString();
}

interface ZonedParts {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
}

// Building a formatter costs far more than using one; renewals and sweeps call this per row.
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(date: Date, timeZone: string): ZonedParts {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(date)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

// An offset changes only at a zone's transitions, never twice in a quarter hour: one look-up per zone and
// quarter hour (renewals and statement imports ask per row). A quarter hour holding a transition is not
// cached: its instants are computed one by one, so the answer is always the exact one.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number | 'transition'>();

/** Offset of the zone from UTC at that instant, in minutes (Nairobi = +180). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return offsetAt(ms, timeZone);
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${timeZone}|${bucket}`;
  let hit = offsetCache.get(key);
  if (hit === undefined) {
    const first = offsetAt(bucket * QUARTER_HOUR_MS, timeZone);
    hit = first === offsetAt((bucket + 1) * QUARTER_HOUR_MS - 1000, timeZone) ? first : 'transition';
    if (offsetCache.size >= 100_000) offsetCache.clear();
    offsetCache.set(key, hit);
  }
  return hit === 'transition' ? offsetAt(ms, timeZone) : hit;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The UTC instant at which a local calendar day (YYYY-MM-DD) starts in a zone. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Guess with the offset at noon UTC, then correct once for DST transitions.
  let guess = new Date(Date.UTC(y, m - 1, d) - zoneOffsetMinutes(new Date(Date.UTC(y, m - 1, d, 12)), timeZone) * 60_000);
  const check = zonedParts(guess, timeZone);
  if (check.hour !== 0 || check.minute !== 0) {
    guess = new Date(Date.UTC(y, m - 1, d) - zoneOffsetMinutes(guess, timeZone) * 60_000);
  }
  return guess;
}

/** [start, end) of the local business day that contains the instant. */
export function localDayBounds(date: Date, timeZone: string): { start: Date; end: Date } {
  const day = localDate(date, timeZone);
  const start = startOfLocalDay(day, timeZone);
  const next = new Date(start.getTime() + 36 * 3600_000);
  return { start, end: startOfLocalDay(localDate(next, timeZone), timeZone) };
}

export function formatInstant(iso: string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

/** "3d 4h 5m" for durations shown to people (uptime, downtime). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return '0s';
  let s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts: string[] = [];
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m && d === 0) parts.push(`${m}m`);
  if (s && d === 0 && h === 0) parts.push(`${s}s`);
  return parts.join(' ') || '0s';
}
