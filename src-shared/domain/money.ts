/**
 * Money is always an integer number of minor units (cents) with an ISO 4217 currency.
 * Floating point never touches an amount.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Minor-unit digits per currency; ISO 4217. Currencies not listed use 2. */
const MINOR_DIGITS: Record<string, number> = {
  KES: 2, UGX: 0, TZS: 2, RWF: 0, BIF: 0, ETB: 2, USD: 2, EUR: 2, GBP: 2, NGN: 2, GHS: 2, ZAR: 2, ZMW: 2,
  MWK: 2, XOF: 0, XAF: 0, JPY: 0, KWD: 3, BHD: 3,
};

export const SUPPORTED_CURRENCIES = Object.keys(MINOR_DIGITS).sort();

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

export function isSafeMinor(amountMinor: number): boolean {
  return Number.isSafeInteger(amountMinor);
}

/**
 * Parses a user-typed amount ("1,500", "1500.5", "KES 20") into minor units. Returns null when the text
 * is not a plain amount or has more decimals than the currency allows.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(new RegExp(`^${currency}\\s*`, 'i'), '').replace(/[,\s_]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}

export function formatMoney(amountMinor: number, currency: string, locale = 'en-KE'): string {
  const digits = minorDigits(currency);
  const value = amountMinor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Adds amounts of the same currency; mixing currencies is a programming error. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
  const sum = a.amountMinor + b.amountMinor;
  if (!Number.isSafeInteger(sum)) throw new RangeError('amount overflow');
  return { amountMinor: sum, currency: a.currency };
}

/** Tax in basis points (1600 = 16 %), rounded half away from zero to a whole minor unit. */
export function taxOn(amountMinor: number, rateBasisPoints: number): number {
  const raw = (amountMinor * rateBasisPoints) / 10_000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}
