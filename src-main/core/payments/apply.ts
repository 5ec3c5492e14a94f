import type { Kysely } from 'kysely';
import { planRenewal } from '@shared/domain/renewal';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import type { PackageRow } from '../subscribers/package-repo';
import { renewInTransaction, type RenewalDecision } from '../subscribers/renew';
import type { SubscriberRules } from '../subscribers/settings';
import type { SubscriberRow } from '../subscribers/subscriber-objects';
import { appendEntries, walletHead } from './ledger';
import { runAppliedHooks } from './applied-hooks';

export interface RenewalSummary {
  periods: number;
  balanceMinor: number;
  /** The subscriber's expiry afterwards (null: subscriber missing or deleted). */
  expiresAt: string | null;
  /** Routers to kick after commit. */
  routers: string[];
}

/**
 * The renewal rule (src-shared/domain/renewal.ts) as the subscriber write's decision, shared by the
 * one-payment path below and the set-based pipeline (ingest-batch.ts): `bought` holds what it bought.
 */
export function renewalRule(balanceMinor: number, timeZone: string, now: Date, reference: string | null): {
  bought: { periods: number; priceMinor: number };
  decide: (s: SubscriberRow, pkg: PackageRow, rules: SubscriberRules) => RenewalDecision;
} {
  const bought = { periods: 0, priceMinor: 0 };
  const decide = (s: SubscriberRow, pkg: PackageRow, rules: SubscriberRules): RenewalDecision => {
    const plan = planRenewal({
      balanceMinor, priceMinor: pkg.priceMinor, period: { count: pkg.periodCount, unit: pkg.periodUnit },
      expiresAt: new Date(s.expiresAt), now, timeZone, endOfDay: rules.disconnectAtEndOfDay,
    });
    bought.periods = plan.periods;
    bought.priceMinor = pkg.priceMinor;
    if (plan.periods === 0) return null;
    return {
      expiresAt: plan.expiresAt.toISOString(),
      summary: `Renewed ${s.accountNumber}: ${plan.periods} period(s) of ${pkg.name} until ${plan.expiresAt.toISOString()}`,
      details: { periods: plan.periods, debitMinor: plan.debitMinor, remainderMinor: plan.remainderMinor, ...(reference !== null && { reference }) },
    };
  };
  return { bought, decide };
}

/**
 * The renewal rule on a subscriber's current balance (src-shared/domain/renewal.ts), inside the caller's
 * transaction: one debit per period bought, then the expiry moves and the router outbox gets the subscriber's
 * desired state (subscribers/renew.ts). Runs after every credit; a balance short of the price buys nothing.
 */
export async function renewFromWallet(trx: Kysely<TenantDB>, scope: TenantScope, subscriberId: string, reference: string | null, now: Date): Promise<RenewalSummary> {
  const head = await walletHead(trx, subscriberId);
  const rule = renewalRule(head.balanceMinor, scope.tenant.timezone, now, reference);
  const outcome = await renewInTransaction(trx, scope, subscriberId, now, rule.decide);
  const { periods, priceMinor: price } = rule.bought;
  if (!outcome) return { periods: 0, balanceMinor: head.balanceMinor, expiresAt: null, routers: [] };
  let balance = head.balanceMinor;
  if (periods > 0) {
    const debits = Array.from({ length: periods }, () => ({ kind: 'debit' as const, amountMinor: -price, source: 'renewal' as const, reference }));
    balance = (await appendEntries(trx, subscriberId, debits, scope.actor, now)).head.balanceMinor;
  }
  return { periods, balanceMinor: balance, expiresAt: outcome.after.expiresAt, routers: outcome.routers };
}

/**
 * Credits a received payment to a subscriber and runs the renewal, in the caller's transaction: the payment
 * becomes `applied`. The partial unique index on ledger_entries(payment_id) makes a second credit of the same
 * payment fail the whole transaction, whatever path tried it.
 */
export async function applyPayment(
  trx: Kysely<TenantDB>, scope: TenantScope, payment: { id: string; reference: string; amountMinor: number }, subscriberId: string, now: Date,
): Promise<RenewalSummary> {
  await appendEntries(trx, subscriberId, [{ kind: 'credit', amountMinor: payment.amountMinor, source: 'payment', reference: payment.reference, paymentId: payment.id }], scope.actor, now);
  await trx.updateTable('payments').set({ status: 'applied', subscriberId }).where('id', '=', payment.id).execute();
  await runAppliedHooks(trx, scope, { paymentId: payment.id, subscriberId, amountMinor: payment.amountMinor, reference: payment.reference, now });
  return renewFromWallet(trx, scope, subscriberId, payment.reference, now);
}
