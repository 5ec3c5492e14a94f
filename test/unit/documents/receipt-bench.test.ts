import { describe, expect, it } from 'vitest';
import { documentsBench, measureReceiptPdfMs } from '../../bench/documents-bench';

describe('bench money.receipt_pdf_ms', () => {
  // Registration in test/bench/run.ts is checked by test-tooling/bench-figures (every bench's keys, once).
  it('reports exactly the key issue 10 names', () => {
    expect(documentsBench.keys).toEqual(['money.receipt_pdf_ms']);
  });

  it('measures a real receipt PDF', async () => {
    const ms = await measureReceiptPdfMs(2);
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });
});
