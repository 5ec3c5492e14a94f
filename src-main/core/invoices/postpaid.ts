import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { notFound } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';

/** The postpaid billing mode lives on the invoice side: a row in postpaid_subscribers = invoiced monthly. */
export async function setPostpaid(scope: TenantScope, input: ParsedInputOf<'invoices.postpaid.set'>): Promise<OutputOf<'invoices.postpaid.set'>> {
  const now = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('subscribers').select(['id', 'accountNumber']).where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!s) throw notFound('subscriber.not-found');
    if (input.postpaid) {
      await trx.insertInto('postpaidSubscribers').values({ subscriberId: s.id, since: now.toISOString() }).onConflict((oc) => oc.doNothing()).execute();
    } else {
      await trx.deleteFrom('postpaidSubscribers').where('subscriberId', '=', s.id).execute();
    }
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'invoice.postpaid-changed', summary: `${s.accountNumber} ${input.postpaid ? 'invoiced monthly (postpaid)' : 'no longer postpaid'}`,
      targetType: 'subscriber', targetId: s.id, details: { postpaid: input.postpaid },
    });
  });
  return { subscriberId: input.subscriberId, postpaid: input.postpaid };
}

export async function readPostpaid(scope: TenantScope, subscriberId: string): Promise<OutputOf<'invoices.postpaid.get'>> {
  const s = await scope.db.selectFrom('subscribers').select('id').where('id', '=', subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!s) throw notFound('subscriber.not-found');
  const row = await scope.db.selectFrom('postpaidSubscribers').select('since').where('subscriberId', '=', subscriberId).executeTakeFirst();
  return { subscriberId, postpaid: row !== undefined, since: row?.since ?? null };
}
