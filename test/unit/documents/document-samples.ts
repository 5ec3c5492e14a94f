/** Receipts and invoices as the payments domain would hand them over, for the document tests and bench. */
import type { InvoiceDoc, ReceiptDoc } from '../../../src-main/core/documents';
import { solidPng } from '../../fixtures/solid-png';

export const LOGO_RED: readonly [number, number, number] = [200, 20, 20];

export function sampleReceipt(over: Partial<ReceiptDoc> = {}): ReceiptDoc {
  return {
    business: {
      name: 'Kilimani Fibre Ltd',
      address: 'Ngong Road, Nairobi',
      phone: '+254 712 345 678',
      email: 'billing@kilimani.example',
      taxPin: 'P051234567X',
      logoPng: solidPng(120, 40, LOGO_RED),
    },
    receiptNumber: 'RCT-000123',
    // 13:10 UTC is 16:10 in Nairobi (UTC+3, no DST).
    issuedAt: '2026-12-03T13:10:00.000Z',
    timeZone: 'Africa/Nairobi',
    locale: 'en-KE',
    subscriber: { name: 'Wanjiru Kamau', accountNumber: 'ACC1001', phone: '+254722000111' },
    lines: [
      { description: 'Home 10 Mbps - 1 month', amountMinor: 250_000 },
      { description: 'Installation fee', amountMinor: 150_000 },
    ],
    totalMinor: 400_000,
    currency: 'KES',
    method: 'M-Pesa',
    reference: 'SLK4H7Q2XB',
    cashier: 'Grace Otieno',
    balanceAfterMinor: 5_000,
    newExpiry: '2027-01-03T13:10:00.000Z',
    footer: 'Thank you for staying connected.',
    ...over,
  };
}

export function manyReceiptLines(count: number): ReceiptDoc['lines'] {
  return Array.from({ length: count }, (_, i) => ({ description: `Voucher batch item ${i + 1}`, amountMinor: 10_000 + i }));
}

export function sampleInvoice(over: Partial<InvoiceDoc> = {}): InvoiceDoc {
  const lines = Array.from({ length: 3 }, (_, i) => ({ description: `Item ${i + 1}`, quantity: 1, unitPriceMinor: 100_000, amountMinor: 100_000 }));
  return {
    business: { name: 'Kilimani Fibre Ltd', address: 'Ngong Road, Nairobi', taxPin: 'P051234567X', logoPng: solidPng(150, 50, LOGO_RED) },
    invoiceNumber: 'INV-2026-0042',
    issuedAt: '2026-12-01T06:00:00.000Z',
    dueAt: '2026-12-15T06:00:00.000Z',
    period: { from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
    status: 'partially_paid',
    timeZone: 'Africa/Nairobi',
    locale: 'en-KE',
    billTo: { name: 'Acme Cyber Cafe', accountNumber: 'ACC2002', address: 'Moi Avenue, Nairobi', phone: '+254722000222' },
    currency: 'KES',
    lines,
    vat: { mode: 'exclusive', rateBasisPoints: 1600 },
    subtotalMinor: 300_000,
    vatMinor: 48_000,
    totalMinor: 348_000,
    payments: [{ paidAt: '2026-12-05T09:00:00.000Z', method: 'M-Pesa', reference: 'SLK4H7Q2XB', amountMinor: 200_000 }],
    paidMinor: 200_000,
    balanceDueMinor: 148_000,
    notes: 'Pay to Paybill 123456, account ACC2002.',
    ...over,
  };
}
