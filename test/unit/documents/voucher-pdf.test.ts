import { describe, expect, it } from 'vitest';
import { gridCell, VOUCHER_LAYOUT_SPECS, voucherPdf } from '../../../src-main/core/documents';
import { voucherLoginUrl, type VoucherLayout } from '../../../src-shared/domain/voucher-print';
import { inkedPixels, renderPdf, type RenderedPage } from './render-pdf';
import { decodeQrIn, sampleJob } from './voucher-samples';

/** Written out rather than taken from the code under test: cards per A4 page, page widths in points. */
const GRIDS: readonly [VoucherLayout, number][] = [
  ['a4-3x8', 24],
  ['a4-4x10', 40],
  ['a4-5x13', 65],
];
const ROLL_WIDTH_PT: Record<'roll80' | 'roll58', number> = { roll80: 226.77, roll58: 164.41 };
/** A password that only survives the trip to the router when percent-encoded. */
const AWKWARD_PASSWORD = 'p&ss w+rd#/=?é';
const AWKWARD_URL = 'http://wifi.kilimani.net/login?username=ABC234&password=p%26ss%20w%2Brd%23%2F%3D%3F%C3%A9';

/** Long words everywhere they can be, to find text that runs past its box. */
const LONG = {
  planName: 'Weekend Family Unlimited Streaming Bundle Plus',
  validityText: '7 days from first login, on up to three devices',
  batchLabel: 'vc-417-12.03.26-kilimani-branch-office-weekend',
};

/** Inked pixels outside the printable area: `side` points at left and right, `top` at top and bottom. */
function inkOutside(page: RenderedPage, side: number, top: number): number {
  const { image } = page.raster();
  const w = page.widthPt;
  const h = page.heightPt;
  // One point of tolerance for anti-aliasing at the edge.
  return (
    inkedPixels(image, { x0: 0, y0: 0, x1: side - 1, y1: h }) +
    inkedPixels(image, { x0: w - side + 1, y0: 0, x1: w, y1: h }) +
    inkedPixels(image, { x0: 0, y0: 0, x1: w, y1: top - 1 }) +
    inkedPixels(image, { x0: 0, y0: h - top + 1, x1: w, y1: h })
  );
}

describe('voucher login URL', () => {
  it('percent-encodes username and password, and uses the code as password when there is none', () => {
    expect(voucherLoginUrl('wifi.kilimani.net', 'ABC234', AWKWARD_PASSWORD)).toBe(AWKWARD_URL);
    expect(voucherLoginUrl('Hotspot.Local', 'K7M9', null)).toBe('http://hotspot.local/login?username=K7M9&password=K7M9');
  });

  it('refuses a dns-name that is not a host name', () => {
    for (const bad of ['', 'wifi.net/evil', 'wifi net', 'http://wifi.net', '-x.net', 'a..b']) expect(() => voucherLoginUrl(bad, 'A', null)).toThrow(RangeError);
  });
});

