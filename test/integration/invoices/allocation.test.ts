import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mpesa } from '../payments/harness';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('payments allocate to the oldest unpaid issued invoice, in the credit\'s transaction', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  const inv = (id: string) => w.call('invoices.get', { invoiceId: id });

  it('partial payments fill the oldest invoice first, then the next; drafts and void invoices take nothing', async () => {
    const s = await w.subscriber();
    const first = await w.issued(s.id, 100000);
    const second = await w.issued(s.id, 50000);
    const draft = await w.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'Not issued', quantity: 1, unitPriceMinor: 9999 }] });
    const voided = await w.issued(s.id, 7000);
    await w.call('invoices.void', { invoiceId: voided.id, reason: 'customer cancelled' });

    const [p1] = await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 40000 })]);
    expect(await inv(first.id)).toMatchObject({ status: 'partially_paid', paidMinor: 40000, balanceDueMinor: 60000 });
    expect((await inv(second.id)).status).toBe('issued');

    const [p2] = await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 80000 })]);
    const a = await inv(first.id);
    expect(a).toMatchObject({ status: 'paid', paidMinor: 100000, balanceDueMinor: 0 });
    expect(a.allocations.map((x) => [x.paymentId, x.amountMinor])).toEqual([[p1!.paymentId, 40000], [p2!.paymentId, 60000]]);
    expect(await inv(second.id)).toMatchObject({ status: 'partially_paid', paidMinor: 20000 });
    expect((await inv(draft.id)).paidMinor).toBe(0);
    expect((await inv(voided.id)).paidMinor).toBe(0);

    // More than is owed: the second is paid off, the rest stays in the wallet (ledger untouched by invoices).
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 100000 })]);
    expect(await inv(second.id)).toMatchObject({ status: 'paid', paidMinor: 50000 });
    const credits = await w.db((db) => db.selectFrom('ledgerEntries').select('amountMinor').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(credits.reduce((x, c) => x + c.amountMinor, 0)).toBe(220000);
    // An invoice with money against it cannot be voided.
    expect(await w.t.raw('invoices.void', { invoiceId: second.id, reason: 'too late now' }, w.inst.adminToken))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'invoice.has-payments', params: { paidMinor: 50000 } } });
  });

  it('a payment delivered again allocates nothing more; allocations always add up to the applied payments', async () => {
    const s = await w.subscriber();
    const i = await w.issued(s.id, 300000);
    const p = mpesa({ subscriberId: s.id, amountMinor: 120000 });
    await Promise.all([w.ingest([p]), w.ingest([{ ...p, channel: 'sms' }]), w.ingest([{ ...p, channel: 'statement' }])]);
    expect(await inv(i.id)).toMatchObject({ status: 'partially_paid', paidMinor: 120000 });
    const rows = await w.db((db) => db.selectFrom('invoiceAllocations').innerJoin('payments', 'payments.id', 'invoiceAllocations.paymentId')
      .select(['invoiceAllocations.amountMinor', 'payments.status']).where('invoiceAllocations.invoiceId', '=', i.id).execute());
    expect(rows).toEqual([{ amountMinor: 120000, status: 'applied' }]);
  });

  it('an unmatched payment allocates only when staff assign it, to that subscriber\'s oldest invoice', async () => {
    const s = await w.subscriber();
    const i = await w.issued(s.id, 20000);
    const [u] = await w.ingest([mpesa({ accountRef: 'nobody here', amountMinor: 20000 })]);
    expect((await inv(i.id)).paidMinor).toBe(0);
    await w.call('payments.unmatched.assign', { paymentId: u!.paymentId, subscriberId: s.id });
    expect(await inv(i.id)).toMatchObject({ status: 'paid', allocations: [{ paymentId: u!.paymentId, amountMinor: 20000 }] });
  });

  it('cash at the desk allocates too, and another subscriber\'s invoices are never touched', async () => {
    const s = await w.subscriber();
    const other = await w.subscriber();
    const mine = await w.issued(s.id, 10000);
    const theirs = await w.issued(other.id, 10000);
    await w.call('payments.cash.record', { subscriberId: s.id, amountMinor: 10000, method: 'cash' });
    expect((await inv(mine.id)).status).toBe('paid');
    expect((await inv(theirs.id)).status).toBe('issued');
  });
});
