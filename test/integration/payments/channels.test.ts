import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '@shared/contract';
import { addStaff } from '../../fixtures/test-core';
import { mpesa, startPayWorld, type PayWorld } from './harness';

describe('payments channels: cash at the desk, the unmatched queue, wallets, collections', () => {
  let w: PayWorld;
  let cashier: { id: string; token: string };
  let viewer: { id: string; token: string };
  const events: { name: EventName; payload: unknown }[] = [];
  beforeAll(async () => {
    w = await startPayWorld();
    cashier = await addStaff(w.t, w.inst.adminToken, 'cora@alpha.test', ['CASHIER']);
    viewer = await addStaff(w.t, w.inst.adminToken, 'vic@alpha.test', ['VIEWER']);
    w.t.booted.core.events.subscribe({ token: w.inst.adminToken, send: (name, payload) => events.push({ name, payload }) });
  });
  afterAll(() => w.close());

  const asCashier = <K extends Parameters<typeof w.t.call>[0]>(channel: K, input: Parameters<typeof w.t.call<K>>[1]) => w.t.call(channel, input, cashier.token);

  it('a cashier records cash for an expired subscriber: credited, renewed from now, reconnected, under the cashier\'s name', async () => {
    const s = await w.subscriber({ expiresAt: '2026-11-20T08:00:00.000Z' });
    const r = await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 160000, method: 'cash', note: 'paid at the counter' });
    expect(r).toMatchObject({ periods: 1, balanceMinor: 10000, expiresAt: '2026-12-27T08:00:00.000Z' });
    expect(r.payment).toMatchObject({ provider: 'cash', channel: 'cash', status: 'applied', subscriberId: s.id, recordedBy: { kind: 'staff', id: cashier.id } });
    expect(r.payment.reference).toMatch(/^CASH-/);
    expect((await w.call('subscribers.get', { subscriberId: s.id })).status).toBe('active');
    const wallet = await w.t.call('wallet.get', { subscriberId: s.id, page: 1, pageSize: 10 }, viewer.token);
    expect(wallet.balanceMinor).toBe(10000);
    expect(wallet.entries.items.map((e) => [e.seq, e.kind, e.amountMinor, e.balanceAfterMinor])).toEqual([[2, 'debit', -150000, 10000], [1, 'credit', 160000, 160000]]);
    expect(wallet.entries.total).toBe(2);
  });

  it('a bank reference recorded twice is refused the second time; a viewer cannot record', async () => {
    const s = await w.subscriber();
    await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 5000, method: 'bank', reference: 'EQ-778812' });
    const again = await w.t.raw('payments.cash.record', { subscriberId: s.id, amountMinor: 5000, method: 'bank', reference: 'EQ-778812' }, cashier.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'payment.duplicate', params: { reference: 'EQ-778812' } } });
    const denied = await w.t.raw('payments.cash.record', { subscriberId: s.id, amountMinor: 5000, method: 'cash' }, viewer.token);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await w.t.call('wallet.get', { subscriberId: s.id, page: 1, pageSize: 10 }, viewer.token)).balanceMinor).toBe(5000);
  });

  it('unmatched payments wait in the queue; assigning applies at once, setting aside needs a reason; both audited and the badge event follows', async () => {
    const s = await w.subscriber({ expiresAt: '2026-11-01T08:00:00.000Z' });
    const before = (await w.call('payments.unmatched.count', {})).count;
    events.length = 0;
    const [a, b] = await w.ingest([mpesa({ accountRef: 'typo 123' }), mpesa({ accountRef: 'unknown', amountMinor: 999 })]);
    expect([a!.status, b!.status]).toEqual(['unmatched', 'unmatched']);
    expect((await w.call('payments.unmatched.count', {})).count).toBe(before + 2);
    expect(events.filter((e) => e.name === 'payments.unmatched-changed').at(-1)?.payload).toEqual({ count: before + 2 });
    const queue = await w.call('payments.unmatched.list', { page: 1, pageSize: 100 });
    expect(queue.items.map((p) => p.id)).toEqual(expect.arrayContaining([a!.paymentId, b!.paymentId]));

    const assigned = await asCashier('payments.unmatched.assign', { paymentId: a!.paymentId, subscriberId: s.id });
    expect(assigned).toMatchObject({ periods: 1, payment: { status: 'applied', subscriberId: s.id, accountNumber: s.accountNumber } });
    expect((await w.call('subscribers.get', { subscriberId: s.id })).status).toBe('active');
    const twice = await w.t.raw('payments.unmatched.assign', { paymentId: a!.paymentId, subscriberId: s.id }, cashier.token);
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'payment.not-unmatched', params: { status: 'applied' } } });

    const aside = await asCashier('payments.unmatched.set-aside', { paymentId: b!.paymentId, reason: 'Refunded by M-Pesa reversal' });
    expect(aside).toMatchObject({ status: 'set-aside', decisionReason: 'Refunded by M-Pesa reversal' });
    expect((await w.call('payments.unmatched.count', {})).count).toBe(before);
    expect(events.filter((e) => e.name === 'payments.unmatched-changed').at(-1)?.payload).toEqual({ count: before });
    const audit = await w.call('audit.list', { page: 1, pageSize: 20 });
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['payment.assigned', 'payment.set-aside', 'payment.unmatched']));
  });

  it('manual adjustments: a debit may go below zero (fee owed), a credit runs the renewal; a reversal mirrors an entry once', async () => {
    const s = await w.subscriber();
    const fee = await asCashier('wallet.adjust', { subscriberId: s.id, direction: 'debit', amountMinor: 50000, reason: 'Installation fee' });
    expect(fee).toMatchObject({ balanceMinor: -50000, periods: 0, entry: { kind: 'adjustment', amountMinor: -50000, reason: 'Installation fee' } });
    const paid = await asCashier('wallet.adjust', { subscriberId: s.id, direction: 'credit', amountMinor: 200000, reason: 'Goodwill credit after outage' });
    expect(paid).toMatchObject({ balanceMinor: 0, periods: 1, expiresAt: '2027-01-27T08:00:00.000Z' });
    const rev = await asCashier('wallet.reverse', { entryId: fee.entry.id, reason: 'Fee waived by the owner' });
    expect(rev).toMatchObject({ balanceMinor: 50000, entry: { kind: 'reversal', amountMinor: 50000, reversesEntryId: fee.entry.id } });
    const again = await w.t.raw('wallet.reverse', { entryId: fee.entry.id, reason: 'again' }, cashier.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'ledger-entry.already-reversed' } });
    const ofReversal = await w.t.raw('wallet.reverse', { entryId: rev.entry.id, reason: 'undo the undo' }, cashier.token);
    expect(ofReversal).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'ledger-entry.not-reversible' } });
    const wallet = await w.call('wallet.get', { subscriberId: s.id, page: 1, pageSize: 10 });
    expect(wallet.entries.items.find((e) => e.id === fee.entry.id)?.reversed).toBe(true);
    // Expiry untouched by the reversal.
    expect((await w.call('subscribers.get', { subscriberId: s.id })).expiresAt).toBe('2027-01-27T08:00:00.000Z');
  });

  it('lists payments filtered by method, status, staff and time', async () => {
    const byCashier = await w.call('payments.list', { page: 1, pageSize: 100, staffId: cashier.id });
    expect(byCashier.items.length).toBeGreaterThanOrEqual(2);
    expect(byCashier.items.every((p) => p.recordedBy.id === cashier.id)).toBe(true);
    const bank = await w.call('payments.list', { page: 1, pageSize: 100, provider: 'bank' });
    expect(bank.items.map((p) => p.reference)).toEqual(['EQ-778812']);
    const aside = await w.call('payments.list', { page: 1, pageSize: 100, status: 'set-aside' });
    expect(aside.total).toBe(1);
    const future = await w.call('payments.list', { page: 1, pageSize: 100, from: '2027-01-01T00:00:00.000Z' });
    expect(future.total).toBe(0);
    const all = await w.call('payments.list', { page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
  });

  it("a day's collections by method and by cashier equal the ledger's payment credits of that local day", async () => {
    // 27 Nov 08:00 UTC is 11:00 in Nairobi: everything above happened on the local day 2026-11-27.
    const c = await w.call('payments.collections', { day: '2026-11-27' });
    const ledger = await w.db(async (db) => {
      const rows = await db.selectFrom('ledgerEntries').select(['kind', 'amountMinor', 'paymentId']).execute();
      return rows.filter((r) => r.kind === 'credit' && r.paymentId !== null).reduce((a, r) => a + r.amountMinor, 0);
    });
    expect(c.totalMinor).toBe(ledger);
    expect(c.byMethod.reduce((a, m) => a + m.totalMinor, 0)).toBe(c.totalMinor);
    expect(c.byStaff.reduce((a, m) => a + m.totalMinor, 0)).toBe(c.totalMinor);
    expect(c.byStaff.find((x) => x.id === cashier.id)?.totalMinor).toBe(160000 + 5000);
    expect(c.byMethod.find((x) => x.method === 'bank')).toEqual({ method: 'bank', count: 1, totalMinor: 5000 });
    expect(c.unappliedMinor).toBe(999);
    expect(c.from).toBe('2026-11-26T21:00:00.000Z');
    expect((await w.call('payments.collections', { day: '2026-11-28' })).totalMinor).toBe(0);
  });

  it('the ledger check passes on everything above', async () => {
    const report = await w.call('payments.ledger.verify', {});
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.entries).toBe(9);
  });
});
