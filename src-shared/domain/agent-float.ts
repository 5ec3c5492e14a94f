/**
 * Agents (resellers) and their prepaid float (issue 11 §4). Pure rules shared by core and the screens.
 *
 * Discounts are integer basis points (1 % = 100 bp) so no float arithmetic touches money. An agent pays, per
 * voucher, the list price less the discount ROUNDED UP to a minor unit: the sub-cent fraction stays with the
 * ISP, so splitting a purchase can never cost the ISP money (README "Money", the same rule as pro-rata credit).
 */
export const MAX_DISCOUNT_BP = 9_000;

export const AGENT_ENTRY_KINDS = ['top-up', 'purchase', 'adjustment', 'reversal'] as const;
export type AgentEntryKind = (typeof AGENT_ENTRY_KINDS)[number];

/** The price an agent pays for one voucher listed at `priceMinor`: ceil(price × (10 000 − bp) / 10 000). */
export function agentUnitPrice(priceMinor: number, discountBp: number): number {
  if (!Number.isSafeInteger(priceMinor) || priceMinor < 0) throw new RangeError('price must be a non-negative integer');
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > MAX_DISCOUNT_BP) throw new RangeError('discount out of range');
  // Exact in integers: price ≤ 1e9 (contract) × 10 000 stays far below 2^53.
  return Math.ceil((priceMinor * (10_000 - discountBp)) / 10_000);
}

/** What the agent pays for vouchers at these list prices: the sum of each voucher's discounted price. */
export function agentTotal(pricesMinor: readonly number[], discountBp: number): number {
  return pricesMinor.reduce((sum, p) => sum + agentUnitPrice(p, discountBp), 0);
}

/**
 * The sign each kind of float entry must have: a top-up adds, a purchase takes, an adjustment either way,
 * a reversal is minus the entry it reverses (checked by the caller, which knows that entry).
 */
export function signAllowed(kind: AgentEntryKind, amountMinor: number): boolean {
  // A zero entry moves nothing (free vouchers write no purchase entry).
  if (!Number.isSafeInteger(amountMinor) || amountMinor === 0) return false;
  if (kind === 'top-up') return amountMinor > 0;
  if (kind === 'purchase') return amountMinor < 0;
  return true;
}

/**
 * The float after appending an entry, or null when it would go below zero: a float is prepaid money, so
 * nothing (a purchase, a negative adjustment, reversing a top-up already spent) may overdraw it.
 */
export function floatAfter(balanceMinor: number, amountMinor: number): number | null {
  const next = balanceMinor + amountMinor;
  if (!Number.isSafeInteger(next)) throw new RangeError('float balance overflow');
  return next < 0 ? null : next;
}
