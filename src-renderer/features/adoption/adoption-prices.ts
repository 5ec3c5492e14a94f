import { parseAmount } from '@shared/domain/money';

/** The contract's upper bound on a package price (adoption.apply `prices`). */
const MAX_PRICE_MINOR = 1_000_000_000;

/** Price texts typed per profile → the `prices` of adoption.apply, or the profiles whose text is not an amount. */
export function adoptionPrices(
  texts: Readonly<Record<string, string>>,
  currency: string,
): { prices: { profile: string; priceMinor: number }[]; invalid: string[] } {
  const prices: { profile: string; priceMinor: number }[] = [];
  const invalid: string[] = [];
  for (const [profile, text] of Object.entries(texts)) {
    // An empty box means "fill in later": main creates the package at 0.
    if (text.trim() === '') continue;
    const priceMinor = parseAmount(text, currency);
    if (priceMinor === null || priceMinor < 0 || priceMinor > MAX_PRICE_MINOR) invalid.push(profile);
    else prices.push({ profile, priceMinor });
  }
  return { prices, invalid };
}
