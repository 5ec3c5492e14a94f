/**
 * A payment's receipt number, derived from its id so it needs no counter table and never changes when the
 * receipt is printed again: `R` + the id's millisecond time in base 36 + `-` + 20 random bits of the id in
 * base 36. Two payments share a number only if made in the same millisecond with the same 20 random bits.
 * Short enough for a 58 mm roll.
 */
export function receiptNumberOf(paymentId: string): string {
  const hex = paymentId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a UUID: ${paymentId}`);
  const millis = Number.parseInt(hex.slice(0, 12), 16);
  // Skip the version nibble (index 12) and take the 5 hex digits of random bits that follow.
  const random = Number.parseInt(hex.slice(13, 18), 16);
  return `R${millis.toString(36).toUpperCase()}-${random.toString(36).toUpperCase().padStart(4, '0')}`;
}
