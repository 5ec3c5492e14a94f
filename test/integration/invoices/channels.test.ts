import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../fixtures/test-core';
import { renderPdf } from '../../unit/documents/render-pdf';
import { mpesa } from '../payments/harness';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('invoices channels: list, get, create with VAT from settings, PDF, who may do what', () => {
  let w: InvoiceWorld;
  let cashier: { id: string; token: string };
  let viewer: { id: string; token: string };
  beforeAll(async () => {
    w = await startInvoiceWorld();
    cashier = await addStaff(w.t, w.inst.adminToken, 'cora@alpha.test', ['CASHIER']);
    viewer = await addStaff(w.t, w.inst.adminToken, 'vic@alpha.test', ['VIEWER']);
  });
  afterAll(() => w.close());

  it('a cashier creates a draft whose totals follow the VAT rate and mode of the settings at that time', async () => {
    await w.vat(1600, 'exclusive');
    const s = await w.subscriber();
    const ex = await w.t.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'Router', quantity: 3, unitPriceMinor: 33 }, { description: 'Install', quantity: 1, unitPriceMinor: 250000 }], dueDate: '2026-12-15', notes: 'Thank you' }, cashier.token);
    expect(ex).toMatchObject({ vatMode: 'exclusive', vatRateBasisPoints: 1600, subtotalMinor: 250099, vatMinor: 40016, totalMinor: 290115, dueAt: '2026-12-14T21:00:00.000Z', notes: 'Thank you' });
    expect(ex.lines).toEqual([{ description: 'Router', quantity: 3, unitPriceMinor: 33, amountMinor: 99 }, { description: 'Install', quantity: 1, unitPriceMinor: 250000, amountMinor: 250000 }]);
    await w.vat(1600, 'inclusive');
    const inc = await w.t.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'Router', quantity: 3, unitPriceMinor: 33 }] }, cashier.token);
    expect(inc).toMatchObject({ vatMode: 'inclusive', subtotalMinor: 85, vatMinor: 14, totalMinor: 99, dueAt: '2026-12-10T21:00:00.000Z' });
    // The earlier draft keeps what it was created with.
    expect((await w.call('invoices.get', { invoiceId: ex.id })).vatMode).toBe('exclusive');
    expect(await w.call('invoices.settings.get', {})).toMatchObject({ vatMode: 'inclusive', vatRateBasisPoints: 1600, prefix: 'INV-' });
  });

  it('refuses bad lines field by field and writes nothing; a viewer reads but cannot create, issue or void', async () => {
    const s = await w.subscriber();
    const count = async () => (await w.call('invoices.list', { page: 1, pageSize: 1 })).total;
    const before = await count();
    const bad = await w.t.raw('invoices.create', { subscriberId: s.id, lines: [{ description: '', quantity: 0, unitPriceMinor: -1 }] }, cashier.token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['lines.0.description', 'lines.0.quantity', 'lines.0.unitPriceMinor']);
    expect(await w.t.raw('invoices.create', { subscriberId: s.id, lines: [] }, cashier.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const d = await w.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 1 }] });
    for (const [ch, input] of [['invoices.create', { subscriberId: s.id, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 1 }] }], ['invoices.issue', { invoiceId: d.id }], ['invoices.void', { invoiceId: d.id, reason: 'not mine' }]] as const) {
      expect(await w.t.raw(ch, input, viewer.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await w.t.call('invoices.get', { invoiceId: d.id }, viewer.token)).status).toBe('draft');
    expect(await count()).toBe(before + 1);
  });

  it('lists newest first with status and subscriber filters, search by number, and pages', async () => {
    const s = await w.subscriber();
    const a = await w.issued(s.id, 1000);
    const b = await w.issued(s.id, 2000);
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 1000 })]);
    const mine = await w.call('invoices.list', { page: 1, pageSize: 10, subscriberId: s.id });
    expect(mine.items.map((i) => [i.number, i.status, i.balanceDueMinor])).toEqual([[b.number, 'issued', 2000], [a.number, 'paid', 0]]);
    expect(mine.items[0]).toMatchObject({ subscriberName: expect.stringMatching(/^Payer/), accountNumber: expect.any(String) });
    const paid = await w.call('invoices.list', { page: 1, pageSize: 10, subscriberId: s.id, status: 'paid' });
    expect(paid.items.map((i) => i.id)).toEqual([a.id]);
    const found = await w.call('invoices.list', { page: 1, pageSize: 10, q: b.number });
    expect(found.items.map((i) => i.id)).toEqual([b.id]);
    const page2 = await w.call('invoices.list', { page: 2, pageSize: 1, subscriberId: s.id });
    expect(page2).toMatchObject({ total: 2, items: [{ id: a.id }] });
  });

  it('the PDF comes back as bytes like a receipt: A4, with the business name, number, lines, VAT and the payment received', async () => {
    const { business: { logoDataUrl: _l, updatedAt: _u, ...biz } } = await w.call('settings.get', {});
    await w.call('settings.update', { ...biz, legalName: 'Alpha Net Ltd', taxId: 'P051234567X', vatRateBasisPoints: 1600 });
    const s = await w.subscriber();
    const i = await w.issued(s.id, 116000, { lines: [{ description: 'Fibre 20M November', quantity: 1, unitPriceMinor: 116000 }] });
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 50000, reference: 'SLK4H7RX2P' })]);
    const out = await w.t.call('invoices.pdf', { invoiceId: i.id }, viewer.token);
    expect(out).toMatchObject({ number: i.number, fileName: `invoice-${i.number}.pdf` });
    const pages = renderPdf(new Uint8Array(Buffer.from(out.pdfBase64, 'base64')), 1);
    expect(Math.round(pages[0]!.widthPt)).toBe(595);
    const text = pages.map((p) => p.text).join(' ');
    for (const want of ['Alpha Net Ltd', i.number, 'Fibre 20M November', 'SLK4H7RX2P', 'P051234567X']) expect(text).toContain(want);
  });
});
