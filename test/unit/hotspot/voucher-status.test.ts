import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMikhmonExpiryStamp, isStampedComment, stampedExpiryMs, voucherState, type VoucherCounters } from '../../../src-shared/domain/voucher-status';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const base: VoucherCounters = { revoked: false, active: false, uptimeSec: 0, bytesIn: 0, bytesOut: 0, limitUptimeSec: null, limitBytesTotal: null, expiresAtMs: null };

const counters = fc.record({
  revoked: fc.boolean(),
  active: fc.boolean(),
  uptimeSec: fc.nat(400_000),
  bytesIn: fc.nat(2 ** 40),
  bytesOut: fc.nat(2 ** 40),
  limitUptimeSec: fc.option(fc.integer({ min: 60, max: 400_000 }), { nil: null }),
  limitBytesTotal: fc.option(fc.integer({ min: 1_048_576, max: 2 ** 41 }), { nil: null }),
  expiresAtMs: fc.option(fc.integer({ min: NOW - 86_400_000, max: NOW + 86_400_000 }), { nil: null }),
});

describe('voucher state from router counters', () => {
  it('names each state on its plain case', () => {
    expect(voucherState(base, NOW)).toBe('unused');
    expect(voucherState({ ...base, active: true }, NOW)).toBe('in-use');
    expect(voucherState({ ...base, uptimeSec: 30, limitUptimeSec: 3600 }, NOW)).toBe('in-use');
    expect(voucherState({ ...base, uptimeSec: 3600, limitUptimeSec: 3600 }, NOW)).toBe('used-up');
    expect(voucherState({ ...base, bytesIn: 600, bytesOut: 424, limitBytesTotal: 1024 }, NOW)).toBe('used-up');
    expect(voucherState({ ...base, active: true, uptimeSec: 10, expiresAtMs: NOW }, NOW)).toBe('expired');
    expect(voucherState({ ...base, active: true, uptimeSec: 10, expiresAtMs: NOW + 1 }, NOW)).toBe('in-use');
    expect(voucherState({ ...base, revoked: true, active: true }, NOW)).toBe('revoked');
  });

  it('revoked wins; a limit reached is used up whatever else holds; an expiry passed is expired otherwise', () => {
    fc.assert(fc.property(counters, (c) => {
      const s = voucherState(c, NOW);
      const uptimeOut = c.limitUptimeSec !== null && c.uptimeSec >= c.limitUptimeSec;
      const bytesOut = c.limitBytesTotal !== null && c.bytesIn + c.bytesOut >= c.limitBytesTotal;
      if (c.revoked) return s === 'revoked';
      if (uptimeOut || bytesOut) return s === 'used-up';
      if (c.expiresAtMs !== null && c.expiresAtMs <= NOW) return s === 'expired';
      if (c.active || c.uptimeSec > 0 || c.bytesIn + c.bytesOut > 0) return s === 'in-use';
      return s === 'unused';
    }));
  });

  it('only a voucher nobody has touched is unused, and time only moves a voucher towards expired', () => {
    fc.assert(fc.property(counters, fc.nat(10 * 86_400_000), (c, later) => {
      const s = voucherState(c, NOW);
      if (s === 'unused') expect(c.active || c.uptimeSec > 0 || c.bytesIn + c.bytesOut > 0).toBe(false);
      const after = voucherState(c, NOW + later);
      expect(after === s || ((s === 'in-use' || s === 'unused') && after === 'expired')).toBe(true);
    }));
  });
});

describe('the first-login expiry stamp on a router comment', () => {
  it('reads `;exp=<UTC seconds>` at the end of the comment, nothing else', () => {
    expect(stampedExpiryMs('vc-001-12.03.26-shop;exp=1796284800')).toBe(1_796_284_800_000);
    expect(stampedExpiryMs('vc-001-12.03.26-shop')).toBeNull();
    expect(stampedExpiryMs('x;exp=12ab')).toBeNull();
    expect(stampedExpiryMs(undefined)).toBeNull();
  });

  it('counts as the desired comment only when the router added exactly a stamp', () => {
    expect(isStampedComment('vc-001-12.03.26-;exp=1796284800', 'vc-001-12.03.26-')).toBe(true);
    expect(isStampedComment('vc-001-12.03.26-x;exp=1796284800', 'vc-001-12.03.26-')).toBe(false);
    expect(isStampedComment('vc-002-12.03.26-;exp=1796284800', 'vc-001-12.03.26-')).toBe(false);
    expect(isStampedComment('vc-001-12.03.26-;exp=', 'vc-001-12.03.26-')).toBe(false);
  });

  it("takes Mikhmon's expiry date written over an adopted batch comment as agreeing, in both RouterOS date forms", () => {
    expect(isMikhmonExpiryStamp('jan/02/2027 10:00:00', 'vc-482-06.14.24-')).toBe(true);
    expect(isMikhmonExpiryStamp('2027-01-02 10:00:00', 'up-017-11.20.26-shop')).toBe(true);
    expect(isMikhmonExpiryStamp('2027-01-02', 'vc-482-06.14.24-')).toBe(false);
    expect(isMikhmonExpiryStamp('free wifi', 'vc-482-06.14.24-')).toBe(false);
    // Only for a voucher's batch comment: an enforcement or hand-written comment is not Mikhmon's.
    expect(isMikhmonExpiryStamp('2027-01-02 10:00:00', 'ispdesk:exp=1796284800')).toBe(false);
  });
});
