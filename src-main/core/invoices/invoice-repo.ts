import { sql, type Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { InvoiceDetail, InvoiceSummary } from '@shared/contract/invoices';
import { notFound } from '@shared/domain/errors';
import type { TenantDB } from '../db/tenant-schema';
import { containsText } from '../db/query-helpers';
import { mapPage, pageQuery } from '../paging';

function baseQuery(db: Kysely<TenantDB>) {
  return db.selectFrom('invoices').innerJoin('subscribers', 'subscribers.id', 'invoices.subscriberId');
}

const summaryColumns = [
  'invoices.id', 'invoices.number', 'invoices.status', 'invoices.subscriberId', 'subscribers.fullName as subscriberName', 'subscribers.accountNumber',
  'invoices.periodKey', 'invoices.subtotalMinor', 'invoices.vatMinor', 'invoices.totalMinor', 'invoices.paidMinor', 'invoices.issuedAt', 'invoices.dueAt',
  'invoices.createdAt', 'invoices.seq',
] as const;

type SummaryRow = Omit<InvoiceSummary, 'balanceDueMinor'> & { seq: number | null };

function toSummary({ seq: _seq, ...r }: SummaryRow): InvoiceSummary {
  return { ...r, balanceDueMinor: r.status === 'void' || r.status === 'draft' ? 0 : r.totalMinor - r.paidMinor };
}

export async function listInvoices(db: Kysely<TenantDB>, q: ParsedInputOf<'invoices.list'>): Promise<OutputOf<'invoices.list'>> {
  let base = baseQuery(db);
  if (q.status) base = base.where('invoices.status', '=', q.status);
  if (q.subscriberId) base = base.where('invoices.subscriberId', '=', q.subscriberId);
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) => eb.or([containsText('invoices.number', needle), containsText('subscribers.fullName', needle), containsText('subscribers.accountNumber', needle)]));
  }
  const sort = q.sort ?? { field: 'createdAt', dir: 'desc' as const };
  const by = { createdAt: 'invoices.createdAt', number: 'invoices.seq', dueAt: 'invoices.dueAt', totalMinor: 'invoices.totalMinor' } as const;
  const page = await pageQuery(base, {
    page: q, select: (qb) => qb.select(summaryColumns),
    sort: [{ by: by[sort.field], dir: sort.dir }, { by: 'invoices.id', dir: sort.dir }],
  });
  return mapPage(page, toSummary);
}

export async function getInvoice(db: Kysely<TenantDB>, invoiceId: string): Promise<InvoiceDetail> {
  const r = await baseQuery(db).select([...summaryColumns, 'invoices.vatMode', 'invoices.vatRateBasisPoints', 'invoices.periodFrom', 'invoices.periodTo',
    'invoices.notes', 'invoices.voidedAt', 'invoices.voidReason']).where('invoices.id', '=', invoiceId).executeTakeFirst();
  if (!r) throw notFound('invoice.not-found');
  const lines = await db.selectFrom('invoiceLines').select(['description', 'quantity', 'unitPriceMinor', 'amountMinor']).where('invoiceId', '=', invoiceId).orderBy('position').execute();
  const allocations = await db.selectFrom('invoiceAllocations').innerJoin('payments', 'payments.id', 'invoiceAllocations.paymentId')
    .select(['invoiceAllocations.paymentId', 'payments.reference', 'payments.provider', 'payments.paidAt', 'invoiceAllocations.amountMinor'])
    .where('invoiceAllocations.invoiceId', '=', invoiceId).orderBy(sql`invoice_allocations.rowid`).execute();
  return { ...toSummary(r), vatMode: r.vatMode, vatRateBasisPoints: r.vatRateBasisPoints, periodFrom: r.periodFrom, periodTo: r.periodTo,
    notes: r.notes, voidedAt: r.voidedAt, voidReason: r.voidReason, lines, allocations };
}
