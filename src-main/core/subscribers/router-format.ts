import type { RateLimit } from '@shared/contract/packages';

/**
 * RouterOS rate text, `rx/tx [burst-rx/burst-tx [threshold-rx/threshold-tx [time-rx/time-tx]]]`, the
 * same order in a PPP profile's `rate-limit` (MikroTik manual "PPP AAA": rate-limit) and pieces of a
 * simple queue (`max-limit`, `burst-limit`, `burst-threshold`, `burst-time`; manual "Queues").
 */
export function pppRateLimit(r: RateLimit): string {
  const base = `${r.rxKbps}k/${r.txKbps}k`;
  if (!r.burst) return base;
  const b = r.burst;
  return `${base} ${b.rxKbps}k/${b.txKbps}k ${b.thresholdRxKbps}k/${b.thresholdTxKbps}k ${b.timeSec}/${b.timeSec}`;
}

export function queueLimits(r: RateLimit): Record<string, string> {
  const out: Record<string, string> = { 'max-limit': `${r.rxKbps}k/${r.txKbps}k` };
  if (r.burst) {
    out['burst-limit'] = `${r.burst.rxKbps}k/${r.burst.txKbps}k`;
    out['burst-threshold'] = `${r.burst.thresholdRxKbps}k/${r.burst.thresholdTxKbps}k`;
    out['burst-time'] = `${r.burst.timeSec}s/${r.burst.timeSec}s`;
  }
  return out;
}
