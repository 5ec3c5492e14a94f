import type { InputOf } from '@shared/contract';
import { startPayWorld, type PayWorld } from '../payments/harness';

export interface InvoiceWorld extends PayWorld {
  /** Sets the business VAT rate (tenancy settings) and the invoice VAT mode. */
  vat(rateBasisPoints: number, mode: 'exclusive' | 'inclusive'): Promise<void>;
  /** Creates and issues an invoice of one line; returns its id and number. */
  issued(subscriberId: string, unitPriceMinor: number, over?: Partial<InputOf<'invoices.create'>>): Promise<{ id: string; number: string }>;
}

export async function startInvoiceWorld(): Promise<InvoiceWorld> {
  const w = await startPayWorld();
  return {
    ...w,
    async vat(rateBasisPoints, vatMode) {
      const { business: b } = await w.call('settings.get', {});
      await w.call('settings.update', { legalName: b.legalName, address: b.address, phone: b.phone, email: b.email, taxId: b.taxId, receiptFooter: b.receiptFooter, vatRateBasisPoints: rateBasisPoints });
      await w.call('invoices.settings.update', { prefix: 'INV-', vatMode, paymentTermsDays: 14 });
    },
    async issued(subscriberId, unitPriceMinor, over = {}) {
      const d = await w.call('invoices.create', { subscriberId, lines: [{ description: 'Service', quantity: 1, unitPriceMinor }], ...over });
      const i = await w.call('invoices.issue', { invoiceId: d.id });
      return { id: i.id, number: i.number! };
    },
  };
}
