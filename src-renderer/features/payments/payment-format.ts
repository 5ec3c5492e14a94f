import { formatMoney } from '@shared/domain/money';

/** The calendar day (YYYY-MM-DD) it is in `timeZone` at `nowMs`: the Collections page opens on the ISP's today. */
export function todayIn(timeZone: string, nowMs: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

/** Formats minor units in a currency and locale; one function so every payments screen reads alike. */
export function moneyFormatter(currency: string, locale: string): (amountMinor: number) => string {
  return (amountMinor) => formatMoney(amountMinor, currency, locale);
}

/** Largest amount first, then by name, so the busiest cashier or method tops the table. */
export function byTotalDesc<T extends { totalMinor: number; name?: string; method?: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.totalMinor - a.totalMinor || (a.name ?? a.method ?? '').localeCompare(b.name ?? b.method ?? ''));
}
