/**
 * Invoice arithmetic (README "Invoices"): pure, integer minor units, no I/O. The invoices domain stores what
 * these return and the PDF prints it as is, so screen, file and database never disagree.
 */
export const VAT_MODES = ['exclusive', 'inclusive'] as const;
export type VatMode = (typeof VAT_MODES)[number];

export interface InvoiceLineInput {
  quantity: number;
  unitPriceMinor: number;
}

export interface InvoiceTotals {
  /** Per line: quantity × unit price. */
  lineAmountsMinor: number[];
  /** Net of VAT. */
  subtotalMinor: number;
  vatMinor: number;
  /** What the subscriber owes: subtotal + VAT. */
  totalMinor: number;
}

/** n / d rounded half up, exact for any safe integers (BigInt: n × rate can pass 2^53 on large invoices). */
function divRoundHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/**
 * Exclusive: unit prices are net, VAT = round(subtotal × rate) is added on top.
 * Inclusive: unit prices already hold VAT, VAT = round(total × rate / (1 + rate)) is the part of the total
 * that is tax, and subtotal = total − VAT. A rate of 0 gives VAT 0 in both modes. VAT is rounded once on the
 * invoice (not per line), half up to a whole minor unit, so a total always equals subtotal + VAT exactly.
 */
export function invoiceTotals(lines: readonly InvoiceLineInput[], vat: { mode: VatMode; rateBasisPoints: number }): InvoiceTotals {
  const lineAmountsMinor = lines.map((l) => {
    const a = l.quantity * l.unitPriceMinor;
    if (!Number.isSafeInteger(a) || a < 0) throw new RangeError('line amount must be a non-negative safe integer');
    return a;
  });
  const sum = lineAmountsMinor.reduce((s, a) => s + a, 0);
  if (!Number.isSafeInteger(sum)) throw new RangeError('invoice amount overflow');
  const rate = BigInt(vat.rateBasisPoints);
  if (vat.mode === 'exclusive') {
    const vatMinor = divRoundHalfUp(BigInt(sum) * rate, 10_000n);
    return { lineAmountsMinor, subtotalMinor: sum, vatMinor, totalMinor: sum + vatMinor };
  }
  const vatMinor = divRoundHalfUp(BigInt(sum) * rate, 10_000n + rate);
  return { lineAmountsMinor, subtotalMinor: sum - vatMinor, vatMinor, totalMinor: sum };
}

export interface OpenInvoice {
  id: string;
  /** total − paid, > 0. */
  balanceDueMinor: number;
}

/**
 * A payment spread over a subscriber's open invoices, oldest first (the caller passes them in that order):
 * each takes what it still owes until the money runs out. What no invoice needs is left over (it stays in
 * the wallet as credit).
 */
export function allocateOldestFirst(open: readonly OpenInvoice[], amountMinor: number): { allocations: { invoiceId: string; amountMinor: number }[]; leftoverMinor: number } {
  let left = amountMinor;
  const allocations: { invoiceId: string; amountMinor: number }[] = [];
  for (const inv of open) {
    if (left <= 0) break;
    const take = Math.min(left, inv.balanceDueMinor);
    if (take <= 0) continue;
    allocations.push({ invoiceId: inv.id, amountMinor: take });
    left -= take;
  }
  return { allocations, leftoverMinor: left };
}

export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The status of an issued (not void) invoice from what was paid against it. */
export function paidStatus(totalMinor: number, paidMinor: number): Extract<InvoiceStatus, 'issued' | 'partially_paid' | 'paid'> {
  if (paidMinor >= totalMinor) return 'paid';
  return paidMinor > 0 ? 'partially_paid' : 'issued';
}

/** The printed number: prefix + the sequence, zero-padded to at least 5 digits (INV-00042). */
export function formatInvoiceNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(5, '0')}`;
}
