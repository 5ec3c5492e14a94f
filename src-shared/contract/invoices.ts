import { z } from 'zod';
import { channel } from './define';
import { id, pageInput, pageOutput, plainText } from './common';
import { INVOICE_STATUSES, VAT_MODES } from '../domain/invoice-totals';

/** Invoices (README "Invoices"): amounts are integer minor units of the tenant's currency. */
const MAX_UNIT_PRICE_MINOR = 10_000_000_000;
const localDay = z.string({ message: 'Required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const invoiceLineInput = z.strictObject({
  description: plainText(z.string({ message: 'Required' }).trim().min(1, 'Required').max(200, 'Use at most 200 characters')),
  quantity: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(1, 'At least 1').max(10_000, 'At most 10,000'),
  unitPriceMinor: z.number({ message: 'Must be a number' }).int('Must be a whole number of minor units').min(0, 'Cannot be negative')
    .max(MAX_UNIT_PRICE_MINOR, 'Amount too large'),
});
export type InvoiceLineInputValue = z.infer<typeof invoiceLineInput>;

export const invoiceCreateInput = z.strictObject({
  subscriberId: id,
  lines: z.array(invoiceLineInput).min(1, 'Add at least one line').max(200, 'At most 200 lines'),
  /** Local date in the tenant's zone; default = today + the payment terms. */
  dueDate: localDay.optional(),
  notes: plainText(z.string().trim().max(500, 'Use at most 500 characters'), { multiline: true }).optional(),
});

export const invoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
  subscriberId: z.string(),
  subscriberName: z.string(),
  accountNumber: z.string(),
  periodKey: z.string().nullable(),
  subtotalMinor: z.number().int(),
  vatMinor: z.number().int(),
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  balanceDueMinor: z.number().int(),
  issuedAt: z.string().nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

export const invoiceDetail = invoiceSummary.extend({
  vatMode: z.enum(VAT_MODES),
  vatRateBasisPoints: z.number().int(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  notes: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  lines: z.array(z.object({ description: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int(), amountMinor: z.number().int() })),
  allocations: z.array(z.object({ paymentId: z.string(), reference: z.string(), provider: z.string(), paidAt: z.string(), amountMinor: z.number().int() })),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

export const invoiceSettings = z.object({
  prefix: z.string(),
  nextNumber: z.number().int(),
  vatMode: z.enum(VAT_MODES),
  /** From business settings (Settings → Business): shown here, changed there. */
  vatRateBasisPoints: z.number().int(),
  paymentTermsDays: z.number().int(),
});

const invoiceRef = z.strictObject({ invoiceId: id });

export const invoicesChannels = {
  'invoices.list': channel({
    summary: 'Invoices, newest first, filtered by status and subscriber, searched by number or subscriber.',
    input: pageInput(['createdAt', 'number', 'dueAt', 'totalMinor'], { status: z.enum(INVOICE_STATUSES).optional(), subscriberId: id.optional() }),
    output: pageOutput(invoiceSummary),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'invoices.get': channel({
    summary: 'One invoice with its lines and the payments allocated to it.',
    input: invoiceRef,
    output: invoiceDetail,
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ invoiceId: r.invoice })),
  'invoices.create': channel({
    summary: 'A draft invoice (no number yet) for a subscriber; totals and VAT from the tenant settings.',
    input: invoiceCreateInput,
    output: invoiceDetail,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, lines: [{ description: 'Installation', quantity: 1, unitPriceMinor: 250000 }] })),
  'invoices.issue': channel({
    summary: 'Issues a draft: takes the next number (gapless), audited.',
    input: invoiceRef,
    output: invoiceDetail,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ invoiceId: r.invoice })),
  'invoices.void': channel({
    summary: 'Voids an invoice with a reason; an issued one keeps its number. Refused once payments are allocated.',
    input: z.strictObject({ invoiceId: id, reason: plainText(z.string({ message: 'Required' }).trim().min(3, 'Enter at least 3 characters').max(300, 'Use at most 300 characters')) }),
    output: invoiceDetail,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ invoiceId: r.invoice, reason: 'raised in error' })),
  'invoices.pdf': channel({
    // Bytes in the answer, like payments.receipt.pdf: one PDF dialog opens, saves and prints both.
    summary: 'The invoice as an A4 PDF with the business details from settings (base64, a few KB).',
    input: invoiceRef,
    output: z.object({ number: z.string(), fileName: z.string(), pdfBase64: z.string() }),
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ invoiceId: r.invoice })),
  'invoices.settings.get': channel({
    summary: 'Invoice numbering prefix, next number, VAT mode and payment terms.',
    input: z.strictObject({}),
    output: invoiceSettings,
    // Cashiers see it too: the draft form previews VAT with it.
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({})),
  'invoices.settings.update': channel({
    summary: 'Changes the prefix, VAT mode or payment terms (the next number is never set by hand), audited.',
    input: z.strictObject({
      prefix: plainText(z.string({ message: 'Required' }).trim().max(12, 'Use at most 12 characters')).refine((v) => /^[A-Za-z0-9/_-]*$/.test(v), 'Use letters, digits, - / _'),
      vatMode: z.enum(VAT_MODES),
      paymentTermsDays: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0, 'Cannot be negative').max(365, 'At most 365'),
    }),
    output: invoiceSettings,
    access: 'settings.manage',
    mutates: true,
  }).sample(() => ({ prefix: 'INV-', vatMode: 'exclusive', paymentTermsDays: 14 })),
  'invoices.export.csv': channel({
    summary: 'The invoices list as CSV text for the filters on screen (status, subscriber, search), every row, not the page shown.',
    input: z.strictObject({ status: z.enum(INVOICE_STATUSES).optional(), subscriberId: id.optional(), q: z.string().trim().max(200).optional() }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ status: 'issued' })),
  'invoices.postpaid.get': channel({
    summary: 'Whether a subscriber is on monthly postpaid invoicing, and since when.',
    input: z.strictObject({ subscriberId: id }),
    output: z.object({ subscriberId: z.string(), postpaid: z.boolean(), since: z.string().nullable() }),
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'invoices.postpaid.set': channel({
    summary: 'Puts a subscriber on (or off) monthly postpaid invoicing, audited.',
    input: z.strictObject({ subscriberId: id, postpaid: z.boolean() }),
    output: z.object({ subscriberId: z.string(), postpaid: z.boolean() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, postpaid: true })),
};
