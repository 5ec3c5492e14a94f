import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formatMoney } from '@shared/domain/money';
import { addStaff } from '../../fixtures/test-core';
import { renderPdf } from '../../unit/documents/render-pdf';
import { solidPng } from '../../fixtures/solid-png';
import { receiptNumberOf } from '../../../src-main/core/documents/receipt-number';
import { mpesa, startPayWorld, type PayWorld } from '../payments/harness';

describe('receipt PDFs of payments and CSV exports of the payments lists', () => {
  let w: PayWorld;
  let cashier: { id: string; token: string };
  let viewer: { id: string; token: string };
  beforeAll(async () => {
    w = await startPayWorld();
    cashier = await addStaff(w.t, w.inst.adminToken, 'cora@alpha.test', ['CASHIER']);
    viewer = await addStaff(w.t, w.inst.adminToken, 'vic@alpha.test', ['VIEWER']);
  });
  afterAll(() => w.close());

  it('a cash receipt names the business, the subscriber, the amount, the renewal and the cashier, on A4 and on both rolls', async () => {
    await w.call('settings.update', {
      legalName: 'Kilimani Fibre Ltd', address: 'Ngong Road, Nairobi', phone: '', email: '', taxId: 'P051234567X', vatRateBasisPoints: 1600,
      receiptFooter: 'Asante for paying on time',
    });
    const s = await w.subscriber({ expiresAt: '2026-11-20T08:00:00.000Z' });
    const paid = await w.t.call('payments.cash.record', { subscriberId: s.id, amountMinor: 160000, method: 'cash' }, cashier.token);
    const currency = (await w.call('settings.get', {})).tenant.currency;

    for (const format of ['a4', '80mm', '58mm'] as const) {
      const r = await w.t.call('payments.receipt.pdf', { paymentId: paid.payment.id, format }, cashier.token);
      expect(r.receiptNumber).toBe(receiptNumberOf(paid.payment.id));
      expect(r.fileName).toBe(`receipt-${r.receiptNumber}-${format}.pdf`);
      const pages = renderPdf(Buffer.from(r.pdfBase64, 'base64'));
      expect(pages).toHaveLength(1);
      const text = pages[0]!.text;
      for (const part of ['Kilimani Fibre Ltd', 'Ngong Road, Nairobi', 'P051234567X', r.receiptNumber, 'Payer', s.accountNumber, paid.payment.reference,
        'Cash', 'Cashier', 'Asante for paying on time', 'Valid until']) expect(text.replace(/\s/g, '')).toContain(part.replace(/\s/g, ''));
      expect(text.replace(/\s/g, '')).toContain(formatMoney(160000, currency, 'en-KE').replace(/\s/g, ''));
      // The wallet balance after the payment and its renewal (1,600.00 paid, 1,500.00 month).
      expect(text.replace(/\s/g, '')).toContain(formatMoney(10000, currency, 'en-KE').replace(/\s/g, ''));
      if (format === 'a4') expect(Math.round(pages[0]!.widthPt)).toBe(595);
      if (format === '58mm') expect(Math.round(pages[0]!.widthPt)).toBe(Math.round((58 * 72) / 25.4));
    }
  });

  it('prints the PNG logo from settings; a viewer may not print; an unmatched payment has no receipt', async () => {
    const png = Buffer.from(solidPng(60, 20, [200, 20, 20]));
    await w.scope(async (scope) => {
      await scope.db.updateTable('businessSettings').set({ logoDataUrl: `data:image/png;base64,${png.toString('base64')}` }).where('id', '=', 1).execute();
    });
    const s = await w.subscriber();
    const paid = await w.t.call('payments.cash.record', { subscriberId: s.id, amountMinor: 5000, method: 'card', reference: 'VISA-1' }, cashier.token);
    const r = await w.t.call('payments.receipt.pdf', { paymentId: paid.payment.id, format: 'a4' }, cashier.token);
    const page = renderPdf(Buffer.from(r.pdfBase64, 'base64'), 1)[0]!;
    const { image } = page.raster();
    let red = 0;
    for (let y = 0; y < 140; y++) for (let x = 0; x < image.width; x++) {
      const [cr, cg, cb] = image.rgb(x, y);
      if (cr > 150 && cg < 80 && cb < 80) red++;
    }
    expect(red).toBeGreaterThan(100);
    expect(page.text).toContain('Wallet credit');

    expect(await w.t.raw('payments.receipt.pdf', { paymentId: paid.payment.id, format: 'a4' }, viewer.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const [o] = await w.ingest([mpesa({ accountRef: 'nobody here' })]);
    expect(await w.t.raw('payments.receipt.pdf', { paymentId: o!.paymentId, format: 'a4' }, cashier.token))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'payment.not-found' } });
  });

  it('exports every row of the filtered payments, the unmatched queue and a day of collections, quoted and formula-safe', async () => {
    const s = await w.subscriber();
    await w.ingest([mpesa({ accountRef: s.accountNumber, payerName: '=HYPERLINK("x"), "Doe"', amountMinor: 1234 })]);
    await w.ingest(Array.from({ length: 3 }, () => mpesa({ accountRef: 'unknown acc' })));

    const all = await w.t.call('payments.export.csv', { list: 'payments', provider: 'mpesa' }, viewer.token);
    const rows = parse(all.csv, { columns: true }) as Record<string, string>[];
    const listed = await w.t.call('payments.list', { page: 1, pageSize: 500, provider: 'mpesa' }, viewer.token);
    expect(rows).toHaveLength(listed.total);
    expect(all.rows).toBe(listed.total);
    expect(rows.every((r) => r.method === 'mpesa')).toBe(true);
    const mine = rows.find((r) => r.accountNumber === s.accountNumber)!;
    // The comma and quotes survive the round trip; the formula is kept as text.
    expect(mine).toMatchObject({ payer: `'=HYPERLINK("x"), "Doe"`, amount: '12.34', status: 'applied' });
    expect(mine.receiptNumber).toMatch(/^R[0-9A-Z]+-[0-9A-Z]{4}$/);

    const unmatched = parse((await w.t.call('payments.export.csv', { list: 'unmatched' }, viewer.token)).csv, { columns: true }) as Record<string, string>[];
    expect(unmatched.length).toBe((await w.call('payments.unmatched.count', {})).count);
    expect(unmatched.every((r) => r.status === 'unmatched' && r.receiptNumber === '')).toBe(true);

    const day = w.t.booted.core.clock.now().toISOString().slice(0, 10);
    const c = await w.t.call('payments.collections', { day }, viewer.token);
    const out = await w.t.call('payments.export.csv', { list: 'collections', day }, viewer.token);
    expect(out.fileName).toBe(`collections-${day}.csv`);
    const total = (parse(out.csv, { columns: true }) as Record<string, string>[]).find((r) => r.group === 'total')!;
    expect(Math.round(Number(total.amount) * 100)).toBe(c.totalMinor);
    expect(Number(total.count)).toBe(c.count);
  });
});
