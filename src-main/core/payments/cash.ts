import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantScope } from '../context';
import { getPaymentItem } from './payment-repo';
import { ingestDetailed } from './pipeline';

/**
 * Cash, bank transfer or card taken at the desk for a known subscriber: the same pipeline as M-Pesa (one
 * inbox row, credit, renewal, reconnect), recorded under the cashier's name for the day's collections. Without
 * a reference one is generated (CASH-…), so the same desk entry cannot be applied twice by a retry that
 * carries the reference.
 */
export async function recordCash(scope: TenantScope, input: ParsedInputOf<'payments.cash.record'>): Promise<OutputOf<'payments.cash.record'>> {
  const s = await scope.db.selectFrom('subscribers').select('id').where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!s) throw notFound('subscriber.not-found');
  const now = scope.core.clock.now();
  const reference = input.reference ?? `${input.method.toUpperCase()}-${uuidv7(now.getTime())}`;
  const [o] = await ingestDetailed(scope, [{
    provider: input.method, reference, amountMinor: input.amountMinor, paidAt: now.toISOString(), accountRef: null, phone: null, phoneHash: null,
    payerName: null, channel: input.method === 'cash' ? 'cash' : 'manual', subscriberId: s.id, note: input.note,
  }]);
  if (!o || o.status === 'duplicate') throw new AppError('CONFLICT', 'payment.duplicate', { params: { reference } });
  if (o.status !== 'applied' || !o.renewal) throw notFound('subscriber.not-found');
  return { payment: await getPaymentItem(scope.db, o.paymentId), balanceMinor: o.renewal.balanceMinor, periods: o.renewal.periods, expiresAt: o.renewal.expiresAt };
}
