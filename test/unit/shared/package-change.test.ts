import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod, PERIOD_UNITS, type BillingPeriod } from '@shared/domain/billing-period';
import { planPackageChange, proRataCredit } from '@shared/domain/package-change';

const ZONES = ['Africa/Nairobi', 'UTC', 'Europe/London', 'America/New_York'] as const;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
const price = fc.integer({ min: 1, max: 10_000_000 });
const period = fc.record({ count: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom(...PERIOD_UNITS) }) as fc.Arbitrary<BillingPeriod>;
const zone = fc.constantFrom(...ZONES);
const policy = fc.constantFrom('next-renewal' as const, 'now-pro-rata' as const);
const month: BillingPeriod = { count: 1, unit: 'months' };
const now = new Date('2026-11-27T08:00:00Z');

describe('package change rule', () => {
  it('examples: half a month left of 1,500.00 gives back 750.00 (rounded down), then the new package is bought from now', () => {
    // 30-day November period 27 Oct 08:00 … 27 Nov 08:00 +… : expiry 12 Dec 08:00, period 12 Nov → 12 Dec (30 days), 15 days left.
    const expiresAt = new Date('2026-12-12T08:00:00Z');
    expect(proRataCredit({ priceMinor: 150000, period: month }, expiresAt, now, 'UTC')).toBe(75000);
    // 1/3 of a 3-unit price rounds down.
    expect(proRataCredit({ priceMinor: 100, period: { count: 3, unit: 'hours' } }, new Date(now.getTime() + 3_600_000), now, 'UTC')).toBe(33);
    const plan = planPackageChange({
      policy: 'now-pro-rata', balanceMinor: 10000, expiresAt, now, timeZone: 'UTC', from: { priceMinor: 150000, period: month }, to: { priceMinor: 50000, period: month },
    });
    expect(plan).toEqual({ policy: 'now-pro-rata', creditMinor: 75000, periods: 1, debitMinor: 50000, expiresAt: new Date('2026-12-27T08:00:00Z'), balanceAfterMinor: 35000, shortMinor: 0 });
    // An upgrade the wallet cannot pay for would cut the subscriber off: the plan says what is missing.
    const up = planPackageChange({ ...{ policy: 'now-pro-rata' as const, balanceMinor: 0, expiresAt, now, timeZone: 'UTC' }, from: { priceMinor: 150000, period: month }, to: { priceMinor: 300000, period: month } });
    expect(up).toMatchObject({ creditMinor: 75000, periods: 0, shortMinor: 225000, balanceAfterMinor: 75000, expiresAt: now });
    // Two whole months still ahead plus half of one.
    expect(proRataCredit({ priceMinor: 150000, period: month }, new Date('2027-02-12T08:00:00Z'), now, 'UTC')).toBe(375000);
    // Expired: nothing to give back; next-renewal moves no money and keeps the expiry.
    expect(proRataCredit({ priceMinor: 150000, period: month }, new Date('2026-11-01T00:00:00Z'), now, 'UTC')).toBe(0);
    expect(planPackageChange({ policy: 'next-renewal', balanceMinor: 42, expiresAt, now, timeZone: 'UTC', from: { priceMinor: 1, period: month }, to: { priceMinor: 2, period: month } }))
      .toEqual({ policy: 'next-renewal', creditMinor: 0, periods: 0, debitMinor: 0, expiresAt, balanceAfterMinor: 42, shortMinor: 0 });
  });

  it('creates or loses no money beyond the pro-rata credit: after = before + credit − periods × new price', () => {
    fc.assert(fc.property(policy, fc.integer({ min: -1_000_000, max: 100_000_000 }), price, period, price, period, instant, fc.integer({ min: -90 * 86400, max: 400 * 86400 }), zone,
      (pol, balance, fromPrice, fromPeriod, toPrice, toPeriod, at, aheadS, tz) => {
        const p = planPackageChange({ policy: pol, balanceMinor: balance, expiresAt: new Date(at.getTime() + aheadS * 1000), now: at, timeZone: tz,
          from: { priceMinor: fromPrice, period: fromPeriod }, to: { priceMinor: toPrice, period: toPeriod } });
        expect(Number.isSafeInteger(p.creditMinor) && p.creditMinor >= 0).toBe(true);
        expect(p.debitMinor).toBe(p.periods * toPrice);
        expect(p.balanceAfterMinor).toBe(balance + p.creditMinor - p.debitMinor);
        if (pol === 'next-renewal') expect(p.creditMinor + p.periods).toBe(0);
        if (aheadS <= 0) expect(p.creditMinor).toBe(0);
        if (p.periods > 0) expect(p.balanceAfterMinor).toBeLessThan(balance + p.creditMinor);
        if (p.shortMinor > 0) expect(balance + p.creditMinor + p.shortMinor).toBeGreaterThanOrEqual(toPrice);
      }), { numRuns: 400 });
  });

  it('with a fixed-length period the credit is exactly floor(price × unused ÷ period length)', () => {
    fc.assert(fc.property(price, fc.integer({ min: 1, max: 48 }), instant, fc.integer({ min: 1, max: 400 * 3600 }), (p, hours, at, aheadS) => {
      const len = hours * 3_600_000;
      const unused = aheadS * 1000;
      const c = proRataCredit({ priceMinor: p, period: { count: hours, unit: 'hours' } }, new Date(at.getTime() + unused), at, 'UTC');
      expect(c).toBe(Math.floor(p * Math.floor(unused / len)) + Number((BigInt(p) * BigInt(unused % len)) / BigInt(len)));
      expect(c).toBeLessThanOrEqual((p * unused) / len);
    }), { numRuns: 300 });
  });

  it('never gives back more later than earlier, and k whole periods left are worth k prices', () => {
    fc.assert(fc.property(price, period, instant, fc.integer({ min: 0, max: 5 }), zone, fc.integer({ min: 1, max: 100 * 86400 }), (p, per, exp, k, tz, laterS) => {
      const from = { priceMinor: p, period: per };
      const start = addPeriod(exp, { count: -per.count * k, unit: per.unit }, tz);
      const early = proRataCredit(from, exp, new Date(start.getTime() - 1000), tz);
      const late = proRataCredit(from, exp, new Date(start.getTime() - 1000 + laterS * 1000), tz);
      expect(late).toBeLessThanOrEqual(early);
      if (per.unit === 'hours' || tz === 'UTC') {
        // Exactly on a period boundary k periods before expiry (hours, or days/weeks/months counted in UTC without clamping).
        const clean = per.unit !== 'months' || exp.getUTCDate() <= 28;
        if (clean) expect(proRataCredit(from, exp, start, tz)).toBe(k * p);
      }
    }), { numRuns: 300 });
  });
});
