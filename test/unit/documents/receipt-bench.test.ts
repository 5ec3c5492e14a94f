import { describe, expect, it } from 'vitest';
import { documentsBench, measureReceiptPdfMs } from '../../bench/documents-bench';

describe('bench money.receipt_pdf_ms', () => {
  // It is listed in test/bench/run.ts (not imported here: that loads every bench); test-tooling/bench-figures
  // checks that the listed benches' keys are well-formed and unique.
  it('reports exactly the key issue 10 names', () => {
    expect(documentsBench.keys).toEqual(['money.receipt_pdf_ms']);
  });

  it('measures a real receipt PDF', async () => {
    const ms = await measureReceiptPdfMs(1, 0);
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });
});
