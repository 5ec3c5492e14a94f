import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { notFound } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { appendEntries } from './ledger';
import { toEntry } from './wallet';

/**
 * An installation fee (README "Renewal rule"): a one-off `debit` entry with a reason, source
 * `installation-fee`. It may take the balance below zero; because the renewal rule buys periods from the
 * BALANCE, the next payments cover the fee first and only then buy periods. Charging it does not change the
 * expiry or the router.
 */
export async function chargeInstallationFee(scope: TenantScope, input: ParsedInputOf<'wallet.installation-fee'>): Promise<OutputOf<'wallet.installation-fee'>> {
  const now = scope.core.clock.now();
  return scope.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('subscribers').select(['id', 'accountNumber']).where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!s) throw notFound('subscriber.not-found');
    const { ids: [entryId], head } = await appendEntries(trx, s.id, [{
      kind: 'debit', amountMinor: -input.amountMinor, source: 'installation-fee', reference: `INSTALL-${s.accountNumber}`, reason: input.reason,
    }], scope.actor, now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'wallet.installation-fee', summary: `Installation fee of ${input.amountMinor} minor charged to ${s.accountNumber}: ${input.reason}`,
      targetType: 'subscriber', targetId: s.id, details: { entryId, amountMinor: -input.amountMinor, reason: input.reason },
    });
    const entry = await trx.selectFrom('ledgerEntries').selectAll().where('id', '=', entryId!).executeTakeFirstOrThrow();
    return { entry: toEntry(entry, false), balanceMinor: head.balanceMinor };
  });
}
