import { describe, expect, it } from 'vitest';
import { receiptPdf, RECEIPT_LAYOUTS, type ReceiptLayout } from '../../../src-main/core/documents';
import { inkedPixels, renderPdf, type RenderedPage } from './render-pdf';
import { LOGO_RED, manyReceiptLines, sampleReceipt } from './document-samples';

const LAYOUTS: readonly ReceiptLayout[] = ['a4', 'roll80', 'roll58'];
/** Expected page widths in points, written out rather than taken from the code under test. */
const WIDTH_PT: Record<ReceiptLayout, number> = { a4: 595.28, roll80: 226.77, roll58: 164.41 };

async function render(layout: ReceiptLayout, over: Parameters<typeof sampleReceipt>[0] = {}): Promise<RenderedPage[]> {
  return renderPdf(await receiptPdf(sampleReceipt(over), layout), layout === 'a4' ? 1 : 2);
}

/** Inked pixels in the side margins, where a printer head cannot reach or the roll ends. */
function inkInSideMargins(page: RenderedPage, marginPt: number): number {
  const h = page.heightPt;
  const { image } = page.raster();
  // One point of tolerance for anti-aliasing at the column's edge.
  return inkedPixels(image, { x0: 0, y0: 0, x1: marginPt - 1, y1: h }) + inkedPixels(image, { x0: page.widthPt - marginPt + 1, y0: 0, x1: page.widthPt, y1: h });
}

function isLogoRed([r, g, b]: [number, number, number]): boolean {
  return Math.abs(r - LOGO_RED[0]) < 30 && Math.abs(g - LOGO_RED[1]) < 30 && Math.abs(b - LOGO_RED[2]) < 30;
}

describe.each(LAYOUTS)('receipt PDF on %s', (layout) => {
  it('prints the business, receipt number, subscriber, amounts, reference and times in the tenant zone', async () => {
    const [page, ...rest] = await render(layout);
    expect(rest).toHaveLength(0);
    const text = page!.text;
    for (const s of ['Kilimani Fibre Ltd', 'Ngong Road, Nairobi', 'PIN: P051234567X', 'RCT-000123', 'Wanjiru Kamau', 'ACC1001', 'SLK4H7Q2XB', 'M-Pesa', 'Grace Otieno', 'Thank you for staying connected.']) {
      expect(text).toContain(s);
    }
    // Amounts from minor units (KES has 2 digits); 16:10 is 13:10 UTC shown in Nairobi.
    for (const s of ['Ksh 2,500.00', 'Ksh 1,500.00', 'Ksh 4,000.00', 'Ksh 50.00', '3 Dec 2026, 16:10', '3 Jan 2027, 16:10']) expect(text).toContain(s);
  });

  it('has the width of its paper', async () => {
    const [page] = await render(layout);
    expect(page!.widthPt).toBeCloseTo(WIDTH_PT[layout], 1);
    if (layout === 'a4') expect(page!.heightPt).toBeCloseTo(841.89, 1);
  });

  it('keeps 40 lines on one page, never breaking the receipt', async () => {
    const short = await render(layout);
    const long = await render(layout, { lines: manyReceiptLines(40) });
    expect(long).toHaveLength(1);
    expect(long[0]!.text).toContain('Voucher batch item 1 ');
    expect(long[0]!.text).toContain('Voucher batch item 40 ');
    expect(long[0]!.text).toContain('SLK4H7Q2XB');
    // A roll grows with its content; A4 stays A4.
    if (layout === 'a4') expect(long[0]!.heightPt).toBeCloseTo(short[0]!.heightPt, 1);
    else expect(long[0]!.heightPt).toBeGreaterThan(short[0]!.heightPt + 200);
  });

  it('wraps long text inside the margins: nothing is drawn past them', async () => {
    const longWord = 'X'.repeat(90);
    const pages = await render(layout, {
      business: { ...sampleReceipt().business, name: 'Kilimani Fibre and Wireless Internet Services Limited of Nairobi' },
      lines: [{ description: `Installation fee ${longWord} with a long description that must wrap`, amountMinor: 12_345_678 }],
    });
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page.text.replace(/ /g, '')).toContain(longWord);
    expect(inkInSideMargins(page, RECEIPT_LAYOUTS[layout].marginPt)).toBe(0);
    // The check can fail: the content column itself is inked.
    expect(inkedPixels(page.raster().image, { x0: RECEIPT_LAYOUTS[layout].marginPt, y0: 0, x1: page.widthPt - RECEIPT_LAYOUTS[layout].marginPt, y1: page.heightPt })).toBeGreaterThan(0);
  });

  it('draws the logo from settings at the top, and nothing red without one', async () => {
    const spec = RECEIPT_LAYOUTS[layout];
    const [withLogo] = await render(layout);
    const img = withLogo!.raster().image;
    const centre = [Math.round((withLogo!.widthPt / 2) * img.scale), Math.round((spec.marginPt + spec.logoMaxHeightPt / 2) * img.scale)] as const;
    expect(isLogoRed(img.rgb(centre[0], centre[1]))).toBe(true);

    const [without] = await render(layout, { business: { ...sampleReceipt().business, logoPng: null } });
    const plain = without!.raster().image;
    let red = 0;
    for (let y = 0; y < plain.height; y += 2) for (let x = 0; x < plain.width; x += 2) if (isLogoRed(plain.rgb(x, y))) red++;
    expect(red).toBe(0);
    expect(without!.text).toContain('Kilimani Fibre Ltd');
  });
});

describe('receipt PDF input', () => {
  it('leaves out the optional rows it was not given', async () => {
    const [page] = await render('roll80', { cashier: null, balanceAfterMinor: null, newExpiry: null, footer: null, subscriber: { name: 'Otieno', accountNumber: 'ACC7' } });
    expect(page!.text).not.toContain('Cashier');
    expect(page!.text).not.toContain('Wallet balance');
    expect(page!.text).not.toContain('Valid until');
    expect(page!.text).toContain('ACC7');
  });

  it('prints names beyond Latin-1 as written (the font is embedded, not a WinAnsi standard font)', async () => {
    const [page] = await render('roll80', { subscriber: { name: 'Łukasz Żółć', accountNumber: 'ACC9' }, business: { name: 'Ωmega Сеть Ltd' } });
    expect(page!.text).toContain('Łukasz Żółć');
    expect(page!.text).toContain('Ωmega Сеть Ltd');
  });

  it('prints the labels it is given', async () => {
    const [page] = await render('roll58', { labels: { receipt: 'RISITI', total: 'JUMLA' } });
    expect(page!.text).toContain('RISITI');
    expect(page!.text).toContain('JUMLA');
  });

  it('refuses a receipt too long for one page rather than break it', async () => {
    const lines = manyReceiptLines(400);
    await expect(receiptPdf(sampleReceipt({ lines }), 'a4')).rejects.toThrow(/too long/);
    await expect(receiptPdf(sampleReceipt({ lines }), 'roll80')).rejects.toThrow(/too long/);
  });

  it('refuses a logo that is not an image and an amount that is not whole minor units', async () => {
    await expect(receiptPdf(sampleReceipt({ business: { name: 'X', logoPng: new Uint8Array([1, 2, 3, 4]) } }), 'roll80')).rejects.toThrow(/logoPng/);
    await expect(receiptPdf(sampleReceipt({ totalMinor: 10.5 }), 'roll80')).rejects.toThrow(/minor units/);
  });
});
