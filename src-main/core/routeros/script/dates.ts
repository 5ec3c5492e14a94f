/**
 * Dates in the form the router's version takes and prints: RouterOS 7.10 changed `jan/02/2026` to
 * ISO `2026-01-02` (integrations.md §1.11; phistrom/datetime-routeros#1). The style is picked from
 * `/system/resource` `version` (`6.49.17 (long-term)`, `7.16.2 (stable)`).
 */
export type RosDateStyle = 'mmm/dd/yyyy' | 'iso';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function rosVersionParts(version: string): { major: number; minor: number } | null {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export function dateStyleFor(version: string): RosDateStyle {
  const v = rosVersionParts(version);
  if (!v) throw new TypeError(`unreadable RouterOS version ${JSON.stringify(version)}`);
  return v.major > 7 || (v.major === 7 && v.minor >= 10) ? 'iso' : 'mmm/dd/yyyy';
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A calendar date (year, month 1–12, day) in the router's style. */
export function formatRosDate(year: number, month: number, day: number, style: RosDateStyle): string {
  if (!Number.isInteger(year) || year < 1970 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RangeError(`date out of range: ${year}-${month}-${day}`);
  }
  return style === 'iso' ? `${year}-${pad(month)}-${pad(day)}` : `${MONTHS[month - 1]}/${pad(day)}/${year}`;
}

export function formatRosTime(hours: number, minutes: number, seconds = 0): string {
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
    throw new RangeError(`time out of range: ${hours}:${minutes}:${seconds}`);
  }
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}