describe.each(GRIDS)('A4 voucher grid %s', (layout, perPage) => {
  it('prints every voucher with its details on A4 pages of the right count', async () => {
    const count = perPage + 3;
    const job = sampleJob(count);
    const pages = renderPdf(await voucherPdf(job, layout), 1);
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p.widthPt).toBeCloseTo(595.28, 1);
      expect(p.heightPt).toBeCloseTo(841.89, 1);
    }
    job.vouchers.forEach((v, i) => {
      const page = pages[i < perPage ? 0 : 1]!;
      expect(page.text).toContain(v.code);
      expect(page.text).toContain(`No. ${v.serial}`);
    });
    // The rest of each card, counted: every card on the second page carries it.
    const second = pages[1]!.text;
    for (const s of ['Kilimani WiFi', '1 Day Unlimited', 'Ksh 50.00', '24 hours from first login', 'Batch vc-417-12.03.26']) {
      expect(second.split(s).length - 1).toBe(3);
    }
    expect(pages[0]!.text.split('Ksh 50.00').length - 1).toBe(perPage);
  });

  it('keeps long text inside the 8 mm page margin', async () => {
    const job = sampleJob(perPage, { business: { name: 'Kilimani Fibre and Wireless Internet Services Limited' } }, (n) => (n % 2 ? LONG : { ...LONG, password: 'PW-LONGER-THAN-USUAL-42' }));
    const [page] = renderPdf(await voucherPdf(job, layout), 1);
    expect(inkOutside(page!, 22.68, 22.68)).toBe(0);
    // The check can fail: the cards themselves are inked.
    expect(inkedPixels(page!.raster().image, { x0: 30, y0: 30, x1: 560, y1: 800 })).toBeGreaterThan(1000);
    expect(page!.text).toContain('PW-LONGER-THAN-USUAL-42');
  });

  it('QR codes decode to each voucher’s login URL, a password needing encoding included', async () => {
    // The third card's long words must not run into its QR code either.
    const job = sampleJob(3, {}, (n) => (n === 2 ? { code: 'ABC234', password: AWKWARD_PASSWORD } : n === 3 ? LONG : {}));
    const [page] = renderPdf(await voucherPdf(job, layout), 3);
    const spec = VOUCHER_LAYOUT_SPECS[layout];
    if (spec.kind !== 'grid') throw new Error('grid layout expected');
    expect(decodeQrIn(page!, gridCell(spec, 0))).toBe(`http://wifi.kilimani.net/login?username=${job.vouchers[0]!.code}&password=${job.vouchers[0]!.code}`);
    expect(decodeQrIn(page!, gridCell(spec, 1))).toBe(AWKWARD_URL);
    expect(decodeQrIn(page!, gridCell(spec, 2))).toBe(`http://wifi.kilimani.net/login?username=${job.vouchers[2]!.code}&password=${job.vouchers[2]!.code}`);
    // A separate password is printed under the username.
    expect(page!.text).toContain('Username ABC234');
    expect(page!.text).toContain(`Password ${AWKWARD_PASSWORD}`);
  });
});

describe.each(['roll80', 'roll58'] as const)('voucher roll %s', (layout) => {
  it('is one page per strip of N vouchers, as wide as the roll, never splitting a voucher', async () => {
    const job = sampleJob(30, { perRollPage: 12 });
    const pages = renderPdf(await voucherPdf(job, layout), 1);
    expect(pages.map((p) => p.text.split('Ksh 50.00').length - 1)).toEqual([12, 12, 6]);
    for (const p of pages) expect(p.widthPt).toBeCloseTo(ROLL_WIDTH_PT[layout], 1);
    // Sized to content: a strip of 6 is about half as tall as one of 12.
    expect(pages[2]!.heightPt).toBeLessThan(pages[0]!.heightPt * 0.6);
    expect(pages[2]!.heightPt).toBeGreaterThan(pages[0]!.heightPt * 0.4);
    job.vouchers.forEach((v, i) => {
      const page = pages[Math.floor(i / 12)]!;
      // Code, serial and batch of a voucher on the same page: it was not cut between two.
      expect(page.text).toContain(v.code);
      expect(page.text).toContain(`No. ${v.serial} · Batch vc-417-12.03.26`);
    });
    for (const s of ['Kilimani WiFi', '1 Day Unlimited', '24 hours from first login']) expect(pages[2]!.text.split(s).length - 1).toBe(6);
  });

  it('prints nothing outside the printer head’s width', async () => {
    const job = sampleJob(4, { business: { name: 'Kilimani Fibre and Wireless Internet Services Limited' } }, (n) => (n % 2 ? LONG : { ...LONG, password: 'PW-LONGER-THAN-USUAL-42' }));
    const [page] = renderPdf(await voucherPdf(job, layout), 2);
    const margin = layout === 'roll80' ? 11.34 : 14.17;
    expect(inkOutside(page!, margin, 0)).toBe(0);
    expect(page!.text).toContain('PW-LONGER-THAN-USUAL-42');
    expect(page!.text).toContain('7 days from first login, on up to three devices');
  });

  it('QR codes decode to the login URL, with and without a separate password', async () => {
    const awkward = renderPdf(await voucherPdf(sampleJob(1, {}, () => ({ code: 'ABC234', password: AWKWARD_PASSWORD })), layout), 3)[0]!;
    expect(decodeQrIn(awkward, { x: 0, y: 0, width: awkward.widthPt, height: awkward.heightPt })).toBe(AWKWARD_URL);
    const plainJob = sampleJob(1, { business: { name: 'Kilimani WiFi' } });
    const plain = renderPdf(await voucherPdf(plainJob, layout), 3)[0]!;
    const code = plainJob.vouchers[0]!.code;
    expect(decodeQrIn(plain, { x: 0, y: 0, width: plain.widthPt, height: plain.heightPt })).toBe(`http://wifi.kilimani.net/login?username=${code}&password=${code}`);
    expect(plain.text).toContain(`Code ${code}`);
    expect(plain.text).not.toContain('Password');
  });
});

