/**
 * The words printed on receipts and invoices. Core keeps them as data (not i18next, which lives in the
 * renderer) so a caller can pass the tenant's language; English is the default.
 */
export interface DocumentLabels {
  receipt: string;
  receiptNumber: string;
  date: string;
  account: string;
  phone: string;
  email: string;
  pin: string;
  total: string;
  paidBy: string;
  reference: string;
  cashier: string;
  balance: string;
  validUntil: string;
  invoice: string;
  invoiceNumber: string;
  issued: string;
  due: string;
  period: string;
  status: string;
  billTo: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  vatExclusive: string;
  vatInclusive: string;
  paid: string;
  balanceDue: string;
  paymentsReceived: string;
  continued: string;
  page: string;
  of: string;
  statusDraft: string;
  statusIssued: string;
  statusPartiallyPaid: string;
  statusPaid: string;
  statusVoid: string;
}

export const ENGLISH_LABELS: DocumentLabels = {
  receipt: 'RECEIPT',
  receiptNumber: 'Receipt no.',
  date: 'Date',
  account: 'Account',
  phone: 'Phone',
  email: 'Email',
  pin: 'PIN',
  total: 'TOTAL',
  paidBy: 'Paid by',
  reference: 'Reference',
  cashier: 'Cashier',
  balance: 'Wallet balance',
  validUntil: 'Valid until',
  invoice: 'INVOICE',
  invoiceNumber: 'Invoice no.',
  issued: 'Issued',
  due: 'Due',
  period: 'Period',
  status: 'Status',
  billTo: 'Bill to',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  amount: 'Amount',
  subtotal: 'Subtotal',
  vatExclusive: 'VAT {rate}',
  vatInclusive: 'Includes VAT {rate}',
  paid: 'Paid',
  balanceDue: 'Balance due',
  paymentsReceived: 'Payments received',
  continued: 'continued',
  page: 'Page',
  of: 'of',
  statusDraft: 'DRAFT',
  statusIssued: 'ISSUED',
  statusPartiallyPaid: 'PARTIALLY PAID',
  statusPaid: 'PAID',
  statusVoid: 'VOID',
};

export function labelsFor(overrides: Partial<DocumentLabels> | undefined): DocumentLabels {
  return { ...ENGLISH_LABELS, ...overrides };
}
