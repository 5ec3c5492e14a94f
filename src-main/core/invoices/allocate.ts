import type { Kysely } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import { allocateOldestFirst, paidStatus } from '@shared/domain/invoice-totals';
import type { TenantDB } from '../db/tenant-schema';
import type { PaymentAppliedHook } from '../payments/applied-hooks';

/**
 * Registered into the payments runtime at start: a payment credited to a subscriber is put against that
 * subscriber's open invoices (issued / partially paid), oldest number first, in the SAME transaction as the
 * credit — so allocation and ledger can never disagree, and a payment delivered twice (refused by the
 * payments inbox) is never allocated twice (UNIQUE(invoice_id, payment_id) as a second guard). Money no
 * invoice needs stays in the wallet as credit; an invoice issued later does not take earlier credit.
 */
export const allocatePaymentToInvoices: PaymentAppliedHook = async (trx: Kysely<TenantDB>, _scope, p) => {
  const open = await trx.selectFrom('invoices').select(['id', 'totalMinor', 'paidMinor']).where('subscriberId', '=', p.subscriberId)
    .where('status', 'in', ['issued', 'partially_paid']).orderBy('seq', 'asc').execute();
  if (open.length === 0) return;
  const { allocations } = allocateOldestFirst(open.map((i) => ({ id: i.id, balanceDueMinor: i.totalMinor - i.paidMinor })), p.amountMinor);
  for (const a of allocations) {
    const inv = open.find((i) => i.id === a.invoiceId)!;
    const paidMinor = inv.paidMinor + a.amountMinor;
    await trx.insertInto('invoiceAllocations').values({ id: uuidv7(p.now.getTime()), invoiceId: a.invoiceId, paymentId: p.paymentId, amountMinor: a.amountMinor, createdAt: p.now.toISOString() }).execute();
    await trx.updateTable('invoices').set({ paidMinor, status: paidStatus(inv.totalMinor, paidMinor) }).where('id', '=', a.invoiceId).execute();
  }
};
