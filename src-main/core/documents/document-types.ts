/**
 * What the PDF renderers take: plain data the payments and invoices domains already hold (DTO in, PDF
 * bytes out). Amounts are integer minor units; instants are UTC ISO text shown in `timeZone`/`locale`.
 * The renderers add no business rule: totals, VAT and balances arrive computed by their owners.
 */
import type { DocumentLabels } from './labels';

export interface BusinessDetails {
  name: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  /** KRA PIN (or the tenant's tax id), printed as "PIN". */
  taxPin?: string | null;
  /** The tenant's logo from settings; PNG or JPEG bytes. */
  logoPng?: Uint8Array | null;
}

/** How instants and numbers are shown: the tenant's IANA zone and a BCP 47 locale (e.g. 'en-KE'). */
export interface DisplayOptions {
  timeZone: string;
  locale: string;
  /** Words printed on the document; English unless the caller passes its own. */
  labels?: Partial<DocumentLabels>;
}

export type ReceiptLayout = 'a4' | 'roll80' | 'roll58';

export interface ReceiptLine {
  description: string;
  amountMinor: number;
}

export interface ReceiptDoc extends DisplayOptions {
  business: BusinessDetails;
  receiptNumber: string;
  /** When the payment was received (UTC ISO). */
  issuedAt: string;
  subscriber: { name: string; accountNumber: string; phone?: string | null };
  lines: readonly ReceiptLine[];
  totalMinor: number;
  currency: string;
  /** How it was paid, as the staff see it ('M-Pesa', 'Cash', …). */
  method: string;
  /** The provider's receipt code (M-Pesa TransID) or the manual reference. */
  reference: string;
  cashier?: string | null;
  /** Wallet balance after this payment; negative = owes. */
  balanceAfterMinor?: number | null;
  /** The subscription's expiry after the renewal this payment bought (UTC ISO). */
  newExpiry?: string | null;
  footer?: string | null;
}

export type InvoiceStatus = 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

export interface InvoicePaymentLine {
  paidAt: string;
  method: string;
  reference: string;
  amountMinor: number;
}

export interface InvoiceDoc extends DisplayOptions {
  business: BusinessDetails;
  invoiceNumber: string;
  issuedAt: string;
  dueAt: string;
  /** Optional service period the invoice covers (UTC ISO instants). */
  period?: { from: string; to: string } | null;
  status: InvoiceStatus;
  billTo: {
    name: string;
    accountNumber?: string | null;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
    taxPin?: string | null;
  };
  currency: string;
  lines: readonly InvoiceLine[];
  /**
   * VAT as the tenant's settings say: 'exclusive' adds it on top of the subtotal, 'inclusive' shows the
   * part of the total that is VAT, 'none' prints no VAT line.
   */
  vat: { mode: 'inclusive' | 'exclusive' | 'none'; rateBasisPoints: number };
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
  payments: readonly InvoicePaymentLine[];
  paidMinor: number;
  balanceDueMinor: number;
  notes?: string | null;
}
