import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { localDate } from '@shared/domain/time';
import { addStaff } from '../../fixtures/test-core';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

/** Issue 11 §4: vouchers sold for money (collections, drawer), agents buying from a float, stock and revenue. */
describe('voucher sales and agents on float', () => {
  let w: SyncWorld;
  let cashier: { id: string; token: string };
  let plan: OutputOf<'hotspot.plans.create'>;
  let batchA: OutputOf<'hotspot.batches.create'>;
  let batchB: OutputOf<'hotspot.batches.create'>;
  const admin = <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => w.t.call(channel, input, w.inst.adminToken);
  const asCashier = <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => w.t.call(channel, input, cashier.token);
  const today = () => localDate(w.t.clock.now(), 'Africa/Nairobi');
  const count = (table: 'voucherSales' | 'voucherSaleItems' | 'agentLedger' | 'incomeEntries' | 'auditLog') =>
    w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  const snapshot = async () => Promise.all((['voucherSales', 'voucherSaleItems', 'agentLedger', 'incomeEntries', 'auditLog'] as const).map(count));

  beforeAll(async () => {
    w = await syncWorld();
    cashier = await addStaff(w.t, w.inst.adminToken, 'cashier@isp.test', ['CASHIER']);
    plan = await admin('hotspot.plans.create', {
      name: '1 hour', routerId: w.routerId, profileName: 'hs-1h', rateLimit: { rxKbps: 1000, txKbps: 2000 }, limit: { kind: 'uptime', seconds: 3600 }, priceMinor: 5000,
    });
    batchA = await admin('hotspot.batches.create', { planId: plan.id, count: 10, requestKey: uuidv7() });
    // A dearer batch of the same plan: the price is the batch's.
    batchB = await admin('hotspot.batches.create', { planId: plan.id, count: 5, priceMinor: 7_999, requestKey: uuidv7() });
  });
  afterAll(() => w.t.close());

  it('a cashier sells 3 vouchers for cash: marked sold, in the collections by method and cashier, in the drawer, equal to the record', async () => {
    await asCashier('shifts.open', { openingFloatMinor: 1_000 });
    const requestKey = uuidv7();
    const sale = await asCashier('vouchers.sell', { requestKey, pick: { by: 'plan', planId: plan.id, count: 3 }, buyer: { kind: 'walk-in', method: 'cash' } });
    expect(sale.sale).toMatchObject({ buyerKind: 'walk-in', count: 3, listTotalMinor: 15_000, totalMinor: 15_000, method: 'cash', planName: '1 hour', soldBy: { id: cashier.id } });
    expect(sale.vouchers).toHaveLength(3);
    // Oldest batch first.
    expect(new Set(sale.vouchers.map((v) => v.batchSerial))).toEqual(new Set([batchA.serial]));

    // Retried with the same request key: the same sale, nothing new written.
    const before = await snapshot();
    expect(await asCashier('vouchers.sell', { requestKey, pick: { by: 'plan', planId: plan.id, count: 3 }, buyer: { kind: 'walk-in', method: 'cash' } })).toEqual(sale);
    expect(await snapshot()).toEqual(before);

    // An M-Pesa sale by the admin of one chosen voucher of batch B.
    const b = await admin('hotspot.vouchers.list', { batchId: batchB.id, page: 1, pageSize: 10 });
    await admin('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'vouchers', voucherIds: [b.items[0]!.id] }, buyer: { kind: 'walk-in', method: 'mpesa', reference: 'SKL1234XYZ' } });

    const c = await admin('payments.collections', { day: today() });
    expect(c.byMethod).toEqual([{ method: 'cash', count: 1, totalMinor: 15_000 }, { method: 'mpesa', count: 1, totalMinor: 7_999 }]);
    expect(c.byStaff.find((s) => s.id === cashier.id)).toMatchObject({ count: 1, totalMinor: 15_000 });
    expect(c.totalMinor).toBe(22_999);
    // Totals equal the record of money received (income entries) and the sales.
    const income = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('incomeEntries').select(['amountMinor']).execute());
    expect(income.reduce((n, r) => n + r.amountMinor, 0)).toBe(c.totalMinor);
    const sales = await admin('vouchers.sales.list', { page: 1, pageSize: 50 });
    expect(sales.items.reduce((n, s) => n + s.totalMinor, 0)).toBe(c.totalMinor);
    // The drawer holds the opening float and the cash sale, not the M-Pesa one.
    expect((await asCashier('shifts.current', {})).shift).toMatchObject({ cashMinor: 15_000, cashCount: 1, expectedMinor: 16_000 });
  });

  it('selling a sold or revoked voucher, or more than the stock, is refused with nothing written', async () => {
    const sold = (await admin('vouchers.sales.list', { page: 1, pageSize: 50, buyerKind: 'walk-in' })).items;
    expect(sold.length).toBe(2);
    const [revokeMe, free] = (await admin('hotspot.vouchers.list', { batchId: batchA.id, page: 1, pageSize: 20, sort: { field: 'code', dir: 'desc' } })).items;
    await admin('hotspot.vouchers.revoke', { voucherId: revokeMe!.id });
    const firstSale = await admin('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'vouchers', voucherIds: [free!.id] }, buyer: { kind: 'walk-in', method: 'cash' } });
    const before = await snapshot();
    const again = await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'vouchers', voucherIds: [free!.id] }, buyer: { kind: 'walk-in', method: 'cash' } }, w.inst.adminToken);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher-sale.not-available', params: { codes: firstSale.vouchers[0]!.code } } });
    const revoked = await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'vouchers', voucherIds: [revokeMe!.id] }, buyer: { kind: 'walk-in', method: 'cash' } }, w.inst.adminToken);
    expect(revoked).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher-sale.not-available', params: { codes: revokeMe!.code } } });
    // 15 made − 3 − 1 − 1 sold − 1 revoked = 9 left.
    const tooMany = await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'plan', planId: plan.id, count: 10 }, buyer: { kind: 'walk-in', method: 'cash' } }, w.inst.adminToken);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher-sale.stock-short', params: { available: 9 } } });
    // The M-Pesa receipt of the earlier sale cannot pay for another.
    const reused = await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'plan', planId: plan.id, count: 1 }, buyer: { kind: 'walk-in', method: 'mpesa', reference: 'SKL1234XYZ' } }, w.inst.adminToken);
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'payment.duplicate' } });
    expect(await snapshot()).toEqual(before);
  });

  it('an agent tops up its float (collections), buys a batch at its discount, and an insufficient float is refused with nothing written', async () => {
    const agent = await admin('agents.create', { name: 'Mama Njeri shop', phone: '0712345678', discountBp: 1_250 });
    expect(agent).toMatchObject({ balanceMinor: 0, discountBp: 1_250, phone: '+254712345678' });
    const key = uuidv7();
    const top = await asCashier('agents.top-up', { agentId: agent.id, amountMinor: 30_000, method: 'cash', requestKey: key });
    expect(top).toMatchObject({ balanceMinor: 30_000, entry: { kind: 'top-up', seq: 1, amountMinor: 30_000, balanceAfterMinor: 30_000 } });
    // The same click again: the same top-up, not a second one.
    expect(await asCashier('agents.top-up', { agentId: agent.id, amountMinor: 30_000, method: 'cash', requestKey: key })).toEqual(top);

    // Batch B has 4 unsold vouchers at 79.99: 7,999 × 0.875 = 6,999.125 → 7,000 each (rounded up), 28,000 in all.
    const sale = await admin('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'batch', batchId: batchB.id }, buyer: { kind: 'agent', agentId: agent.id } });
    expect(sale.sale).toMatchObject({ buyerKind: 'agent', agentName: 'Mama Njeri shop', count: 4, listTotalMinor: 31_996, discountBp: 1_250, totalMinor: 28_000, method: null });
    expect(sale.vouchers.every((v) => v.priceMinor === 7_000)).toBe(true);
    const st = await admin('agents.statement', { agentId: agent.id });
    expect(st.agent.balanceMinor).toBe(2_000);
    expect(st.entries.items.map((e) => [e.seq, e.kind, e.amountMinor, e.balanceAfterMinor])).toEqual([[2, 'purchase', -28_000, 2_000], [1, 'top-up', 30_000, 30_000]]);

    // 2,000 left cannot buy one 50.00 voucher at 43.75: refused, nothing written.
    const before = await snapshot();
    const short = await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'plan', planId: plan.id, count: 1 }, buyer: { kind: 'agent', agentId: agent.id } }, cashier.token);
    expect(short).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'agent.float-short', params: { shortMinor: 2_375 } } });
    expect(await snapshot()).toEqual(before);

    // The float top-up is in the day's collections and the cashier's drawer; the purchase moves no new money.
    const c = await admin('payments.collections', { day: today() });
    expect(c.byMethod.find((m) => m.method === 'cash')).toEqual({ method: 'cash', count: 3, totalMinor: 15_000 + 5_000 + 30_000 });
    expect((await asCashier('shifts.current', {})).shift).toMatchObject({ cashMinor: 45_000, expectedMinor: 46_000 });

    // Reversing the top-up is refused while its money is spent; an adjustment then a reversal work and net out.
    const spent = await w.t.raw('agents.reverse', { entryId: top.entry.id, reason: 'Mistyped amount' }, cashier.token);
    expect(spent).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'agent.float-short', params: { shortMinor: 28_000 } } });
    const adj = await asCashier('agents.adjust', { agentId: agent.id, direction: 'debit', amountMinor: 500, reason: 'Counted short' });
    expect(adj.balanceMinor).toBe(1_500);
    expect(await w.t.raw('agents.adjust', { agentId: agent.id, direction: 'debit', amountMinor: 1_501, reason: 'Too much' }, cashier.token))
      .toMatchObject({ ok: false, error: { key: 'agent.float-short', params: { shortMinor: 1 } } });
    const rev = await asCashier('agents.reverse', { entryId: adj.entry.id, reason: 'Found the coin' });
    expect(rev).toMatchObject({ balanceMinor: 2_000, entry: { kind: 'reversal', amountMinor: 500, seq: 4 } });
    expect(await w.t.raw('agents.reverse', { entryId: adj.entry.id, reason: 'Again' }, cashier.token)).toMatchObject({ ok: false, error: { key: 'agent-entry.already-reversed' } });
    expect(await w.t.raw('agents.reverse', { entryId: st.entries.items[0]!.id, reason: 'Undo the purchase' }, cashier.token)).toMatchObject({ ok: false, error: { key: 'agent-entry.not-reversible' } });
  });

  it('a reversed top-up leaves the collections and the drawer', async () => {
    const agent = await admin('agents.create', { name: 'Kiosk 2', discountBp: 0 });
    const top = await asCashier('agents.top-up', { agentId: agent.id, amountMinor: 4_000, method: 'cash', requestKey: uuidv7() });
    const cashBefore = (await admin('payments.collections', { day: today() })).byMethod.find((m) => m.method === 'cash')!;
    await admin('agents.reverse', { entryId: top.entry.id, reason: 'Wrong agent' });
    const cashAfter = (await admin('payments.collections', { day: today() })).byMethod.find((m) => m.method === 'cash')!;
    expect(cashAfter).toEqual({ method: 'cash', count: cashBefore.count - 1, totalMinor: cashBefore.totalMinor - 4_000 });
    // Attributed to the cashier who took the money, so their drawer nets out.
    expect((await asCashier('shifts.current', {})).shift).toMatchObject({ cashMinor: 45_000 });
    expect((await admin('agents.statement', { agentId: agent.id })).agent.balanceMinor).toBe(0);
  });

  it('reports stock per plan with the low-stock alert, revenue per day / batch / agent, and CSV', async () => {
    await admin('vouchers.stock.threshold', { planId: plan.id, lowStock: 10 });
    const stock = await asCashier('vouchers.stock', { page: 1, pageSize: 25 });
    // 15 made: 3 + 1 + 1 + 4 sold, 1 revoked, 5 left.
    expect(stock.items).toEqual([expect.objectContaining({ planId: plan.id, available: 5, sold: 9, revoked: 1, lowStock: 10, low: true })]);
    expect((await asCashier('vouchers.stock', { page: 1, pageSize: 25, lowOnly: true })).total).toBe(1);
    await admin('vouchers.stock.threshold', { planId: plan.id, lowStock: 5 });
    expect((await asCashier('vouchers.stock', { page: 1, pageSize: 25, lowOnly: true })).total).toBe(0);

    // A voucher the status sync saw used on the router (e.g. adopted, already used) is used, not stock.
    const unsold = (await admin('hotspot.vouchers.list', { planId: plan.id, status: 'unused', page: 1, pageSize: 50 })).items;
    const sold = new Set((await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('voucherSaleItems').select('voucherId').execute())).map((r) => r.voucherId));
    const spare = unsold.find((v) => !sold.has(v.id))!;
    const at = w.t.clock.now().toISOString();
    await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.insertInto('voucherUsage').values({
      voucherId: spare.id, uptimeSec: 3600, bytesIn: 0, bytesOut: 0, firstLoginAt: at, lastSeenAt: at, expiresAt: null, active: 0, mac: null, state: 'used-up', syncedAt: at,
    }).execute());
    expect((await asCashier('vouchers.stock', { page: 1, pageSize: 25 })).items).toEqual([expect.objectContaining({ available: 4, sold: 9, used: 1, revoked: 1 })]);

    const day = today();
    const byDay = await admin('vouchers.revenue', { from: day, to: day, by: 'day' });
    expect(byDay).toMatchObject({ count: 9, totalMinor: 15_000 + 7_999 + 5_000 + 28_000, rows: [{ key: day, count: 9 }] });
    const byBatch = await admin('vouchers.revenue', { from: day, to: day, by: 'batch' });
    expect(byBatch.rows).toEqual([
      { key: batchA.id, label: `#${batchA.serial}`, count: 4, listTotalMinor: 20_000, totalMinor: 20_000 },
      { key: batchB.id, label: `#${batchB.serial}`, count: 5, listTotalMinor: 39_995, totalMinor: 7_999 + 28_000 },
    ]);
    const byAgent = await admin('vouchers.revenue', { from: day, to: day, by: 'agent' });
    expect(byAgent.rows.map((r) => [r.label, r.count, r.totalMinor])).toEqual([['', 5, 27_999], ['Mama Njeri shop', 4, 28_000]]);
    expect(await w.t.raw('vouchers.revenue', { from: day, to: '2020-01-01', by: 'day' }, w.inst.adminToken))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'voucher-sale.bad-range' } });

    const csv = await admin('vouchers.export.csv', { report: 'revenue', from: day, to: day, by: 'agent' });
    expect(csv.csv.trim().split('\n')).toEqual([
      'group,name,vouchers,listAmount,paidAmount,currency', 'agent,walk-in,5,279.99,279.99,KES', 'agent,Mama Njeri shop,4,319.96,280.00,KES', 'total,,9,599.95,559.99,KES',
    ]);
    const stockCsv = await admin('vouchers.export.csv', { report: 'stock' });
    expect(stockCsv.csv).toContain('1 hour,50.00,4,9,1,1,5,yes');
    const agents = await admin('agents.list', { page: 1, pageSize: 10 });
    const njeri = agents.items.find((a) => a.name === 'Mama Njeri shop')!;
    const statement = await admin('vouchers.export.csv', { report: 'statement', agentId: njeri.id });
    expect(statement.fileName).toBe('agent-statement-mama-njeri-shop.csv');
    expect(statement.csv.trim().split('\n').map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'seq,at,kind,amount,balanceAfter', expect.stringMatching(/^1,.*,top-up,300\.00,300\.00$/), expect.stringMatching(/^2,.*,purchase,-280\.00,20\.00$/),
      expect.stringMatching(/^3,.*,adjustment,-5\.00,15\.00$/), expect.stringMatching(/^4,.*,reversal,5\.00,20\.00$/),
    ]);
  });

  it('the float and the income record are append-only: the database refuses edits and deletions', async () => {
    await w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => {
      await expect(h.db.updateTable('agentLedger').set({ amountMinor: 1 }).execute()).rejects.toThrow(/append-only/);
      await expect(h.db.deleteFrom('agentLedger').execute()).rejects.toThrow(/append-only/);
      await expect(h.db.updateTable('incomeEntries').set({ amountMinor: 1 }).execute()).rejects.toThrow(/append-only/);
      await expect(h.db.deleteFrom('incomeEntries').execute()).rejects.toThrow(/append-only/);
    });
  });

  it('who may do what: a viewer reads nothing of sales, a cashier cannot create agents', async () => {
    const viewer = await addStaff(w.t, w.inst.adminToken, 'viewer@isp.test', ['VIEWER']);
    expect(await w.t.raw('vouchers.sell', { requestKey: uuidv7(), pick: { by: 'plan', planId: plan.id, count: 1 }, buyer: { kind: 'walk-in', method: 'cash' } }, viewer.token))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('agents.create', { name: 'Nope', discountBp: 0 }, cashier.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('agents.create', { name: 'mama njeri SHOP', discountBp: 0 }, w.inst.adminToken))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'agent.name-taken', fields: { name: 'taken' } } });
  });

  it('the preview is exactly the sale (same vouchers and total), writes nothing, and refuses what the sale would', async () => {
    const input = { requestKey: uuidv7(), pick: { by: 'plan' as const, planId: plan.id, count: 2 }, buyer: { kind: 'walk-in' as const, method: 'bank' as const, reference: 'BNK-77' } };
    const before = await snapshot();
    const preview = await asCashier('vouchers.sell.preview', input);
    expect(await snapshot()).toEqual(before);
    expect(preview.sale).toMatchObject({ count: 2, totalMinor: 10_000, method: 'bank' });
    const sale = await asCashier('vouchers.sell', input);
    expect(sale.vouchers).toEqual(preview.vouchers);
    expect(sale.sale.totalMinor).toBe(preview.sale.totalMinor);
    const tooMany = await w.t.raw('vouchers.sell.preview', { ...input, requestKey: uuidv7(), pick: { by: 'plan', planId: plan.id, count: 1_000 } }, cashier.token);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher-sale.stock-short' } });
  });
});
