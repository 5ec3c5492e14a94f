import { defineModule, moduleKey, type ModuleRuntime } from '../module';
import { paymentsKey } from '../payments/applied-hooks';
import { allocatePaymentToInvoices, refuseReversalWhileAllocated } from './allocate';
import { invoicesHandlers } from './handlers';
import { m0015Invoices } from './migrations/0015-invoices';
import { monthlyInvoicingJob } from './monthly';

export const invoicesKey = moduleKey<ModuleRuntime>('invoices');

/**
 * Invoices (README "Invoices"): drafts, gapless numbers on issue, VAT from settings, void with a reason,
 * PDFs through core/documents, monthly postpaid invoices, and allocation of payments to open invoices.
 * Payments sits below and knows nothing of invoices: this module registers its allocation hook there.
 */
export const invoicesModule = defineModule({
  name: 'invoices',
  owns: { tenant: ['invoiceSettings', 'invoices', 'invoiceLines', 'invoiceAllocations', 'postpaidSubscribers'] },
  tenantMigrations: { '0015-invoices': m0015Invoices },
  handlers: invoicesHandlers,
  key: invoicesKey,
  start: (core) => {
    core.modules.get(paymentsKey).onPaymentApplied(allocatePaymentToInvoices);
    // A reversed credit would leave an invoice marked paid by money that is gone.
    core.modules.get(paymentsKey).beforePaymentReversed(refuseReversalWhileAllocated);
    return { scheduledJobs: [monthlyInvoicingJob] };
  },
});
