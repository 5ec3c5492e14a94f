import type { OutputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { invoicePdf } from '../documents';
import type { BusinessDetails, InvoiceDoc } from '../documents';
import { getInvoice } from './invoice-repo';

const METHOD_LABELS: Record<string, string> = { mpesa: 'M-Pesa', cash: 'Cash', bank: 'Bank transfer', card: 'Card' };

/** pdfkit embeds PNG and JPEG; a WebP or SVG logo is left off the document rather than failing it. */
function logoBytes(dataUrl: string | null): Uint8Array | null {
  const m = dataUrl?.match(/^data:image\/(png|jpeg);base64,(.+)$/);
  return m ? Buffer.from(m[2]!, 'base64') : null;
}

/** The invoice as the PDF renderer's DTO: totals as stored, business details from the tenant's settings. */
export async function invoiceDocument(scope: TenantScope, invoiceId: string): Promise<InvoiceDoc> {
  const inv = await getInvoice(scope.db, invoiceId);
  const b = await scope.db.selectFrom('businessSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const s = await scope.db.selectFrom('subscribers').select(['fullName', 'accountNumber', 'phones', 'email', 'locationText']).where('id', '=', inv.subscriberId).executeTakeFirstOrThrow();
  const business: BusinessDetails = {
    name: b.legalName || scope.tenant.name, address: b.address || null, phone: b.phone || null, email: b.email || null, taxPin: b.taxId || null, logoPng: logoBytes(b.logoDataUrl),
  };
  const phones = JSON.parse(s.phones) as string[];
  return {
    business, timeZone: scope.tenant.timezone, locale: `en-${scope.tenant.country}`,
    invoiceNumber: inv.number ?? 'DRAFT', issuedAt: inv.issuedAt ?? inv.createdAt, dueAt: inv.dueAt,
    period: inv.periodFrom && inv.periodTo ? { from: inv.periodFrom, to: inv.periodTo } : null,
    status: inv.status,
    billTo: { name: s.fullName, accountNumber: s.accountNumber, address: s.locationText || null, phone: phones[0] ?? null, email: s.email },
    currency: scope.tenant.currency,
    lines: inv.lines,
    vat: { mode: inv.vatRateBasisPoints === 0 ? 'none' : inv.vatMode, rateBasisPoints: inv.vatRateBasisPoints },
    subtotalMinor: inv.subtotalMinor, vatMinor: inv.vatMinor, totalMinor: inv.totalMinor,
    payments: inv.allocations.map((a) => ({ paidAt: a.paidAt, method: METHOD_LABELS[a.provider] ?? a.provider, reference: a.reference, amountMinor: a.amountMinor })),
    paidMinor: inv.paidMinor, balanceDueMinor: inv.balanceDueMinor, notes: inv.notes,
  };
}

/** The invoice PDF in the answer, base64 like a receipt, so one dialog opens, saves and prints both (a few KB). */
export async function invoicePdfBytes(scope: TenantScope, invoiceId: string): Promise<OutputOf<'invoices.pdf'>> {
  const doc = await invoiceDocument(scope, invoiceId);
  const bytes = await invoicePdf(doc);
  return { number: doc.invoiceNumber, fileName: `invoice-${doc.invoiceNumber}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
}
