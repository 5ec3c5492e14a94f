/**
 * Realistic M-Pesa receipt codes for the fake: 10 characters, char 1 = year (N 2019 … T 2025, U 2026),
 * char 2 = month (A = Jan … L = Dec), char 3 = day (1–9 then A = 10 … V = 31) — the observed structure
 * in integrations.md §4.8 ("use this to generate realistic receipts in the fake; never rely on it").
 */
const DAY_CHARS = '123456789ABCDEFGHIJKLMNOPQRSTUV';
const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function receiptFor(instant: Date, serial: number): string {
  const date = new Date(instant.getTime() + 3 * 3600_000); // the EAT calendar day
  const year = String.fromCharCode('N'.charCodeAt(0) + (date.getUTCFullYear() - 2019));
  const month = String.fromCharCode('A'.charCodeAt(0) + date.getUTCMonth());
  const day = DAY_CHARS[date.getUTCDate() - 1]!;
  let body = '';
  let n = serial + 7919;
  for (let i = 0; i < 7; i += 1) {
    body = BODY_CHARS[n % BODY_CHARS.length]! + body;
    n = Math.floor(n / BODY_CHARS.length) + i * 31;
  }
  return `${year}${month}${day}${body}`;
}

/** Daraja timestamps (`Timestamp`, `TransTime`, `TransactionDate`) are `yyyyMMddHHmmss` in EAT (UTC+3). */
export function darajaTimestamp(date: Date): string {
  const eat = new Date(date.getTime() + 3 * 3600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${eat.getUTCFullYear()}${p(eat.getUTCMonth() + 1)}${p(eat.getUTCDate())}${p(eat.getUTCHours())}${p(eat.getUTCMinutes())}${p(eat.getUTCSeconds())}`;
}
