import { describe, expect, it } from 'vitest';
import { gridCell, VOUCHER_LAYOUT_SPECS } from '../../../src-main/core/documents';
import { sanitiseTemplate } from '../../../src-main/core/documents/voucher-template-sanitize';
import { voucherTemplatePdf, type TemplatePrintJob } from '../../../src-main/core/documents/voucher-template-pdf';
import { solidPng } from '../../fixtures/solid-png';
import { renderPdf } from './render-pdf';
import { decodeQrIn, sampleVoucher } from './voucher-samples';

function job(html: string, count: number, over: Partial<TemplatePrintJob> = {}): TemplatePrintJob {
  return {
    html: sanitiseTemplate(html), business: { name: 'Kilimani WiFi', logoPng: null }, locale: 'en-KE', createdAt: '2026-12-03T13:10:00.000Z', title: 'Vouchers',
    vouchers: Array.from({ length: count }, (_, i) => sampleVoucher(i + 1)), ...over,
  };
}

/** Pixels of a box (points) whose colour is near `rgb`. */
function pixelsNear(page: ReturnType<typeof renderPdf>[number], box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]): number {
  const { image } = page.raster();
  let n = 0;
  for (let y = Math.ceil(box.y * image.scale); y < Math.floor((box.y + box.height) * image.scale); y++) {
    for (let x = Math.ceil(box.x * image.scale); x < Math.floor((box.x + box.width) * image.scale); x++) {
      const [r, g, b] = image.rgb(x, y);
      if (Math.abs(r - rgb[0]) < 40 && Math.abs(g - rgb[1]) < 40 && Math.abs(b - rgb[2]) < 40) n++;
    }
  }
  return n;
}

const spec = VOUCHER_LAYOUT_SPECS['a4-4x10'];
if (spec.kind !== 'grid') throw new Error('grid layout expected');

describe('voucher template PDF', () => {
  it('keeps a card that is too tall inside its cell: one page for a full grid, nothing painted in the next cell', async () => {
    const tall = `<div style="background-color: #d02020">${'<p>{{code}} {{plan}} {{validity}}</p>'.repeat(30)}</div>`;
    const pages = renderPdf(await voucherTemplatePdf(job(tall, 40), 'a4-4x10'), 1);
    expect(pages).toHaveLength(1);
    const first = gridCell(spec, 0);
    const below = gridCell(spec, 4);
    expect(pixelsNear(pages[0]!, { ...first, x: first.x + spec.padPt, width: first.width - 2 * spec.padPt }, [208, 32, 32])).toBeGreaterThan(500);
    // Between the first card's inner box and the next row's: only the dashed cut guide.
    expect(pixelsNear(pages[0]!, { x: first.x + 10, y: below.y - spec.padPt + 1, width: first.width - 20, height: spec.padPt - 2 }, [208, 32, 32])).toBe(0);
  });

  it('draws borders, colours, alignment and a QR beside the text (float: right) that decodes', async () => {
    const html = `<div style="border: 2pt solid #2050d0; padding: 3pt">
      <div style="float: right; width: 50pt">{{qr}}</div>
      <div style="color: #20a040; font-size: 12pt; font-weight: bold; text-align: right">{{price}}</div>
      <div style="text-transform: uppercase">{{plan}}</div><b>{{code}}</b>
    </div>`;
    const data = job(html, 2);
    const [page] = renderPdf(await voucherTemplatePdf(data, 'a4-4x10'), 3);
    const cell = gridCell(spec, 0);
    expect(pixelsNear(page!, cell, [32, 80, 208])).toBeGreaterThan(200);
    expect(pixelsNear(page!, cell, [32, 160, 64])).toBeGreaterThan(20);
    expect(page!.text).toContain('1 DAY UNLIMITED');
    expect(page!.text).toContain(data.vouchers[1]!.code);
    const code = data.vouchers[0]!.code;
    expect(decodeQrIn(page!, cell)).toBe(`http://wifi.kilimani.net/login?username=${code}&password=${code}`);
  });

  it('sets a paragraph of mixed runs as one line, white space at its ends dropped as in HTML', async () => {
    const data = job('<div>\n   <b>{{code}}</b> sold by <span style="color: #c02020">{{business}}</span>\n  </div><p> </p><div>No. {{serial}}</div>', 1);
    const [page] = renderPdf(await voucherTemplatePdf(data, 'roll80'), 2);
    expect(page!.text).toBe(`${data.vouchers[0]!.code} sold by Kilimani WiFi No. 000001`);
    expect(pixelsNear(page!, { x: 0, y: 0, width: page!.widthPt, height: 40 }, [192, 32, 32])).toBeGreaterThan(20);
  });

  it('sizes roll slips to their content and draws the logo as wide as its block', async () => {
    const short = renderPdf(await voucherTemplatePdf(job('<div>{{code}}</div>', 3), 'roll80'), 1)[0]!;
    const withLogo = renderPdf(await voucherTemplatePdf(job('<div>{{code}}</div><div style="width: 100pt">{{logo}}</div>', 3, {
      business: { name: 'Kilimani WiFi', logoPng: solidPng(100, 50, [30, 90, 200]) },
    }), 'roll80'), 2)[0]!;
    // Three slips of one line each, then the same with a 100 × 50 pt logo on each.
    expect(withLogo.heightPt - short.heightPt).toBeCloseTo(150, 0);
    expect(pixelsNear(withLogo, { x: 0, y: 0, width: withLogo.widthPt, height: withLogo.heightPt }, [30, 90, 200])).toBeGreaterThan(3 * 100 * 50 * 4 * 0.9);
    expect(short.text).toContain(sampleVoucher(3).code);
  });
});
