/**
 * `hotspot.pdf_1k_ms` (issue 11 §7, goal < 10,000): the time to make one A4 PDF of 1,000 vouchers with
 * their QR login codes and the logo, in the 4 × 10 grid (25 pages), after one small warm-up run (the
 * first PDF loads the fonts). Timed once: it is long enough that one run is a fair figure.
 */
import { voucherPdf } from '../../src-main/core/documents';
import type { VoucherCard, VoucherPrintJob } from '../../src-shared/domain/voucher-print';
import { solidPng } from '../fixtures/solid-png';
import { defineBench } from './figures';

const VOUCHERS = 1_000;
const CHARSET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function benchCard(n: number): VoucherCard {
  let code = '';
  for (let v = n * 7_919 + 1_000_003, i = 0; i < 8; i++, v = Math.floor(v / CHARSET.length) + n) code += CHARSET[v % CHARSET.length];
  return {
    planName: '1 Day Unlimited',
    priceMinor: 5_000,
    currency: 'KES',
    validityText: '24 hours from first login',
    code,
    password: n % 2 === 0 ? `p${String(n).padStart(5, '0')}` : null,
    serial: String(n).padStart(6, '0'),
    batchLabel: 'vc-417-12.03.26',
    hotspotDnsName: 'wifi.bench.net',
  };
}

function benchJob(count: number): VoucherPrintJob {
  return {
    business: { name: 'Bench WiFi', logoPng: solidPng(90, 30, [30, 90, 200]) },
    locale: 'en-KE',
    createdAt: '2026-12-03T13:10:00.000Z',
    vouchers: Array.from({ length: count }, (_, i) => benchCard(i + 1)),
  };
}

/** Milliseconds for one A4 voucher PDF of `count` vouchers (after a warm-up PDF of a few). */
export async function measureVoucherPdfMs(count = VOUCHERS): Promise<{ ms: number; bytes: number }> {
  await voucherPdf(benchJob(3), 'a4-4x10');
  const job = benchJob(count);
  const start = performance.now();
  const pdf = await voucherPdf(job, 'a4-4x10');
  const ms = performance.now() - start;
  if (pdf.length === 0) throw new Error('empty voucher PDF');
  return { ms, bytes: pdf.length };
}

export const hotspotBench = defineBench({
  title: 'Hotspot vouchers: A4 PDF of 1,000 with QR codes (goal < 10,000 ms)',
  keys: ['hotspot.pdf_1k_ms'],
  async run(log) {
    const { ms, bytes } = await measureVoucherPdfMs();
    log(`  ${VOUCHERS} vouchers, 4×10 grid: ${ms.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB ${ms < 10_000 ? '(goal met)' : '(GOAL MISSED)'}`);
    return { 'hotspot.pdf_1k_ms': Math.round(ms) };
  },
});
