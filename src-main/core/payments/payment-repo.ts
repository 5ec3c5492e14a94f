import type { Kysely, Selectable } from 'kysely';
import type { PaymentItem } from '@shared/contract/payments';
import { notFound } from '@shared/domain/errors';
import type { PaymentsTable, TenantDB } from '../db/tenant-schema';
import { mapPage, pageQuery, type Page } from '../paging';

export type PaymentRow = Selectable<PaymentsTable>;

export async function mustFindPayment(db: Kysely<TenantDB>, id: string): Promise<PaymentRow> {
  const row = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('payment.not-found');
  return row;
}

export interface PaymentFilter {
  from?: string | undefined;
  to?: string | undefined;
  provider?: PaymentRow['provider'] | undefined;
  status?: PaymentRow['status'] | undefined;
  staffId?: string | undefined;
  subscriberId?: string | undefined;
}

/** Payments as the contract shows them, with the subscriber's name and account number. */
function base(db: Kysely<TenantDB>, f: PaymentFilter) {
  let q = db.selectFrom('payments').leftJoin('subscribers', 'subscribers.id', 'payments.subscriberId');
  if (f.from) q = q.where('payments.receivedAt', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('payments.receivedAt', '<', new Date(f.to).toISOString());
  if (f.provider) q = q.where('payments.provider', '=', f.provider);
  if (f.status) q = q.where('payments.status', '=', f.status);
  if (f.staffId) q = q.where('payments.recordedById', '=', f.staffId);
  if (f.subscriberId) q = q.where('payments.subscriberId', '=', f.subscriberId);
  return q;
}

type Joined = PaymentRow & { subscriberName: string | null; accountNumber: string | null };

export function toPaymentItem(r: Joined): PaymentItem {
  return {
    id: r.id, provider: r.provider, reference: r.reference, amountMinor: r.amountMinor, paidAt: r.paidAt, receivedAt: r.receivedAt,
    accountRef: r.accountRef, phone: r.phone, payerName: r.payerName, channel: r.channel, status: r.status, subscriberId: r.subscriberId,
    subscriberName: r.subscriberName, accountNumber: r.accountNumber, note: r.note,
    recordedBy: { kind: r.recordedByType, id: r.recordedById, name: r.recordedByName }, decisionReason: r.decisionReason,
  };
}

export async function listPayments(db: Kysely<TenantDB>, f: PaymentFilter, page: { page: number; pageSize: number }, order: 'asc' | 'desc' = 'desc'): Promise<Page<PaymentItem>> {
  const p = await pageQuery(base(db, f), {
    page,
    select: (qb) => qb.selectAll('payments').select(['subscribers.fullName as subscriberName', 'subscribers.accountNumber as accountNumber']),
    sort: [{ by: 'payments.receivedAt', dir: order }, { by: 'payments.id', dir: order }],
  });
  return mapPage(p, (r) => toPaymentItem(r as Joined));
}

export async function getPaymentItem(db: Kysely<TenantDB>, id: string): Promise<PaymentItem> {
  const row = await base(db, {}).selectAll('payments').select(['subscribers.fullName as subscriberName', 'subscribers.accountNumber as accountNumber'])
    .where('payments.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('payment.not-found');
  return toPaymentItem(row as Joined);
}

export async function countUnmatched(db: Kysely<TenantDB>): Promise<number> {
  const r = await db.selectFrom('payments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'unmatched').executeTakeFirstOrThrow();
  return Number(r.n);
}
