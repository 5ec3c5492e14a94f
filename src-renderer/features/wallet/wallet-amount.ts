import { MAX_AMOUNT_MINOR } from '@shared/contract/payments';
import { formatMoney, minorDigits, parseAmount } from '@shared/domain/money';

/**
 * What a person typed as an amount ("1,500", "1500.50") as minor units for the payments channels: null when it is
 * not a plain positive amount in the currency (too many decimals, zero, negative, above the contract's maximum).
 */
export function amountTextToMinor(text: string, currency: string): number | null {
  const minor = parseAmount(text, currency);
  if (minor === null || minor <= 0 || minor > MAX_AMOUNT_MINOR) return null;
  return minor;
}

/** Minor units as the plain amount a person would type back ("1500.50"), no currency or grouping. */
export function minorToAmountText(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const whole = Math.floor(abs / 10 ** digits);
  const frac = String(abs % 10 ** digits).padStart(digits, '0');
  return /^0+$/.test(frac) ? `${sign}${whole}` : `${sign}${whole}.${frac}`;
}

/** A signed ledger amount for display: "+KES 1,500.00" for money in, "−KES 200.00" for money out. */
export function signedMoney(amountMinor: number, currency: string, locale?: string): string {
  const text = formatMoney(Math.abs(amountMinor), currency, locale);
  if (amountMinor > 0) return `+${text}`;
  if (amountMinor < 0) return `−${text}`;
  return text;
}
