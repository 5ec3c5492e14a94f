import { localDayBounds, startOfLocalDay } from '@shared/domain/time';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function valid(y: number, m: number, d: number): boolean {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first calendar date written in a secret's comment, as YYYY-MM-DD. Billing tools and hand-written
 * comments use ISO (`2026-03-31`), the RouterOS v6 style (`mar/31/2026`), day-first numbers as written in
 * Kenya (`31/03/2026`, `31-03-2026`, `31.03.2026`) and `31 Mar 2026`. Month-first numeric dates are not
 * guessed: `03/04/2026` reads as 3 April.
 */
export function dateInComment(comment: string): string | null {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => [number, number, number] | null]> = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [/\b([a-z]{3})\/(\d{1,2})\/(\d{4})\b/i, (m) => {
      const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      return mo > 0 ? [Number(m[3]), mo, Number(m[2])] : null;
    }],
    [/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
    [/\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i, (m) => {
      const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
      return mo > 0 ? [Number(m[3]), mo, Number(m[1])] : null;
    }],
  ];
  let best: { at: number; date: string } | null = null;
  for (const [re, read] of patterns) {
    const m = re.exec(comment);
    if (!m) continue;
    const parts = read(m);
    if (!parts || !valid(...parts)) continue;
    if (!best || m.index < best.at) best = { at: m.index, date: iso(...parts) };
  }
  return best?.date ?? null;
}

/**
 * Expiry of an adopted subscriber from its comment: the end of that local day (a customer "paid until
 * 31 March" has all of the 31st). Null when the comment holds no date or the date has already passed:
 * a secret the old system left enabled stays online rather than being cut the minute it is adopted.
 */
export function expiryFromComment(comment: string, now: Date, timeZone: string): Date | null {
  const day = dateInComment(comment);
  if (!day) return null;
  const { end } = localDayBounds(startOfLocalDay(day, timeZone), timeZone);
  return end.getTime() > now.getTime() ? end : null;
}
