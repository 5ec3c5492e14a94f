import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendExpiry, PERIOD_UNITS, type BillingPeriod } from '@shared/domain/billing-period';
import { MAX_PERIODS_PER_RENEWAL, planRenewal } from '@shared/domain/renewal';

const ZONES = ['Africa/Nairobi', 'UTC', 'Europe/London', 'America/New_York'] as const;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
const price = fc.integer({ min: 1, max: 10_000_000 });
const period = fc.record({ count: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom(...PERIOD_UNITS) }) as fc.Arbitrary<BillingPeriod>;
const zone = fc.constantFrom(...ZONES);

describe('renewal rule', () => {
  it('examples: exact price, overpayment, partial, expired subscriber, no price', () => {
    const base = { priceMinor: 150000, period: { count: 1, unit: 'months' } as const, timeZone: 'Africa/Nairobi', now: new Date('2026-11-27T08:00:00Z') };
    const ahead = new Date('2026-12-27T08:00:00Z');
    expect(planRenewal({ ...base, balanceMinor: 150000, expiresAt: ahead })).toEqual({ periods: 1, debitMinor: 150000, expiresAt: new Date('2027-01-27T08:00:00Z'), remainderMinor: 0 });
    expect(planRenewal({ ...base, balanceMinor: 320000, expiresAt: ahead })).toEqual({ periods: 2, debitMinor: 300000, expiresAt: new Date('2027-02-27T08:00:00Z'), remainderMinor: 20000 });
    expect(planRenewal({ ...base, balanceMinor: 149999, expiresAt: ahead })).toEqual({ periods: 0, debitMinor: 0, expiresAt: ahead, remainderMinor: 149999 });
    // Expired on 1 Nov: the month counts from now, not from the lapsed expiry.
    expect(planRenewal({ ...base, balanceMinor: 150000, expiresAt: new Date('2026-11-01T08:00:00Z') }).expiresAt).toEqual(new Date('2026-12-27T08:00:00Z'));
    expect(planRenewal({ ...base, priceMinor: 0, balanceMinor: 5000, expiresAt: ahead })).toMatchObject({ periods: 0, remainderMinor: 5000 });
    // A debt (negative balance) is covered before anything is bought.
    expect(planRenewal({ ...base, balanceMinor: -50000 + 150000, expiresAt: ahead })).toMatchObject({ periods: 0, remainderMinor: 100000 });
    // End-of-day option: 23:59:59 local on the day the period ends.
    expect(planRenewal({ ...base, balanceMinor: 150000, expiresAt: ahead, endOfDay: true }).expiresAt).toEqual(new Date('2027-01-27T20:59:59Z'));
  });

  it('conserves money: balance = remainder + periods × price, remainder in [0, price) and never negative', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), price, period, instant, instant, zone, (balance, p, per, now, exp, tz) => {
      fc.pre(Math.floor(balance / p) <= MAX_PERIODS_PER_RENEWAL);
      const r = planRenewal({ balanceMinor: balance, priceMinor: p, period: per, expiresAt: exp, now, timeZone: tz });
      expect(r.remainderMinor + r.periods * p).toBe(balance);
      expect(r.debitMinor).toBe(r.periods * p);
      expect(r.remainderMinor).toBeGreaterThanOrEqual(0);
      expect(r.remainderMinor).toBeLessThan(p);
    }), { numRuns: 200 });
  });

  it('never moves an expiry backwards; a bought period ends after now and after the old expiry (early payments stack)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), price, period, instant, instant, zone, (times, p, per, now, exp, tz) => {
      const r = planRenewal({ balanceMinor: times * p, priceMinor: p, period: per, expiresAt: exp, now, timeZone: tz });
      expect(r.periods).toBe(times);
      expect(r.expiresAt.getTime()).toBeGreaterThan(Math.max(now.getTime(), exp.getTime()));
      expect(r.expiresAt).toEqual(extendExpiry(exp, now, per, times, tz));
    }), { numRuns: 200 });
  });

  it('partial payments accumulate: paying in pieces buys as many periods as paying the total at once', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 12 }), price, (pieces, p) => {
      let balance = 0;
      let periods = 0;
      const ahead = new Date('2030-01-01T00:00:00Z');
      for (const piece of pieces) {
        const r = planRenewal({ balanceMinor: balance + piece, priceMinor: p, period: { count: 1, unit: 'days' }, expiresAt: ahead, now: new Date('2029-01-01T00:00:00Z'), timeZone: 'UTC' });
        balance = r.remainderMinor;
        periods += r.periods;
      }
      const total = pieces.reduce((a, b) => a + b, 0);
      fc.pre(Math.floor(total / p) <= MAX_PERIODS_PER_RENEWAL);
      expect(periods).toBe(Math.floor(total / p));
      expect(balance).toBe(total % p);
    }), { numRuns: 200 });
  });

  it('two early payments in a zone without DST reach the same expiry as one payment of both (hours, days, weeks)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom('hours', 'days', 'weeks'), instant, instant,
      fc.constantFrom('Africa/Nairobi', 'UTC'), (a, b, unit, now, exp, tz) => {
        const per: BillingPeriod = { count: 1, unit: unit as BillingPeriod['unit'] };
        const first = planRenewal({ balanceMinor: a * 100, priceMinor: 100, period: per, expiresAt: exp, now, timeZone: tz });
        const second = planRenewal({ balanceMinor: b * 100, priceMinor: 100, period: per, expiresAt: first.expiresAt, now, timeZone: tz });
        const once = planRenewal({ balanceMinor: (a + b) * 100, priceMinor: 100, period: per, expiresAt: exp, now, timeZone: tz });
        expect(second.expiresAt).toEqual(once.expiresAt);
      }), { numRuns: 200 });
  });

  it('caps one renewal at MAX_PERIODS_PER_RENEWAL: the rest stays in the wallet', () => {
    const r = planRenewal({ balanceMinor: 5_000_000, priceMinor: 1, period: { count: 1, unit: 'hours' }, expiresAt: new Date('2026-01-01T00:00:00Z'), now: new Date('2026-01-01T00:00:00Z'), timeZone: 'UTC' });
    expect(r).toMatchObject({ periods: MAX_PERIODS_PER_RENEWAL, remainderMinor: 5_000_000 - MAX_PERIODS_PER_RENEWAL });
  });
});
