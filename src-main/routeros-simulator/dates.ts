/**
 * RouterOS date formats. 7.10 changed dates from `jul/14/2023` to `2023-07-14` (integrations.md §1.11);
 * the simulator formats in UTC+offset of its configured time zone (default +03:00, Nairobi).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface DateStyle {
  /** true for RouterOS >= 7.10 (ISO dates). */
  iso: boolean;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

function parts(ms: number, style: DateStyle): { y: number; mo: number; d: number; time: string } {
  const t = new Date(ms + style.offsetMinutes * 60_000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth(),
    d: t.getUTCDate(),
    time: `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}`,
  };
}

export function formatDate(ms: number, style: DateStyle): string {
  const { y, mo, d } = parts(ms, style);
  if (style.iso) return `${y}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `${MONTHS[mo]}/${String(d).padStart(2, '0')}/${y}`;
}

export function formatTime(ms: number, style: DateStyle): string {
  return parts(ms, style).time;
}

export function formatDateTime(ms: number, style: DateStyle): string {
  return `${formatDate(ms, style)} ${formatTime(ms, style)}`;
}

/** /log `time`: today's entries show only the time; older ones the date (v6 drops the current year). */
export function formatLogTime(ms: number, nowMs: number, style: DateStyle): string {
  const a = parts(ms, style);
  const b = parts(nowMs, style);
  if (a.y === b.y && a.mo === b.mo && a.d === b.d) return a.time;
  if (style.iso) return formatDateTime(ms, style);
  if (a.y === b.y) return `${MONTHS[a.mo]}/${String(a.d).padStart(2, '0')} ${a.time}`;
  return formatDateTime(ms, style);
}

/** Parses `2026-11-27`, `nov/27/2026` (+ optional time) in the router's zone; null when unparseable. */
export function parseRosDate(date: string, time: string | undefined, style: DateStyle): number | null {
  let y: number;
  let mo: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const old = /^([a-z]{3})\/(\d{1,2})\/(\d{4})$/i.exec(date.trim());
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]) - 1;
    d = Number(iso[3]);
  } else if (old) {
    mo = MONTHS.indexOf(old[1]!.toLowerCase());
    if (mo < 0) return null;
    d = Number(old[2]);
    y = Number(old[3]);
  } else return null;
  let secs = 0;
  if (time !== undefined && time !== '') {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
    if (!tm) return null;
    secs = Number(tm[1]) * 3600 + Number(tm[2]) * 60 + Number(tm[3] ?? 0);
  }
  return Date.UTC(y, mo, d) + secs * 1000 - style.offsetMinutes * 60_000;
}

/**
 * A scheduler `start-date` as this version takes it: `jan/02/2026` up to 7.9, ISO `2026-01-02` from 7.10
 * (phistrom/datetime-routeros#1; router-enforcement.md §1.3). The other version's form is refused (the
 * stricter choice: whether 7.10+ still accepts the old form on input is unconfirmed). Days must exist.
 */
export function parseStartDate(text: string, style: DateStyle): { y: number; mo: number; d: number } | null {
  const t = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  if (style.iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  } else {
    const m = /^([a-z]{3})\/(\d{2})\/(\d{4})$/.exec(t);
    if (!m) return null;
    mo = MONTHS.indexOf(m[1]!);
    [d, y] = [Number(m[2]), Number(m[3])];
    if (mo < 0) return null;
  }
  const check = new Date(Date.UTC(y, mo, d));
  if (y < 1970 || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) return null;
  return { y, mo, d };
}

/** `HH:MM:SS` (or `H:MM`) within a day, as seconds; null for `25:99` and other non-times. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return h * 3600 + mi * 60 + s;
}

export function formatTimeOfDay(secs: number): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${p2(Math.floor(secs / 3600))}:${p2(Math.floor(secs / 60) % 60)}:${p2(secs % 60)}`;
}

export function formatYmd(v: { y: number; mo: number; d: number }, style: DateStyle): string {
  if (style.iso) return `${v.y}-${String(v.mo + 1).padStart(2, '0')}-${String(v.d).padStart(2, '0')}`;
  return `${MONTHS[v.mo]}/${String(v.d).padStart(2, '0')}/${v.y}`;
}
