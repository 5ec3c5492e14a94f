import { describe, expect, it } from 'vitest';
import { hotspotBench, measureBatchPushMs, measureVoucherPdfMs } from '../../bench/hotspot-bench';

describe('bench hotspot.pdf_1k_ms and hotspot.batch_5k_ms', () => {
  // It is listed in test/bench/run.ts (not imported here: that loads every bench); test-tooling/bench-figures
  // checks that the listed benches' keys are well-formed and unique.
  it('reports exactly the keys issue 11 names', () => {
    expect(hotspotBench.keys).toEqual(['hotspot.pdf_1k_ms', 'hotspot.batch_5k_ms']);
  });

  it('measures a real voucher PDF', async () => {
    const { ms, bytes } = await measureVoucherPdfMs(5);
    expect(Number.isFinite(ms)).toBe(true);
    expect(bytes).toBeGreaterThan(1000);
  });

  it('measures a real batch push: it throws unless every voucher is verified on the router', async () => {
    expect(Number.isFinite(await measureBatchPushMs(25))).toBe(true);
  });
});
