import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../fixtures/test-core';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('invoices CSV export and the postpaid switch', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  it('exports every invoice of the filter (not the page shown) through the shared CSV writer, amounts as decimals', async () => {
    const s = await w.subscriber();
    const other = await w.subscriber();
    const a = await w.issued(s.id, 150050);
    const b = await w.issued(s.id, 20000);
    await w.call('invoices.create', { subscriberId: s.id, lines: [{ description: '=HYPERLINK("x")', quantity: 2, unitPriceMinor: 100 }] });
    await w.issued(other.id, 5000);
    const out = await w.call('invoices.export.csv', { subscriberId: s.id, status: 'issued' });
    const rows = parse(out.csv, { columns: true }) as Record<string, string>[];
    expect(out.rows).toBe(2);
    expect(out.fileName).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows.map((r) => [r.number, r.status, r.accountNumber, r.total, r.balanceDue, r.currency])).toEqual([
      [b.number, 'issued', s.accountNumber, '200.00', '200.00', 'KES'],
      [a.number, 'issued', s.accountNumber, '1500.50', '1500.50', 'KES'],
    ]);
    const all = await w.call('invoices.export.csv', { subscriberId: s.id });
    expect(all.rows).toBe(3);
    expect((parse(all.csv, { columns: true }) as Record<string, string>[]).map((r) => r.status).sort()).toEqual(['draft', 'issued', 'issued']);
    const searched = await w.call('invoices.export.csv', { q: other.accountNumber });
    expect(searched.rows).toBe(1);
  });

  it('postpaid: read back, switched on and off, audited; only payments.collect may switch it', async () => {
    const s = await w.subscriber();
    expect(await w.call('invoices.postpaid.get', { subscriberId: s.id })).toEqual({ subscriberId: s.id, postpaid: false, since: null });
    await w.call('invoices.postpaid.set', { subscriberId: s.id, postpaid: true });
    const on = await w.call('invoices.postpaid.get', { subscriberId: s.id });
    expect(on).toMatchObject({ postpaid: true });
    expect(on.since).not.toBeNull();
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['action', 'targetId']).where('action', '=', 'invoice.postpaid-changed').where('targetId', '=', s.id).execute());
    expect(audit).toHaveLength(1);
    const viewer = await addStaff(w.t, w.inst.adminToken, 'vera@alpha.test', ['VIEWER']);
    expect(await w.t.raw('invoices.postpaid.set', { subscriberId: s.id, postpaid: false }, viewer.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await w.t.call('invoices.postpaid.get', { subscriberId: s.id }, viewer.token)).postpaid).toBe(true);
    await w.call('invoices.postpaid.set', { subscriberId: s.id, postpaid: false });
    expect((await w.call('invoices.postpaid.get', { subscriberId: s.id })).postpaid).toBe(false);
  });
});
