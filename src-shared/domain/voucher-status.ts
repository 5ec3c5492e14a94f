/**
 * A voucher's state from what the router says about its hotspot user (issue 11 §2): counters of
 * `/ip/hotspot/user` (uptime, bytes, limits), whether it is in `/ip/hotspot/active`, and its expiry when
 * the plan counts calendar validity from the first login. Pure: the sync service and tests call it.
 */

export const VOUCHER_STATES = ['unused', 'in-use', 'used-up', 'expired', 'revoked'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export interface VoucherCounters {
  /** Revoked in the app (vouchers.status): wins over anything the router says. */
  revoked: boolean;
  /** A session of the user is in `/ip/hotspot/active`. */
  active: boolean;
  /** Connected time consumed across sessions (`uptime` of the user). */
  uptimeSec: number;
  bytesIn: number;
  bytesOut: number;
  /** `limit-uptime`, null = none. */
  limitUptimeSec: number | null;
  /** `limit-bytes-total`, null = none. */
  limitBytesTotal: number | null;
  /** First login + validity (UTC ms) for calendar-validity plans once first used; null = no expiry. */
  expiresAtMs: number | null;
}

/**
 * revoked > used up (uptime ≥ limit-uptime or bytes-in + bytes-out ≥ limit-bytes-total: RouterOS refuses
 * the next login, "user has reached uptime/traffic limit") > expired (validity from first login passed)
 * > in use (logged in now, or started: some uptime or traffic already counted, so it is no longer stock)
 * > unused.
 */
export function voucherState(c: VoucherCounters, nowMs: number): VoucherState {
  if (c.revoked) return 'revoked';
  if (c.limitUptimeSec !== null && c.limitUptimeSec > 0 && c.uptimeSec >= c.limitUptimeSec) return 'used-up';
  if (c.limitBytesTotal !== null && c.limitBytesTotal > 0 && c.bytesIn + c.bytesOut >= c.limitBytesTotal) return 'used-up';
  if (c.expiresAtMs !== null && nowMs >= c.expiresAtMs) return 'expired';
  if (c.active || c.uptimeSec > 0 || c.bytesIn + c.bytesOut > 0) return 'in-use';
  return 'unused';
}

/** The `;exp=<UTC epoch seconds>` the plan's on-login script appends to a user's comment at first login. */
export const EXPIRY_STAMP = ';exp=';

/** Expiry (UTC ms) stamped on a router comment, or null when there is none (never logged in, or no validity). */
export function stampedExpiryMs(comment: string | undefined): number | null {
  if (comment === undefined) return null;
  const at = comment.lastIndexOf(EXPIRY_STAMP);
  if (at === -1) return null;
  const digits = comment.slice(at + EXPIRY_STAMP.length);
  return /^\d{1,12}$/.test(digits) ? Number(digits) * 1000 : null;
}

/** Whether a router comment is `desired` plus the router's own expiry stamp (the router agreeing, not drift). */
export function isStampedComment(routerValue: string, desired: string): boolean {
  return routerValue.startsWith(desired) && /^;exp=\d{1,12}$/.test(routerValue.slice(desired.length));
}

/**
 * A Mikhmon batch comment (`vc-482-06.14.24-note`, `up-…`: integrations.md §6.3) on a voucher the app adopted,
 * and on the router Mikhmon's own on-login script has since replaced it with the voucher's expiry, in the
 * scheduler's `next-run` form (`jan/02/2027 10:00:00` on RouterOS 6, `2027-01-02 10:00:00` on 7). Mikhmon's
 * sweeper reads that date, so it is the router agreeing with us: writing the batch comment back would
 * give the voucher its validity again.
 */
export function isMikhmonExpiryStamp(routerValue: string, desired: string): boolean {
  return /^(vc|up)-\d+-\d{2}\.\d{2}\.\d{2}-/.test(desired)
    && /^([a-z]{3}\/\d{2}\/\d{4}|\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}$/i.test(routerValue);
}
