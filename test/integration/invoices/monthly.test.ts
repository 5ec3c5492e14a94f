import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulerOf } from '../../../src-main/core/scheduler/runtime';
import { monthlyInvoiceId, runMonthlyInvoicing } from '../../../src-main/core/invoices/monthly';
import { systemActor } from '../../../src-main/core/context';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('monthly postpaid invoices: deterministic ids, a second run issues nothing', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  const monthly = () => w.db((db) => db.selectFrom('invoices').selectAll().where('periodKey', 'is not', null).orderBy('seq').execute());

  it('the scheduled job invoices postpaid subscribers only, for the month before, once, as system:invoicing', async () => {
    const a = await w.subscriber();
    const b = await w.subscriber();
    await w.subscriber(); // prepaid: never invoiced
    await w.call('invoices.postpaid.set', { subscriberId: a.id, postpaid: true });
    await w.call('invoices.postpaid.set', { subscriberId: b.id, postpaid: true });
    await w.vat(1600, 'inclusive');

    // 06:00 on 1 December in Nairobi.
    w.t.clock.set('2026-12-01T03:00:10.000Z');
    const runs = await schedulerOf(w.t.booted.core).runDue(w.inst.tenantId);
    expect(runs.find((r) => r.jobKey === 'invoices.monthly')).toMatchObject({ status: 'succeeded' });
    const rows = await monthly();
    expect(rows.map((r) => [r.subscriberId, r.periodKey, r.status, r.totalMinor, r.vatMinor])).toEqual(expect.arrayContaining([
      [a.id, '2026-11', 'issued', 150000, 20690], [b.id, '2026-11', 'issued', 150000, 20690],
    ]));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.id).sort()).toEqual([monthlyInvoiceId(a.id, '2026-11'), monthlyInvoiceId(b.id, '2026-11')].sort());
    expect(rows[0]).toMatchObject({ periodFrom: '2026-10-31T21:00:00.000Z', periodTo: '2026-11-30T21:00:00.000Z', createdByName: 'Invoicing' });
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['actorId']).where('action', '=', 'invoice.issued').where('targetId', '=', rows[0]!.id).executeTakeFirstOrThrow());
    expect(audit.actorId).toBe('system:invoicing');
  });

  it('running again for the same month (twice, concurrently) issues nothing and skips no number', async () => {
    const before = await monthly();
    const again = await Promise.all([1, 2].map(() => w.scope((scope) => runMonthlyInvoicing(scope, w.t.clock.now()), systemActor('system:invoicing'))));
    expect(again.map((r) => [r.period, r.issued])).toEqual([['2026-11', 0], ['2026-11', 0]]);
    expect(await monthly()).toEqual(before);
    const next = await w.issued((await w.subscriber()).id, 100);
    const maxSeq = Math.max(...before.map((r) => r.seq!));
    expect(Number(next.number.slice(4))).toBe(maxSeq + 1);
  });

  it('the next month bills again, and a subscriber taken off postpaid is not billed', async () => {
    const [first] = await monthly();
    await w.call('invoices.postpaid.set', { subscriberId: first!.subscriberId, postpaid: false });
    const r = await w.scope((scope) => runMonthlyInvoicing(scope, new Date('2027-01-01T05:00:00.000Z')), systemActor('system:invoicing'));
    expect(r).toEqual({ period: '2026-12', issued: 1, existing: 0 });
    expect((await monthly()).filter((x) => x.periodKey === '2026-12').map((x) => x.subscriberId)).not.toContain(first!.subscriberId);
  });
});
