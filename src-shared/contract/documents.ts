import { z } from 'zod';
import { channel } from './define';
import { id, instant } from './common';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from './payments';
import { VOUCHER_LAYOUTS } from '../domain/voucher-print';

/** At most this many vouchers in one PDF: the largest batch. */
export const MAX_VOUCHERS_PER_PDF = 10_000;

/** Which vouchers to print (or reprint): a batch, those generated in a time range, or codes typed in. Revoked ones never print. */
export const voucherPrintSelection = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('batch'), batchId: id }),
  z.strictObject({ by: z.literal('dates'), from: instant, to: instant, planId: id.optional() })
    .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: 'Must be after the start', path: ['to'] }),
  z.strictObject({
    by: z.literal('codes'),
    codes: z.array(z.string().trim().min(1, 'Required').max(40, 'Use at most 40 characters')).min(1, 'Enter at least one code').max(500, 'At most 500 codes'),
  }),
]);
export type VoucherPrintSelection = z.infer<typeof voucherPrintSelection>;

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
  'hotspot.vouchers.pdf': channel({
    summary: 'Vouchers as a PDF to print or reprint (a batch, a time range, or codes) in a built-in layout: A4 grids or 80 / 58 mm rolls, with the QR login code. Who printed what is audited.',
    input: z.strictObject({ select: voucherPrintSelection, layout: z.enum(VOUCHER_LAYOUTS).default('a4-4x10') }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), count: z.number().int() }),
    access: 'vouchers.sell',
    // Writes the audit row of the print.
    mutates: true,
  }).sample((r) => ({ select: { by: 'batch', batchId: r.voucherBatch }, layout: 'roll80' })),
} as const;
