import { extendExpiry, type BillingPeriod } from './billing-period';

/**
 * The renewal rule (README "Money"): after money reaches a subscriber's wallet, whole periods of the
 * package are bought while the balance covers the price; expiry moves from max(now, current expiry) (so early
 * payments stack and time already lost is not given back); what is left stays in the wallet for the next
 * payment (partial payments accumulate). A negative balance (e.g. an unpaid fee) is covered first, because the
 * balance, not the payment, buys periods. A package with no price (≤ 0) buys nothing: the money stays.
 *
 * One renewal buys at most MAX_PERIODS_PER_RENEWAL periods, so a mistyped huge amount cannot push an expiry
 * past any calendar; the rest stays in the wallet and the next renewal continues.
 */
export const MAX_PERIODS_PER_RENEWAL = 1000;

export interface RenewalInput {
  balanceMinor: number;
  priceMinor: number;
  period: BillingPeriod;
  expiresAt: Date;
  now: Date;
  timeZone: string;
  /** The tenant's "disconnect at end of day" option (billing-period extendExpiry). */
  endOfDay?: boolean;
}

export interface RenewalPlan {
  periods: number;
  /** Total debited: periods × price. */
  debitMinor: number;
  /** The new expiry (unchanged when no period is bought). */
  expiresAt: Date;
  /** Balance after the debits. */
  remainderMinor: number;
}

export function planRenewal(i: RenewalInput): RenewalPlan {
  if (!Number.isSafeInteger(i.balanceMinor) || !Number.isSafeInteger(i.priceMinor)) throw new RangeError('amounts must be safe integers');
  if (i.priceMinor <= 0 || i.balanceMinor < i.priceMinor) {
    return { periods: 0, debitMinor: 0, expiresAt: i.expiresAt, remainderMinor: i.balanceMinor };
  }
  const periods = Math.min(Math.floor(i.balanceMinor / i.priceMinor), MAX_PERIODS_PER_RENEWAL);
  const debitMinor = periods * i.priceMinor;
  const expiresAt = extendExpiry(i.expiresAt, i.now, i.period, periods, i.timeZone, { endOfDay: i.endOfDay ?? false });
  return { periods, debitMinor, expiresAt, remainderMinor: i.balanceMinor - debitMinor };
}
