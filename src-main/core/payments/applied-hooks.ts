import type { Kysely } from 'kysely';
import type { TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import { moduleKey, type ModuleRuntime } from '../module';

/** A payment just credited to a subscriber's wallet (inside that transaction). */
export interface AppliedPayment {
  paymentId: string;
  subscriberId: string;
  amountMinor: number;
  reference: string;
  now: Date;
}

/**
 * Work a higher domain does with a payment in the SAME transaction as its credit (invoices allocate it to
 * open invoices). Payments sits below those domains and imports none of them, so they register here at
 * their start. A hook that throws rolls the whole payment back, like any other failure of the credit.
 */
export type PaymentAppliedHook = (trx: Kysely<TenantDB>, scope: TenantScope, payment: AppliedPayment) => Promise<void>;

/**
 * Asked before a payment's credit is reversed, in the reversal's transaction; throwing refuses the reversal
 * (invoices refuse while the payment settles an invoice).
 */
export type PaymentReversalCheck = (trx: Kysely<TenantDB>, paymentId: string) => Promise<void>;

export interface PaymentsRuntime extends ModuleRuntime {
  onPaymentApplied(hook: PaymentAppliedHook): void;
  readonly appliedHooks: readonly PaymentAppliedHook[];
  beforePaymentReversed(check: PaymentReversalCheck): void;
  readonly reversalChecks: readonly PaymentReversalCheck[];
}

export const paymentsKey = moduleKey<PaymentsRuntime>('payments');

export function createPaymentsRuntime(): PaymentsRuntime {
  const hooks: PaymentAppliedHook[] = [];
  const checks: PaymentReversalCheck[] = [];
  return {
    onPaymentApplied: (h) => void hooks.push(h), appliedHooks: hooks,
    beforePaymentReversed: (c) => void checks.push(c), reversalChecks: checks,
  };
}

export async function runAppliedHooks(trx: Kysely<TenantDB>, scope: TenantScope, payment: AppliedPayment): Promise<void> {
  for (const hook of scope.core.modules.get(paymentsKey).appliedHooks) await hook(trx, scope, payment);
}

export async function runReversalChecks(trx: Kysely<TenantDB>, scope: TenantScope, paymentId: string): Promise<void> {
  for (const check of scope.core.modules.get(paymentsKey).reversalChecks) await check(trx, paymentId);
}
