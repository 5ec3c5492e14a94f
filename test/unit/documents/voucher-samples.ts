/** Voucher print jobs as the hotspot domain would hand them over, for the voucher PDF tests and bench. */
import type { VoucherCard, VoucherPrintJob } from '../../../src-shared/domain/voucher-print';
import { solidPng } from '../../fixtures/solid-png';
import type { RasterImage, RenderedPage } from './render-pdf';
import jsQR from 'jsqr';

/** Codes from the look-alike-free charset the batches use (no 0/O, 1/l/I). */
const CHARSET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function sampleCode(n: number): string {
  // A fixed-seed xorshift per voucher: distinct, repeatable codes.
  let v = (n * 2_654_435_761) >>> 0 || 1;
  let code = '';
  for (let i = 0; i < 8; i++) {
    v ^= v << 13;
    v ^= v >>> 17;
    v ^= v << 5;
    v >>>= 0;
    code += CHARSET[v % CHARSET.length];
  }
  return code;
}

export function sampleVoucher(n: number, over: Partial<VoucherCard> = {}): VoucherCard {
  return {
    planName: '1 Day Unlimited',
    priceMinor: 5_000,
    currency: 'KES',
    validityText: '24 hours from first login',
    code: sampleCode(n),
    password: null,
    serial: String(n).padStart(6, '0'),
    batchLabel: 'vc-417-12.03.26',
    hotspotDnsName: 'wifi.kilimani.net',
    ...over,
  };
}

export function sampleJob(count: number, over: Partial<VoucherPrintJob> = {}, card: (n: number) => Partial<VoucherCard> = () => ({})): VoucherPrintJob {
  return {
    business: { name: 'Kilimani WiFi', logoPng: solidPng(90, 30, [30, 90, 200]) },
    locale: 'en-KE',
    createdAt: '2026-12-03T13:10:00.000Z',
    vouchers: Array.from({ length: count }, (_, i) => sampleVoucher(i + 1, card(i + 1))),
    ...over,
  };
}

/** Decodes the QR code found in a box (points) of a rendered page, or null when none decodes. */
export function decodeQrIn(page: RenderedPage, box: { x: number; y: number; width: number; height: number }): string | null {
  const { data, width, height } = qrImage(page.raster().image, box);
  return jsQR(data, width, height)?.data ?? null;
}

/** The RGBA pixels jsQR reads, cut from a rendered page at a box given in points. */
function qrImage(img: RasterImage, box: { x: number; y: number; width: number; height: number }): { data: Uint8ClampedArray; width: number; height: number } {
  const x0 = Math.max(0, Math.floor(box.x * img.scale));
  const y0 = Math.max(0, Math.floor(box.y * img.scale));
  const width = Math.min(img.width, Math.ceil((box.x + box.width) * img.scale)) - x0;
  const height = Math.min(img.height, Math.ceil((box.y + box.height) * img.scale)) - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = img.rgb(x0 + x, y0 + y);
      const o = (y * width + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}
