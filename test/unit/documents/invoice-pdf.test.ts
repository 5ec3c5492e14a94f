import { describe, expect, it } from 'vitest';
import { invoicePdf, INVOICE_LAYOUT } from '../../../src-main/core/documents';
import { inkedPixels, renderPdf, type RenderedPage } from './render-pdf';
import { LOGO_RED, sampleInvoice } from './document-samples';

async function render(over: Parameters<typeof sampleInvoice>[0] = {}): Promise<RenderedPage[]> {
  return renderPdf(await invoicePdf(sampleInvoice(over)), 1);
}

function eightyLines() {
  return Array.from({ length: 80 }, (_, i) => ({
    // Every seventh row wraps onto two lines, so page breaks fall after rows of both heights.
    description: i % 7 === 0 ? `Row ${i + 1}: fibre 20 Mbps monthly plan, with a description long enough to wrap in its column` : `Row ${i + 1}: fibre 20 Mbps`,
    quantity: 2,
    unitPriceMinor: 150_000,
    amountMinor: 300_000,
  }));
}

const rowNumbers = (text: string) => [...text.matchAll(/Row (\d+):/g)].map((m) => Number(m[1]));

describe('invoice PDF', () => {
  it('prints number, dates, bill-to, items, VAT, totals, status, payments and balance due', async () => {
    const pages = await render();
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    for (const s of [
      'Kilimani Fibre Ltd', 'PIN: P051234567X', 'INVOICE', 'INV-2026-0042', 'Issued 1 Dec 2026', 'Due 15 Dec 2026',
      'Period 1 Dec 2026 – 31 Dec 2026', 'PARTIALLY PAID', 'Bill to', 'Acme Cyber Cafe', 'Account: ACC2002', 'Moi Avenue, Nairobi',
      'Description Qty Unit price Amount', 'Item 1 1 Ksh 1,000.00 Ksh 1,000.00',
      'Subtotal Ksh 3,000.00', 'VAT 16% Ksh 480.00', 'TOTAL Ksh 3,480.00', 'Paid Ksh 2,000.00', 'Balance due Ksh 1,480.00',
      'Payments received', '5 Dec 2026 M-Pesa SLK4H7Q2XB Ksh 2,000.00', 'Pay to Paybill 123456', 'Page 1 of 1',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('shows inclusive VAT as the part of the total that is tax, and no VAT line without VAT', async () => {
    const inclusive = await render({ vat: { mode: 'inclusive', rateBasisPoints: 1600 }, subtotalMinor: 300_000, vatMinor: 41_379, totalMinor: 300_000, balanceDueMinor: 100_000 });
    expect(inclusive[0]!.text).toContain('TOTAL Ksh 3,000.00 Includes VAT 16% Ksh 413.79');
    expect(inclusive[0]!.text).not.toContain('VAT 16% Ksh 480.00');
    const none = await render({ vat: { mode: 'none', rateBasisPoints: 0 }, vatMinor: 0, totalMinor: 300_000 });
    expect(none[0]!.text).not.toContain('VAT');
  });

  it('runs 80 lines over several A4 pages, header and column headings on each, no row lost or doubled', async () => {
    const pages = await render({ lines: eightyLines() });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page.widthPt).toBeCloseTo(595.28, 1);
      expect(page.heightPt).toBeCloseTo(841.89, 1);
      expect(page.text).toContain('Kilimani Fibre Ltd');
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(page.text).toContain('INVOICE INV-2026-0042 (continued)');
      if (rowNumbers(page.text).length > 0) expect(page.text).toContain('Description Qty Unit price Amount');
    });
    expect(pages.flatMap((p) => rowNumbers(p.text))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const all = pages.map((p) => p.text).join(' ');
    expect(all.indexOf('Balance due Ksh 1,480.00')).toBeGreaterThan(all.indexOf('Row 80:'));
  });

  it('draws nothing outside the margins and the logo on every page', async () => {
    const pages = await render({ lines: eightyLines() });
    const m = INVOICE_LAYOUT.marginPt;
    for (const page of pages) {
      const { image } = page.raster();
      const outside =
        inkedPixels(image, { x0: 0, y0: 0, x1: m - 1, y1: page.heightPt }) +
        inkedPixels(image, { x0: page.widthPt - m + 1, y0: 0, x1: page.widthPt, y1: page.heightPt }) +
        inkedPixels(image, { x0: 0, y0: 0, x1: page.widthPt, y1: m - 1 });
      expect(outside).toBe(0);
      // The logo box's left part (the logo is fitted into it from the top-left corner).
      const [r, g, b] = image.rgb(Math.round(m + 20), Math.round(m + 20));
      expect(Math.abs(r - LOGO_RED[0]) < 30 && Math.abs(g - LOGO_RED[1]) < 30 && Math.abs(b - LOGO_RED[2]) < 30).toBe(true);
    }
  });
});
