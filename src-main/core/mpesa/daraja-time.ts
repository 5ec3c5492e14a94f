/** Daraja's Timestamp and Password (integrations.md §4.3). */
import { MPESA_TIME_ZONE } from '@shared/domain/mpesa-values';
import { zoneOffsetMinutes } from '@shared/domain/time';

/** `yyyyMMddHHmmss` in Kenya time (EAT), what integrators send; the Password must use the same value. */
export function darajaTimestamp(at: Date): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, MPESA_TIME_ZONE) * 60_000);
  return local.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** base64(BusinessShortCode + Passkey + Timestamp), string concatenation then base64. */
export function darajaPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`).toString('base64');
}

/** `yyyyMMddHHmmss` (EAT) as in TransTime / the callback's TransactionDate → UTC ISO, or null. */
export function darajaTimeToUtc(stamp: string | number): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(String(stamp));
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(wall - zoneOffsetMinutes(check, MPESA_TIME_ZONE) * 60_000).toISOString();
}
