/**
 * `money.receipt_pdf_ms` (issue 10 §9, goal < 200): the median time to make one receipt PDF — an 80 mm
 * roll with the logo, the usual desk print — after a few warm-up runs (the first one loads the fonts).
 */
import { receiptPdf, type ReceiptDoc } from '../../src-main/core/documents';
import { solidPng } from '../fixtures/solid-png';
import { defineBench } from './figures';

const WARM_UP = 3;
const RUNS = 30;

function benchReceipt(n: number): ReceiptDoc {
  return {
    business: { name: 'Bench Fibre Ltd', address: 'Ngong Road, Nairobi', phone: '+254 712 345 678', taxPin: 'P051234567X', logoPng: solidPng(160, 60, [30, 90, 200]) },
    receiptNumber: `RCT-${String(n).padStart(6, '0')}`,
    issuedAt: '2026-12-03T13:10:00.000Z',
    timeZone: 'Africa/Nairobi',
    locale: 'en-KE',
    subscriber: { name: 'Wanjiru Kamau', accountNumber: 'ACC1001', phone: '+254722000111' },
    lines: [{ description: 'Home 10 Mbps - 1 month', amountMinor: 250_000 }],
    totalMinor: 250_000,
    currency: 'KES',
    method: 'M-Pesa',
    reference: 'SLK4H7Q2XB',
    cashier: 'Grace Otieno',
    balanceAfterMinor: 0,
    newExpiry: '2027-01-03T13:10:00.000Z',
    footer: 'Thank you for staying connected.',
  };
}

/** Median milliseconds for one receipt PDF over `runs` runs (after `warmUp` unmeasured ones). */
export async function measureReceiptPdfMs(runs = RUNS, warmUp = WARM_UP): Promise<number> {
  for (let i = 0; i < warmUp; i++) await receiptPdf(benchReceipt(i), 'roll80');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const bytes = await receiptPdf(benchReceipt(i), 'roll80');
    times.push(performance.now() - start);
    if (bytes.length === 0) throw new Error('empty receipt PDF');
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const documentsBench = defineBench({
  title: 'Receipt PDF, 80 mm roll with logo (goal < 200 ms)',
  keys: ['money.receipt_pdf_ms'],
  async run(log) {
    const ms = await measureReceiptPdfMs();
    log(`  one receipt PDF (median of ${RUNS}): ${ms.toFixed(1)} ms ${ms < 200 ? '(goal met)' : '(GOAL MISSED)'}`);
    return { 'money.receipt_pdf_ms': Math.round(ms * 10) / 10 };
  },
});
