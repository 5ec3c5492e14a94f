/**
 * Subscriber account numbers: what customers type as the M-Pesa account reference, so they are short,
 * upper-case and free of look-alike characters (no 0/O, 1/I/L) in the alphanumeric form.
 */
export const ACCOUNT_FORMATS = ['numeric', 'alphanumeric'] as const;
export type AccountFormat = (typeof ACCOUNT_FORMATS)[number];

export interface AccountNumberSettings {
  format: AccountFormat;
  /** Characters after the prefix. */
  length: number;
  /** Optional fixed start, e.g. "KN". */
  prefix: string;
}

const DIGITS = '0123456789';
const ALNUM = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Account numbers as stored: upper-case letters, digits and "-", 2–24 characters. */
export const ACCOUNT_NUMBER_PATTERN = /^[A-Z0-9-]{2,24}$/;

export function normaliseAccountNumber(v: string): string {
  return v.trim().toUpperCase();
}

/** One candidate; the caller retries on a clash. `random` returns [0, 1). */
export function generateAccountNumber(s: AccountNumberSettings, random: () => number): string {
  const alphabet = s.format === 'numeric' ? DIGITS : ALNUM;
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    // A numeric number never starts with 0: spreadsheets and phones drop leading zeros.
    const pool = i === 0 && s.format === 'numeric' && s.prefix === '' ? DIGITS.slice(1) : alphabet;
    out += pool[Math.floor(random() * pool.length)];
  }
  return `${s.prefix}${out}`;
}
