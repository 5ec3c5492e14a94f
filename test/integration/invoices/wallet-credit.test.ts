import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mpesa } from '../payments/harness';
import { refuseReversalWhileAllocated } from '../../../src-main/core/invoices/allocate';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('issuing an invoice takes credit already in the wallet (allocation records, no double counting)', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  const inv = (id: string) => w.call('invoices.get', { invoiceId: id });
  const balance = async (subscriberId: string) => (await w.call('wallet.get', { subscriberId })).balanceMinor;

  it('credit from an earlier payment settles the next invoices in turn; a payment is never allocated past its amount', async () => {
    const s = await w.subscriber();
    // Less than the package price (1,500.00): no renewal, it all stays as credit.
    const [p] = await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 100000 })]);
    expect(await balance(s.id)).toBe(100000);
    const a = await w.issued(s.id, 60000);
    expect(await inv(a.id)).toMatchObject({ status: 'paid', paidMinor: 60000, allocations: [{ paymentId: p!.paymentId, amountMinor: 60000 }] });
    const b = await w.issued(s.id, 60000);
    expect(await inv(b.id)).toMatchObject({ status: 'partially_paid', paidMinor: 40000, balanceDueMinor: 20000, allocations: [{ paymentId: p!.paymentId, amountMinor: 40000 }] });
    const c = await w.issued(s.id, 10000);
    expect(await inv(c.id)).toMatchObject({ status: 'issued', paidMinor: 0 });
    // The ledger is not touched by invoices: allocations say which money settled what.
    expect(await balance(s.id)).toBe(100000);
    const rows = await w.db((db) => db.selectFrom('invoiceAllocations').select((eb) => eb.fn.sum<number>('amountMinor').as('s')).where('paymentId', '=', p!.paymentId).executeTakeFirstOrThrow());
    expect(Number(rows.s)).toBe(100000);
  });

  it('money the wallet already spent on a renewal is not taken again: the credit is capped by the balance', async () => {
    const s = await w.subscriber();
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 200000 })]);
    // One period (1,500.00) bought, 500.00 left.
    expect(await balance(s.id)).toBe(50000);
    const i = await w.issued(s.id, 80000);
    expect(await inv(i.id)).toMatchObject({ status: 'partially_paid', paidMinor: 50000, balanceDueMinor: 30000 });
  });

  it('a reversed payment is no credit, nor is a manual adjustment (allocations always name a credited payment)', async () => {
    const s = await w.subscriber();
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 70000 })]);
    const credit = await w.db((db) => db.selectFrom('ledgerEntries').select('id').where('subscriberId', '=', s.id).where('kind', '=', 'credit').executeTakeFirstOrThrow());
    await w.call('wallet.reverse', { entryId: credit.id, reason: 'Recorded against the wrong account' });
    await w.call('wallet.adjust', { subscriberId: s.id, direction: 'credit', amountMinor: 70000, reason: 'Goodwill credit' });
    expect(await balance(s.id)).toBe(70000);
    const i = await w.issued(s.id, 50000);
    expect(await inv(i.id)).toMatchObject({ status: 'issued', paidMinor: 0, allocations: [] });
  });

  it('a wallet with no credit pays nothing; a later payment then settles the invoice as before', async () => {
    const s = await w.subscriber();
    const i = await w.issued(s.id, 30000);
    expect((await inv(i.id)).paidMinor).toBe(0);
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 30000 })]);
    expect(await inv(i.id)).toMatchObject({ status: 'paid', paidMinor: 30000 });
  });
});

describe('reversing an allocated payment', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  it('is refused naming the invoices it settles; a payment allocated nowhere passes', async () => {
    const s = await w.subscriber();
    const a = await w.issued(s.id, 30000);
    const b = await w.issued(s.id, 30000);
    const [p] = await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 45000 })]);
    // 45000 pays a off and half of b.
    const refused = w.scope((scope) => scope.db.transaction().execute((trx) => refuseReversalWhileAllocated(trx, p!.paymentId)));
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', key: 'invoice.payment-allocated', params: { numbers: `${a.number}, ${b.number}` } });
    const other = await w.subscriber();
    const [loose] = await w.ingest([mpesa({ subscriberId: other.id, amountMinor: 1000 })]);
    await expect(w.scope((scope) => scope.db.transaction().execute((trx) => refuseReversalWhileAllocated(trx, loose!.paymentId)))).resolves.toBeUndefined();
  });

  it('wallet.reverse refuses a credit that settles an invoice, and writes nothing', async () => {
    const s = await w.subscriber();
    const a = await w.issued(s.id, 30000);
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 30000 })]);
    const entries = () => w.db((db) => db.selectFrom('ledgerEntries').select(['id', 'kind']).where('subscriberId', '=', s.id).execute());
    const before = await entries();
    const credit = before.find((e) => e.kind === 'credit')!;
    await expect(w.call('wallet.reverse', { entryId: credit.id, reason: 'Recorded against the wrong account' }))
      .rejects.toThrow(`wallet.reverse failed: CONFLICT invoice.payment-allocated {"numbers":"${a.number}"}`);
    expect(await entries()).toEqual(before);
    expect(await w.db((db) => db.selectFrom('invoices').select('status').where('id', '=', a.id).executeTakeFirstOrThrow())).toEqual({ status: 'paid' });
  });
});