describe('voucher PDF input', () => {
  it('draws the logo when given and nothing blue without it', async () => {
    const spec = VOUCHER_LAYOUT_SPECS['a4-3x8'];
    if (spec.kind !== 'grid') throw new Error('grid layout expected');
    const blueIn = async (logo: boolean) => {
      const job = sampleJob(1, logo ? {} : { business: { name: 'Kilimani WiFi' } });
      const img = renderPdf(await voucherPdf(job, 'a4-3x8'), 2)[0]!.raster().image;
      const cell = gridCell(spec, 0);
      let blue = 0;
      for (let y = Math.floor(cell.y * 2); y < (cell.y + cell.height) * 2; y++) {
        for (let x = Math.floor(cell.x * 2); x < (cell.x + cell.width) * 2; x++) {
          const [r, g, b] = img.rgb(x, y);
          if (Math.abs(r - 30) < 30 && Math.abs(g - 90) < 30 && Math.abs(b - 200) < 30) blue++;
        }
      }
      return blue;
    };
    expect(await blueIn(true)).toBeGreaterThan(100);
    expect(await blueIn(false)).toBe(0);
  });

  it('shortens a business name too long for the card instead of running past it', async () => {
    const [page] = renderPdf(await voucherPdf(sampleJob(1, { business: { name: 'Kilimani Fibre and Wireless Internet Services Limited of Nairobi' } }), 'a4-5x13'), 1);
    expect(page!.text).toContain('Kilimani');
    expect(page!.text).toContain('…');
    expect(page!.text).not.toContain('of Nairobi');
  });

  it('prints the labels it is given', async () => {
    const [page] = renderPdf(await voucherPdf(sampleJob(1, { labels: { code: 'Nambari', serial: 'Na.' } }), 'roll58'), 1);
    expect(page!.text).toContain('Nambari');
    expect(page!.text).toContain('Na. 000001');
  });

  it('refuses no vouchers, a bad dns-name, a price not in minor units and a logo that is no image', async () => {
    await expect(voucherPdf(sampleJob(0), 'a4-3x8')).rejects.toThrow(/no vouchers/);
    await expect(voucherPdf(sampleJob(2, {}, () => ({ hotspotDnsName: 'wifi/net' })), 'a4-4x10')).rejects.toThrow(/dns-name/);
    await expect(voucherPdf(sampleJob(1, {}, () => ({ priceMinor: 50.5 })), 'roll80')).rejects.toThrow(/minor units/);
    await expect(voucherPdf(sampleJob(1, { business: { name: 'X', logoPng: new Uint8Array([1, 2, 3, 4]) } }), 'roll80')).rejects.toThrow(/logoPng/);
    await expect(voucherPdf(sampleJob(1, { perRollPage: 0 }), 'roll80')).rejects.toThrow(/perRollPage/);
  });
});
