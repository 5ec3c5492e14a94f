import { describe, expect, it } from 'vitest';
import { parseRateLimit, rateKbps } from '../../../src-main/core/adoption/rate-limit';
import { dateInComment, expiryFromComment } from '../../../src-main/core/adoption/comment-date';

describe('PPP profile rate-limit', () => {
  it('reads rx/tx with k and M suffixes and plain bits per second', () => {
    expect(parseRateLimit('5M/10M')).toEqual({ rxKbps: 5000, txKbps: 10000, burst: null });
    expect(parseRateLimit('512k/2M')).toEqual({ rxKbps: 512, txKbps: 2000, burst: null });
    expect(parseRateLimit('1000000/2000000')).toEqual({ rxKbps: 1000, txKbps: 2000, burst: null });
    expect(rateKbps('1G')).toBe(1_000_000);
  });

  it('uses the rx rate for tx when only one is given', () => {
    expect(parseRateLimit('4M')).toEqual({ rxKbps: 4000, txKbps: 4000, burst: null });
  });

  it('reads burst rate, threshold and time, defaulting the threshold to the rate', () => {
    expect(parseRateLimit('2M/4M 4M/8M 1500k/3M 16/16')).toEqual({
      rxKbps: 2000, txKbps: 4000, burst: { rxKbps: 4000, txKbps: 8000, thresholdRxKbps: 1500, thresholdTxKbps: 3000, timeSec: 16 },
    });
    expect(parseRateLimit('2M/4M 4M/8M')?.burst).toEqual({ rxKbps: 4000, txKbps: 8000, thresholdRxKbps: 2000, thresholdTxKbps: 4000, timeSec: 1 });
  });

  it('returns null for no limit or text it cannot read', () => {
    expect(parseRateLimit('')).toBeNull();
    expect(parseRateLimit(undefined)).toBeNull();
    expect(parseRateLimit('fast/slow')).toBeNull();
    expect(parseRateLimit('0/0')).toBeNull();
  });
});

describe('dates in secret comments', () => {
  it('finds ISO, RouterOS v6, day-first and written-month dates', () => {
    expect(dateInComment('Mary - paid till 2026-03-31')).toBe('2026-03-31');
    expect(dateInComment('exp mar/31/2026')).toBe('2026-03-31');
    expect(dateInComment('John 31/03/2026 Roysambu')).toBe('2026-03-31');
    expect(dateInComment('expires 5 Apr 2026')).toBe('2026-04-05');
  });

  it('ignores phone numbers and impossible dates', () => {
    expect(dateInComment('Wanjiku Mary - Ruaka - 0712345678')).toBeNull();
    expect(dateInComment('31/02/2026')).toBeNull();
  });

  it('expires at the end of that local day, and never in the past', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    // Nairobi is UTC+3: the 31st ends at 21:00 UTC.
    expect(expiryFromComment('paid till 2026-03-31', now, 'Africa/Nairobi')?.toISOString()).toBe('2026-03-31T21:00:00.000Z');
    expect(expiryFromComment('paid till 2026-02-10', now, 'Africa/Nairobi')).toBeNull();
    expect(expiryFromComment('no date here', now, 'Africa/Nairobi')).toBeNull();
  });
});
