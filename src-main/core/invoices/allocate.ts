import type { Kysely } from 'kysely';
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { allocateOldestFirst, paidStatus } from '@shared/domain/invoice-totals';
import type { TenantDB } from '../db/tenant-schema';
import type { PaymentAppliedHook } from '../payments/applied-hooks';
import { walletHead } from '../payments/ledger';

// A statement import credits thousands of payments in one transaction, most to subscribers with no open
// invoice: who has any is read once per transaction. Nothing issues an invoice inside a payments transaction,
// so the set cannot miss one; a subscriber whose invoices got paid meanwhile just takes the full query.
const openBySubscriber = new WeakMap<Kysely<TenantDB>, Promise<Set<string>>>();

function subscribersWithOpenInvoices(trx: Kysely<TenantDB>): Promise<Set<string>> {
  let found = openBySubscriber.get(trx);
  if (!found) {
    found = trx.selectFrom('invoices').select('subscriberId').distinct().where('status', 'in', ['issued', 'partially_paid']).execute()
      .then((rows) => new Set(rows.map((r) => r.subscriberId)));
    openBySubscriber.set(trx, found);
  }
  return found;
}

/**
 * Registered into the payments runtime at start: a payment credited to a subscriber is put against that
 * subscriber's open invoices (issued / partially paid), oldest number first, in the SAME transaction as the
 * credit — so allocation and ledger can never disagree, and a payment delivered twice (refused by the
 * payments inbox) is never allocated twice (UNIQUE(invoice_id, payment_id) as a second guard). Money no
 * invoice needs stays in the wallet as credit; an invoice issued later takes it (allocateWalletCredit).
 */
export const allocatePaymentToInvoices: PaymentAppliedHook = async (trx: Kysely<TenantDB>, _scope, p) => {
  if (!(await subscribersWithOpenInvoices(trx)).has(p.subscriberId)) return;
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

/**
 * Credit already in the wallet pays a newly issued invoice (called in the issuing transaction). Allocations
 * always name a payment, so the credit is taken from the subscriber's credited payments that invoices have
 * not used up yet (amount − what earlier allocations took), oldest credit first. It is capped by the wallet
 * balance: money the wallet already spent (renewal debits, manual debits, a reversal) is not counted again.
 * A payment whose credit was reversed counts for nothing. Like payment-time allocation this writes no
 * ledger entry: the invoice records which money settled it; the wallet keeps the money.
 */
export async function allocateWalletCredit(trx: Kysely<TenantDB>, invoiceId: string, now: Date): Promise<number> {
  const inv = await trx.selectFrom('invoices').select(['subscriberId', 'totalMinor', 'paidMinor', 'status']).where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const due = inv.totalMinor - inv.paidMinor;
  if (due <= 0 || (inv.status !== 'issued' && inv.status !== 'partially_paid')) return 0;
  const { balanceMinor } = await walletHead(trx, inv.subscriberId);
  if (balanceMinor <= 0) return 0;
  const credits = await trx.selectFrom('ledgerEntries as c')
    .select((eb) => ['c.paymentId', 'c.amountMinor',
      eb.selectFrom('invoiceAllocations as a').select((e) => e.fn.coalesce(e.fn.sum<number>('a.amountMinor'), e.lit(0)).as('s')).whereRef('a.paymentId', '=', 'c.paymentId').as('allocatedMinor')])
    .where('c.subscriberId', '=', inv.subscriberId).where('c.kind', '=', 'credit').where('c.paymentId', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('ledgerEntries as r').select('r.id').where('r.kind', '=', 'reversal').whereRef('r.reversesEntryId', '=', 'c.id'))))
    .orderBy('c.seq', 'asc').execute();
  let left = Math.min(due, balanceMinor);
  let paid = inv.paidMinor;
  for (const c of credits) {
    if (left <= 0) break;
    const take = Math.min(left, c.amountMinor - Number(c.allocatedMinor ?? 0));
    if (take <= 0) continue;
    await trx.insertInto('invoiceAllocations').values({ id: uuidv7(now.getTime()), invoiceId, paymentId: c.paymentId!, amountMinor: take, createdAt: now.toISOString() }).execute();
    paid += take;
    left -= take;
  }
  if (paid !== inv.paidMinor) await trx.updateTable('invoices').set({ paidMinor: paid, status: paidStatus(inv.totalMinor, paid) }).where('id', '=', invoiceId).execute();
  return paid - inv.paidMinor;
}

/**
 * The rule for reversing a payment's credit (README "Invoices"): refused while the payment is allocated to an
 * invoice, naming them — undoing allocations silently would turn paid invoices back into debts nobody was told
 * about. Meant for a before-reverse hook in payments (wallet.reverse), which payments does not offer yet.
 */
export async function refuseReversalWhileAllocated(trx: Kysely<TenantDB>, paymentId: string): Promise<void> {
  const rows = await trx.selectFrom('invoiceAllocations').innerJoin('invoices', 'invoices.id', 'invoiceAllocations.invoiceId')
    .select('invoices.number').where('invoiceAllocations.paymentId', '=', paymentId).orderBy('invoices.seq').execute();
  if (rows.length > 0) throw new AppError('CONFLICT', 'invoice.payment-allocated', { params: { numbers: rows.map((r) => r.number ?? '').join(', ') } });
}
