import { describe, expect, it } from 'vitest';
import { invoiceCreateInput } from '@shared/contract/invoices';
import { emptyInvoiceForm, invoiceActions, previewTotals, toInvoiceInput, type InvoiceFormValues } from '../../../src-renderer/features/invoices/invoice-form';

const SUB = '01936b2e-7c00-7000-8000-000000000001';
const form = (over: Partial<InvoiceFormValues>): InvoiceFormValues => ({ ...emptyInvoiceForm, subscriberId: SUB, ...over });

describe('the draft invoice form', () => {
  it('turns typed amounts into minor units and gives an input the contract accepts', () => {
    const r = toInvoiceInput(form({ lines: [{ description: 'Router', quantity: '2', price: '3,500.50' }, { description: 'Install', quantity: '1', price: '0' }], dueDate: '2026-12-15', notes: '  thanks ' }), 'KES');
    expect(r).toEqual({ input: { subscriberId: SUB, lines: [{ description: 'Router', quantity: 2, unitPriceMinor: 350050 }, { description: 'Install', quantity: 1, unitPriceMinor: 0 }], dueDate: '2026-12-15', notes: 'thanks' } });
    if ('input' in r) expect(invoiceCreateInput.safeParse(r.input).success).toBe(true);
  });

  it('leaves out an empty due date and notes (main applies the payment terms)', () => {
    const r = toInvoiceInput(form({ lines: [{ description: 'x', quantity: '1', price: '10' }] }), 'KES');
    expect(r).toEqual({ input: { subscriberId: SUB, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 1000 }] } });
  });

  it('names each field to fix: no subscriber, a quantity that is not a whole number 1–10,000, a price that is not an amount', () => {
    const r = toInvoiceInput({ ...emptyInvoiceForm, lines: [{ description: 'a', quantity: '1.5', price: 'abc' }, { description: 'b', quantity: '0', price: '-5' }, { description: 'c', quantity: '3', price: '1.234' }] }, 'KES');
    expect(r).toEqual({ problems: [
      { path: 'subscriberId', key: 'subscriberRequired' },
      { path: 'lines.0.quantity', key: 'quantityInvalid' }, { path: 'lines.0.price', key: 'priceInvalid' },
      { path: 'lines.1.quantity', key: 'quantityInvalid' }, { path: 'lines.1.price', key: 'priceInvalid' },
      { path: 'lines.2.price', key: 'priceInvalid' },
    ] });
  });

  it('previews the totals main will store, counting unfinished lines as zero', () => {
    const lines = [{ description: 'a', quantity: '3', price: '0.33' }, { description: 'b', quantity: '', price: '99' }];
    expect(previewTotals(lines, 'KES', { mode: 'inclusive', rateBasisPoints: 1600 })).toMatchObject({ subtotalMinor: 85, vatMinor: 14, totalMinor: 99 });
    expect(previewTotals(lines, 'KES', { mode: 'exclusive', rateBasisPoints: 1600 })).toMatchObject({ subtotalMinor: 99, vatMinor: 16, totalMinor: 115 });
  });
});

describe('row actions', () => {
  it('offers issue on drafts, void until money is allocated, and the PDF always; a viewer only gets the PDF', () => {
    expect(invoiceActions({ status: 'draft', paidMinor: 0 }, true)).toEqual(['issue', 'void', 'pdf']);
    expect(invoiceActions({ status: 'issued', paidMinor: 0 }, true)).toEqual(['void', 'pdf']);
    expect(invoiceActions({ status: 'partially_paid', paidMinor: 10 }, true)).toEqual(['pdf']);
    expect(invoiceActions({ status: 'void', paidMinor: 0 }, true)).toEqual(['pdf']);
    expect(invoiceActions({ status: 'draft', paidMinor: 0 }, false)).toEqual(['pdf']);
  });
});
