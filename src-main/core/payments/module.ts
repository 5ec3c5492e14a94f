import { defineModule } from '../module';
import { createPaymentsRuntime, paymentsKey } from './applied-hooks';
import { paymentsHandlers } from './handlers';
import { m0013Payments } from './migrations/0013-payments';
import { m0016CashShifts } from './migrations/0016-cash-shifts';
import { m0020OtherIncome } from './migrations/0020-other-income';
import { paymentsPolicyHandlers } from './policy-handlers';

/**
 * Payments and wallets (README "Money"): the payment inbox every source feeds through `ingestPayments`,
 * the append-only ledger, the renewal that extends expiry and reconnects in the same transaction, the
 * unmatched queue, cash at the desk, money for no subscriber (other-income.ts: vouchers sold, agents' float),
 * daily collections and the ledger check.
 */
export const paymentsModule = defineModule({
  name: 'payments',
  owns: { tenant: ['payments', 'ledgerEntries', 'cashShifts', 'incomeEntries'] },
  tenantMigrations: { '0013-payments': m0013Payments, '0016-cash-shifts': m0016CashShifts, '0020-other-income': m0020OtherIncome },
  handlers: { ...paymentsHandlers, ...paymentsPolicyHandlers },
  // Higher domains (invoices) register what they do with an applied payment here (applied-hooks.ts).
  key: paymentsKey,
  start: () => createPaymentsRuntime(),
});
