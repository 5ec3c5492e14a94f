import { z } from 'zod';
import { channel } from './define';
import { id, instant, pageInput, pageOutput, plainText } from './common';
import { isDnsName, VOUCHER_LAYOUTS } from '../domain/voucher-print';
import { TEMPLATE_PROBLEMS } from '../domain/voucher-template';

/** Editable voucher templates (issue 11 §3): stored, checked, previewed on real vouchers and printed as PDF. */
const templateName = plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(60, 'Use at most 60 characters'));
/** The card's HTML; what it may contain is checked by the service (field `html`), not here. */
const templateHtml = z.string({ message: 'Required' }).max(20_000, 'Use at most 20,000 characters');
const dnsName = z.string({ message: 'Required' }).trim().toLowerCase().refine(isDnsName, 'Enter a host name, e.g. wifi.example.net');
const layout = z.enum(VOUCHER_LAYOUTS);

export const voucherTemplate = z.object({
  id,
  name: z.string(),
  html: z.string(),
  layout,
  dnsName: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type VoucherTemplate = z.infer<typeof voucherTemplate>;

export const templateIssue = z.object({ problem: z.enum(TEMPLATE_PROBLEMS), detail: z.string() });

const templateFields = { name: templateName, html: templateHtml, layout: layout.default('a4-3x8'), dnsName };

export const voucherTemplatesChannels = {
  'hotspot.templates.list': channel({
    summary: 'Editable voucher templates, by name.',
    input: pageInput(['name', 'updatedAt'], {}),
    output: pageOutput(voucherTemplate),
    access: 'vouchers.sell',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'hotspot.templates.get': channel({
    summary: 'One voucher template with its HTML.',
    input: z.strictObject({ templateId: id }),
    output: voucherTemplate,
    access: 'vouchers.sell',
    mutates: false,
  }).sample((r) => ({ templateId: r.voucherTemplate })),
  'hotspot.templates.create': channel({
    summary: 'Save a new voucher template; HTML with a script, an event handler, an outside URL, CSS off the allow-list or an unknown variable is refused (field `html`).',
    input: z.strictObject(templateFields),
    output: voucherTemplate,
    access: 'subscribers.manage',
    mutates: true,
  }).sample(() => ({ name: 'Sample card', html: '<div style="font-weight: bold">{{code}}</div><div style="width: 50pt">{{qr}}</div>', dnsName: 'wifi.sample.net' })),
  'hotspot.templates.update': channel({
    summary: 'Change a voucher template; checked like a new one.',
    input: z.strictObject({ templateId: id, name: templateName.optional(), html: templateHtml.optional(), layout: layout.optional(), dnsName: dnsName.optional() }),
    output: voucherTemplate,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ templateId: r.voucherTemplate, name: 'Sample card renamed' })),
  'hotspot.templates.delete': channel({
    summary: 'Delete a voucher template (built-in layouts are not templates and stay).',
    input: z.strictObject({ templateId: id }),
    output: z.object({ deleted: z.literal(true) }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ templateId: r.voucherTemplate })),
  'hotspot.templates.preview': channel({
    summary: 'The unsaved HTML checked and sanitised, filled with the first vouchers of a batch (the newest when none is named): a whole document for a sandboxed iframe.',
    input: z.strictObject({ html: templateHtml, layout, dnsName: z.string().max(253), batchId: id.optional(), count: z.number().int().min(1).max(12).default(4) }),
    output: z.object({
      issues: z.array(templateIssue),
      /** The sandboxed document (no script can run in it: the frame has `sandbox=""`); '' when issues. */
      document: z.string(),
      /** The batch whose vouchers fill it, or null when sample values are used (no batch yet). */
      batch: z.object({ id, comment: z.string() }).nullable(),
    }),
    access: 'vouchers.sell',
    mutates: false,
  }).sample((r) => ({ html: '<b>{{code}}</b>', layout: 'roll80', dnsName: 'wifi.sample.net', batchId: r.voucherBatch })),
  'hotspot.templates.pdf': channel({
    summary: 'The vouchers of a batch printed with a saved template as a PDF (the same PDF path as receipts); revoked vouchers are left out.',
    input: z.strictObject({ templateId: id, batchId: id, layout: layout.optional() }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), count: z.number().int() }),
    access: 'vouchers.sell',
    mutates: false,
  }).sample((r) => ({ templateId: r.voucherTemplate, batchId: r.voucherBatch })),
} as const;
