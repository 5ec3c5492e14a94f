/** How amounts, instants and quantities read on a printed document, in the tenant's zone and locale. */
import { formatMoney } from '@shared/domain/money';

export function money(amountMinor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amount is not an integer of minor units: ${amountMinor}`);
  return formatMoney(amountMinor, currency, locale);
}

export function dateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant(iso));
}

export function dateOnly(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(instant(iso));
}

export function quantity(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/** 1600 basis points → "16%". */
export function rate(rateBasisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBasisPoints / 10_000);
}

function instant(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an ISO instant: ${iso}`);
  return d;
}
