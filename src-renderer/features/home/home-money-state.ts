import { MAX_AMOUNT_MINOR } from '@shared/contract/payments';
import { parseAmount } from '@shared/domain/money';

/** Today's date (YYYY-MM-DD) in the ISP's time zone: the day the collections figure reads. */
export function localDay(timeZone: string, nowMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

/** Cash in a drawer as typed ("5,000", "0"): minor units, 0 allowed (an empty float); null when not an amount. */
export function drawerAmountToMinor(text: string, currency: string): number | null {
  if (text.trim() === '') return null;
  const minor = parseAmount(text, currency);
  if (minor === null || minor < 0 || minor > MAX_AMOUNT_MINOR) return null;
  return minor;
}

/** Counted − expected, as the close dialog shows it before the shift is closed (main records the same). */
export function drawerDifference(expectedMinor: number, countedMinor: number): { differenceMinor: number; tone: 'balanced' | 'over' | 'short' } {
  const differenceMinor = countedMinor - expectedMinor;
  return { differenceMinor, tone: differenceMinor === 0 ? 'balanced' : differenceMinor > 0 ? 'over' : 'short' };
}

/** The unmatched figure: the pushed count wins over the one read at mount (the event carries the new count). */
export function unmatchedShown(pushed: number | null, read: number | undefined): number | null {
  return pushed ?? read ?? null;
}
