import { z } from 'zod';
import { channel } from './define';
import { id, instant } from './common';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from './payments';

/** Receipts and exports made in main (README "Money": receipts and CSV export). */
export const RECEIPT_FORMATS = ['a4', '80mm', '58mm'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];
export const CSV_LISTS = ['payments', 'unmatched', 'collections'] as const;

const localDay = z.string({ message: 'Required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const documentsChannels = {
  'payments.receipt.pdf': channel({
    summary: 'The receipt of one payment as a PDF (A4 or an 80 mm / 58 mm thermal roll), with the business details and logo from settings.',
    input: z.strictObject({ paymentId: id, format: z.enum(RECEIPT_FORMATS).default('a4') }),
    output: z.object({ receiptNumber: z.string(), fileName: z.string(), pdfBase64: z.string() }),
    access: 'receipts.print',
    mutates: false,
  }).sample((r) => ({ paymentId: r.payment, format: '80mm' })),
  'payments.export.csv': channel({
    summary: 'A payments list as CSV text for the filters on screen: all payments, the unmatched queue, or a day of collections.',
    input: z.discriminatedUnion('list', [
      z.strictObject({
        list: z.literal('payments'),
        from: instant.optional(),
        to: instant.optional(),
        provider: z.enum(PAYMENT_PROVIDERS).optional(),
        status: z.enum(PAYMENT_STATUSES).optional(),
        staffId: id.optional(),
        subscriberId: id.optional(),
      }),
      z.strictObject({ list: z.literal('unmatched') }),
      z.strictObject({ list: z.literal('collections'), day: localDay }),
    ]),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ list: 'payments' })),
  'payments.callback-urls': channel({
    summary: "The tenant's C2B validation and confirmation paths on `npm run serve` (with their secret part), to register with Safaricom behind a public proxy.",
    input: z.strictObject({}),
    output: z.object({ validationPath: z.string(), confirmationPath: z.string() }),
    access: 'settings.manage',
    // The secret part is made on first use.
    mutates: true,
  }).sample(() => ({})),
} as const;
