import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { PaymentItem } from '@shared/contract/payments';
import { AppError, notFound } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { kickRouters } from '../subscribers/renew';
import { applyPayment } from './apply';
import { countUnmatched, getPaymentItem, mustFindPayment } from './payment-repo';
import { notifyUnmatchedChanged } from './pipeline';

/**
 * Staff decisions on the unmatched queue. The payment's status is re-read inside the transaction (the
 * tenant file has one writer at a time), so two staff deciding the same payment cannot both win: the second
 * gets payment.not-unmatched.
 */
export async function assignPayment(scope: TenantScope, input: ParsedInputOf<'payments.unmatched.assign'>): Promise<OutputOf<'payments.unmatched.assign'>> {
  const now = scope.core.clock.now();
  let routers: string[] = [];
  const r = await scope.db.transaction().execute(async (trx) => {
    const p = await mustFindPayment(trx, input.paymentId);
    if (p.status !== 'unmatched') throw new AppError('CONFLICT', 'payment.not-unmatched', { params: { status: p.status } });
    const s = await trx.selectFrom('subscribers').select(['id', 'accountNumber']).where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!s) throw notFound('subscriber.not-found');
    const renewal = await applyPayment(trx, scope, p, s.id, now);
    routers = renewal.routers;
    await trx.updateTable('payments').set({ decidedAt: now.toISOString(), decidedById: scope.actor.id }).where('id', '=', p.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'payment.assigned', summary: `Unmatched payment ${p.reference} assigned to ${s.accountNumber}; ${renewal.periods} period(s) bought`,
      targetType: 'payment', targetId: p.id, details: { subscriberId: s.id, amountMinor: p.amountMinor, periods: renewal.periods, balanceMinor: renewal.balanceMinor },
    });
    return renewal;
  });
  kickRouters(scope, routers);
  await notifyUnmatchedChanged(scope);
  return { payment: await getPaymentItem(scope.db, input.paymentId), balanceMinor: r.balanceMinor, periods: r.periods, expiresAt: r.expiresAt };
}

export async function setAsidePayment(scope: TenantScope, input: ParsedInputOf<'payments.unmatched.set-aside'>): Promise<PaymentItem> {
  const now = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    const p = await mustFindPayment(trx, input.paymentId);
    if (p.status !== 'unmatched') throw new AppError('CONFLICT', 'payment.not-unmatched', { params: { status: p.status } });
    await trx.updateTable('payments').set({ status: 'set-aside', decidedAt: now.toISOString(), decidedById: scope.actor.id, decisionReason: input.reason })
      .where('id', '=', p.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'payment.set-aside', summary: `Unmatched payment ${p.reference} set aside: ${input.reason}`,
      targetType: 'payment', targetId: p.id, details: { amountMinor: p.amountMinor, reason: input.reason },
    });
  });
  await notifyUnmatchedChanged(scope);
  return getPaymentItem(scope.db, input.paymentId);
}

export async function unmatchedCount(scope: TenantScope): Promise<{ count: number }> {
  return { count: await countUnmatched(scope.db) };
}
