import { describe, expect, it } from 'vitest';
import { hotspotBench, measureVoucherPdfMs } from '../../bench/hotspot-bench';

describe('bench hotspot.pdf_1k_ms', () => {
  // It is listed in test/bench/run.ts (not imported here: that loads every bench); test-tooling/bench-figures
  // checks that the listed benches' keys are well-formed and unique.
  it('reports exactly the key issue 11 names', () => {
    expect(hotspotBench.keys).toEqual(['hotspot.pdf_1k_ms']);
  });

  it('measures a real voucher PDF', async () => {
    const { ms, bytes } = await measureVoucherPdfMs(5);
    expect(Number.isFinite(ms)).toBe(true);
    expect(bytes).toBeGreaterThan(1000);
  });
});
