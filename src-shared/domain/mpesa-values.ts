/**
 * Small value readers shared by the M-Pesa statement and SMS parsers: amounts, Nairobi wall-clock times,
 * receipt codes and the "<phone> - <NAME>" party text. Pure; never throws.
 */
import { normalisePhone } from './phone';
import { zoneOffsetMinutes } from './time';

/** M-Pesa prints every time in Kenya time (EAT, UTC+3) without a zone (mpesa-ingestion.md §1a, §3). */
export const MPESA_TIME_ZONE = 'Africa/Nairobi';

/**
 * Receipt codes are 10 upper-case letters/digits since about 2014 and 9 before (mpesa-ingestion.md §3);
 * sandbox ids follow no structure (integrations.md §4.8), so only the alphabet and length are checked.
 */
export function normaliseReceipt(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9]{8,12}$/.test(code) ? code : null;
}

/**
 * Amount text or number → KES minor units. Statement amounts come as numeric cells (legacy workbook) or text
 * with comma thousands ("1,100.00", "-1,100.00"); "(1,100.00)" is read as negative (unconfirmed form, §7).
 * Returns null when it is not an amount; blank is 0 for the caller to decide.
 */
export function parseMpesaAmount(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const minor = Math.round(value * 100);
    if (Math.abs(minor - value * 100) > 1e-6 * Math.max(1, Math.abs(value * 100))) return null;
    return Number.isSafeInteger(minor) ? minor : null;
  }
  if (typeof value !== 'string') return null;
  let text = value.trim().replace(/^(?:ksh|kes|kshs)\.?\s*/i, '').replace(/[\s\u00a0]/g, '');
  let negative = false;
  const bracket = /^\((.*)\)$/.exec(text);
  if (bracket) { negative = true; text = bracket[1]!; }
  if (text.startsWith('-')) { negative = !negative; text = text.slice(1); }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.replace(/,/g, '').split('.') as [string, string?];
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** A Nairobi wall-clock time → UTC ISO instant; null for an impossible date. */
export function nairobiToUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return null;
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  const offset = zoneOffsetMinutes(new Date(wall), MPESA_TIME_ZONE);
  return new Date(wall - offset * 60_000).toISOString();
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in), counted in local wall-clock days. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A statement time cell → UTC ISO. Accepts `dd-mm-yyyy HH:MM[:SS]`, `dd/mm/yyyy …`, `yyyy-mm-dd[ T]…`,
 * Excel serial numbers and Date cells (XLSX readers hand back the wall-clock time as if it were UTC).
 */
export function parseStatementTime(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return nairobiToUtc(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(),
      value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 20_000 || value > 80_000) return null;
    return parseStatementTime(new Date(EXCEL_EPOCH_MS + Math.round(value * 86_400) * 1000));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return parseStatementTime(Number(text));
  const time = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
  const dayFirst = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${time}$`).exec(text);
  if (dayFirst) {
    const [, d, m, y, h, mi, s] = dayFirst;
    return nairobiToUtc(Number(y), Number(m), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  const yearFirst = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(text);
  if (yearFirst) {
    const [, y, m, d, h, mi, s] = yearFirst;
    return nairobiToUtc(Number(y), Number(m), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  return null;
}

export interface PartyParts {
  /** E.164 when the number is complete. */
  phone: string | null;
  /** The number as printed when it is masked (`2547****376`, `0715***897`). */
  phoneMasked: string | null;
  name: string | null;
}

const PHONE_TOKEN = /^\+?\d[\d*]{5,}\d$/;

function tidyName(text: string): string | null {
  // Masked middle names print as `****`: drop the mask words, keep the rest as written.
  const name = text.replace(/[*]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s.,:;-]+|[\s.,:;-]+$/g, '').trim();
  return name === '' ? null : name;
}

function readPhone(token: string): Pick<PartyParts, 'phone' | 'phoneMasked'> {
  if (token.includes('*')) return { phone: null, phoneMasked: token };
  const phone = normalisePhone(token);
  return phone ? { phone, phoneMasked: null } : { phone: null, phoneMasked: null };
}

/**
 * `<msisdn> - <NAME>` (statement Other Party Info), `NAME 2547…` / `2547… NAME` (SMS, either order),
 * or a bare number. A token that is not a phone stays part of the name.
 */
export function splitParty(text: string): PartyParts {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.toUpperCase() === 'SP') return { phone: null, phoneMasked: null, name: null };
  const dash = /^(\+?\d[\d*]{5,}\d)\s*-\s*(.*)$/.exec(clean);
  if (dash) return { ...readPhone(dash[1]!), name: tidyName(dash[2]!) };
  const words = clean.split(' ');
  const idx = words.findIndex((w) => PHONE_TOKEN.test(w.replace(/[.,]$/, '')));
  if (idx < 0) {
    // `M- pesa:254700000001` (bank-funded till SMS): a number glued after a colon.
    const glued = /^(.*?):(\+?\d{9,12})\.?$/.exec(clean);
    if (glued) return { ...readPhone(glued[2]!), name: tidyName(glued[1]!) };
    return { phone: null, phoneMasked: null, name: tidyName(clean) };
  }
  const token = words[idx]!.replace(/[.,]$/, '');
  const rest = [...words.slice(0, idx), ...words.slice(idx + 1)].join(' ');
  return { ...readPhone(token), name: tidyName(rest) };
}
