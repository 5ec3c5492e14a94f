import type { InputOf } from '@shared/contract';
import type { InvoiceSummary } from '@shared/contract/invoices';
import { invoiceTotals, type InvoiceTotals, type VatMode } from '@shared/domain/invoice-totals';
import { parseAmount } from '@shared/domain/money';

/** The create-draft form: amounts as typed ("1,500.50"), quantities as text, turned into minor units on submit. */
export interface InvoiceLineValues {
  description: string;
  quantity: string;
  price: string;
}

export interface InvoiceFormValues {
  subscriberId: string | null;
  /** YYYY-MM-DD in the ISP's zone, or '' for the default payment terms. */
  dueDate: string;
  notes: string;
  lines: InvoiceLineValues[];
}

export const emptyLine: InvoiceLineValues = { description: '', quantity: '1', price: '' };
export const emptyInvoiceForm: InvoiceFormValues = { subscriberId: null, dueDate: '', notes: '', lines: [{ ...emptyLine }] };

export type InvoiceFormProblem = { path: `lines.${number}.quantity` | `lines.${number}.price` | 'subscriberId'; key: 'quantityInvalid' | 'priceInvalid' | 'subscriberRequired' };

function lineNumbers(l: InvoiceLineValues, currency: string): { quantity: number | null; unitPriceMinor: number | null } {
  const q = l.quantity.trim();
  const quantity = /^\d+$/.test(q) && Number(q) >= 1 && Number(q) <= 10_000 ? Number(q) : null;
  const minor = parseAmount(l.price, currency);
  return { quantity, unitPriceMinor: minor !== null && minor >= 0 ? minor : null };
}

/**
 * The channel input from the form, or the fields a person must fix first. Descriptions and the rest are
 * checked by the contract (main's field errors land on the same `lines.N.x` paths).
 */
export function toInvoiceInput(v: InvoiceFormValues, currency: string): { input: InputOf<'invoices.create'> } | { problems: InvoiceFormProblem[] } {
  const problems: InvoiceFormProblem[] = [];
  if (!v.subscriberId) problems.push({ path: 'subscriberId', key: 'subscriberRequired' });
  const lines = v.lines.map((l, i) => {
    const n = lineNumbers(l, currency);
    if (n.quantity === null) problems.push({ path: `lines.${i}.quantity`, key: 'quantityInvalid' });
    if (n.unitPriceMinor === null) problems.push({ path: `lines.${i}.price`, key: 'priceInvalid' });
    return { description: l.description, quantity: n.quantity ?? 0, unitPriceMinor: n.unitPriceMinor ?? 0 };
  });
  if (problems.length > 0) return { problems };
  return {
    input: {
      subscriberId: v.subscriberId!, lines,
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    },
  };
}

/** Totals shown under the lines while typing, with the same rule main applies; lines not yet valid count as 0. */
export function previewTotals(lines: readonly InvoiceLineValues[], currency: string, vat: { mode: VatMode; rateBasisPoints: number }): InvoiceTotals {
  return invoiceTotals(lines.map((l) => {
    const n = lineNumbers(l, currency);
    return { quantity: n.quantity ?? 0, unitPriceMinor: n.unitPriceMinor ?? 0 };
  }), vat);
}

export type InvoiceAction = 'issue' | 'void' | 'pdf';

/** What a row offers: issue only drafts, void anything not void with no money against it, a PDF for all. */
export function invoiceActions(inv: Pick<InvoiceSummary, 'status' | 'paidMinor'>, canCollect: boolean): InvoiceAction[] {
  const out: InvoiceAction[] = [];
  if (canCollect && inv.status === 'draft') out.push('issue');
  if (canCollect && inv.status !== 'void' && inv.paidMinor === 0) out.push('void');
  out.push('pdf');
  return out;
}
