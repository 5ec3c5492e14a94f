import { addPeriod, type BillingPeriod } from './billing-period';
import { MAX_PERIODS_PER_RENEWAL, planRenewal } from './renewal';

/**
 * Package change policy (README "Renewal rule"):
 * - `next-renewal`: the subscriber moves to the new package now (its speed applies at once), no money moves
 *   and the expiry stays; the next period bought is bought at the new package's price.
 * - `now-pro-rata`: the time still paid for on the old package is given back as money (a ledger adjustment of
 *   the pro-rata credit), the expiry falls back to now, and the new package is bought by the renewal rule
 *   from the wallet (credit + what was already there). Nothing else is created or lost: the balance after is
 *   balance + credit − periods × new price.
 *
 * The pro-rata credit counts back from the expiry one old period at a time: each whole period still ahead of
 * now is worth its full price; the period that contains now is worth price × (expiry part left ÷ its length),
 * rounded DOWN to a minor unit (the fraction of a cent stays with the ISP, so repeated changes cannot mint money).
 */
export const PACKAGE_CHANGE_POLICIES = ['next-renewal', 'now-pro-rata'] as const;
export type PackageChangePolicy = (typeof PACKAGE_CHANGE_POLICIES)[number];

export interface PricedPeriod {
  priceMinor: number;
  period: BillingPeriod;
}

export interface PackageChangeInput {
  policy: PackageChangePolicy;
  balanceMinor: number;
  expiresAt: Date;
  now: Date;
  timeZone: string;
  endOfDay?: boolean;
  from: PricedPeriod;
  to: PricedPeriod;
}

export interface PackageChangePlan {
  policy: PackageChangePolicy;
  /** Money given back for the unused time of the old package (0 for next-renewal or when already expired). */
  creditMinor: number;
  /** Periods of the new package bought now, and what they cost. */
  periods: number;
  debitMinor: number;
  expiresAt: Date;
  balanceAfterMinor: number;
  /**
   * now-pro-rata only: how much is missing to buy one period of the new package when the subscriber still had
   * paid time (applying would cut them off); 0 when the change can be applied without loss of service.
   */
  shortMinor: number;
}

function mulDivFloor(a: number, b: number, c: number): number {
  // a × b overflows 2^53 for large prices × month lengths in ms: exact integer arithmetic.
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** The money value of the time between now and expiry on a package (see the rule above). */
export function proRataCredit(from: PricedPeriod, expiresAt: Date, now: Date, timeZone: string): number {
  if (!Number.isSafeInteger(from.priceMinor)) throw new RangeError('amounts must be safe integers');
  if (from.priceMinor <= 0 || expiresAt.getTime() <= now.getTime()) return 0;
  const back: BillingPeriod = { count: -from.period.count, unit: from.period.unit };
  let end = expiresAt;
  let credit = 0;
  for (let i = 0; i < MAX_PERIODS_PER_RENEWAL; i++) {
    const start = addPeriod(end, back, timeZone);
    if (start.getTime() <= now.getTime()) {
      return credit + mulDivFloor(from.priceMinor, end.getTime() - now.getTime(), end.getTime() - start.getTime());
    }
    credit += from.priceMinor;
    end = start;
  }
  // More paid periods ahead than one renewal can buy: count the rest as whole periods only up to the cap.
  return credit;
}

export function planPackageChange(i: PackageChangeInput): PackageChangePlan {
  if (!Number.isSafeInteger(i.balanceMinor) || !Number.isSafeInteger(i.to.priceMinor)) throw new RangeError('amounts must be safe integers');
  if (i.policy === 'next-renewal') {
    return { policy: i.policy, creditMinor: 0, periods: 0, debitMinor: 0, expiresAt: i.expiresAt, balanceAfterMinor: i.balanceMinor, shortMinor: 0 };
  }
  const creditMinor = proRataCredit(i.from, i.expiresAt, i.now, i.timeZone);
  const hadTime = i.expiresAt.getTime() > i.now.getTime();
  // The unused time is refunded, so the new package counts from now (or from the lapsed expiry if it had lapsed).
  const restart = hadTime ? i.now : i.expiresAt;
  const r = planRenewal({
    balanceMinor: i.balanceMinor + creditMinor, priceMinor: i.to.priceMinor, period: i.to.period, expiresAt: restart, now: i.now,
    timeZone: i.timeZone, endOfDay: i.endOfDay ?? false,
  });
  const shortMinor = hadTime && r.periods === 0 ? Math.max(1, i.to.priceMinor - (i.balanceMinor + creditMinor)) : 0;
  return { policy: i.policy, creditMinor, periods: r.periods, debitMinor: r.debitMinor, expiresAt: r.expiresAt, balanceAfterMinor: r.remainderMinor, shortMinor };
}
