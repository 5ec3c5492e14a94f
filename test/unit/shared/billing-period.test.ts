import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod, endOfLocalDay, extendExpiry } from '@shared/domain/billing-period';
import { localDate, zoneOffsetMinutes } from '@shared/domain/time';

const ZONES = ['Africa/Nairobi', 'UTC', 'Europe/London', 'America/New_York'] as const;
const at = (iso: string) => new Date(iso);

/** Local wall-clock fields of an instant in a zone. */
function wall(d: Date, tz: string): { y: number; m: number; day: number; ms: number } {
  const w = new Date(d.getTime() + zoneOffsetMinutes(d, tz) * 60_000);
  return { y: w.getUTCFullYear(), m: w.getUTCMonth(), day: w.getUTCDate(), ms: w.getTime() - Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()) };
}
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

// Instants between 2020 and 2035, whole seconds (what the app stores after a form).
const instant = fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => new Date(s * 1000));

describe('billing periods', () => {
  it('documented month ends: 31 Jan + 1 month is the last day of February (leap and common years)', () => {
    expect(addPeriod(at('2027-01-31T09:00:00Z'), { count: 1, unit: 'months' }, 'UTC').toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(addPeriod(at('2028-01-31T09:00:00Z'), { count: 1, unit: 'months' }, 'UTC').toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(addPeriod(at('2027-03-31T09:00:00Z'), { count: 1, unit: 'months' }, 'UTC').toISOString()).toBe('2027-04-30T09:00:00.000Z');
    // Nairobi: 31 Jan 23:30 local is 20:30 UTC; the month is counted on the local calendar.
    expect(addPeriod(at('2027-01-31T20:30:00Z'), { count: 1, unit: 'months' }, 'Africa/Nairobi').toISOString()).toBe('2027-02-28T20:30:00.000Z');
    // In UTC that instant is still 31 Jan, but in Nairobi it is 1 Feb 01:30: + 1 month = 1 Mar 01:30 local.
    expect(addPeriod(at('2027-01-31T22:30:00Z'), { count: 1, unit: 'months' }, 'Africa/Nairobi').toISOString()).toBe('2027-02-28T22:30:00.000Z');
    expect(addPeriod(at('2027-01-31T22:30:00Z'), { count: 1, unit: 'months' }, 'UTC').toISOString()).toBe('2027-02-28T22:30:00.000Z');
    // 30 Jan 22:30 UTC is 31 Jan 01:30 in Nairobi: clamped to 28 Feb 01:30 local.
    expect(addPeriod(at('2027-01-30T22:30:00Z'), { count: 1, unit: 'months' }, 'Africa/Nairobi').toISOString()).toBe('2027-02-27T22:30:00.000Z');
    expect(addPeriod(at('2027-12-15T10:00:00Z'), { count: 3, unit: 'months' }, 'UTC').toISOString()).toBe('2028-03-15T10:00:00.000Z');
  });

  it('hours are elapsed time; days keep the local wall time across a DST change', () => {
    // Europe/London springs forward on 2027-03-28 at 01:00 UTC.
    expect(addPeriod(at('2027-03-27T12:00:00Z'), { count: 24, unit: 'hours' }, 'Europe/London').toISOString()).toBe('2027-03-28T12:00:00.000Z');
    expect(addPeriod(at('2027-03-27T12:00:00Z'), { count: 1, unit: 'days' }, 'Europe/London').toISOString()).toBe('2027-03-28T11:00:00.000Z');
    expect(addPeriod(at('2027-03-27T12:00:00Z'), { count: 1, unit: 'weeks' }, 'Europe/London').toISOString()).toBe('2027-04-03T11:00:00.000Z');
    // 01:30 local on 28 Mar does not exist in London: it moves to just after the gap (02:30 BST = 01:30 UTC).
    expect(addPeriod(at('2027-03-27T01:30:00Z'), { count: 1, unit: 'days' }, 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('end of day is 23:59:59 local', () => {
    expect(endOfLocalDay(at('2027-05-10T05:00:00Z'), 'Africa/Nairobi').toISOString()).toBe('2027-05-10T20:59:59.000Z');
    expect(endOfLocalDay(at('2027-05-10T22:00:00Z'), 'Africa/Nairobi').toISOString()).toBe('2027-05-11T20:59:59.000Z');
    expect(endOfLocalDay(at('2027-05-10T05:00:00Z'), 'UTC').toISOString()).toBe('2027-05-10T23:59:59.000Z');
  });

  it('extends from the current expiry when ahead, from now when already past', () => {
    const now = at('2027-06-10T08:00:00Z');
    expect(extendExpiry(at('2027-06-20T08:00:00Z'), now, { count: 1, unit: 'months' }, 1, 'UTC').toISOString()).toBe('2027-07-20T08:00:00.000Z');
    expect(extendExpiry(at('2027-05-01T08:00:00Z'), now, { count: 7, unit: 'days' }, 2, 'UTC').toISOString()).toBe('2027-06-24T08:00:00.000Z');
    expect(extendExpiry(at('2027-05-01T08:00:00Z'), now, { count: 1, unit: 'days' }, 1, 'Africa/Nairobi', { endOfDay: true }).toISOString()).toBe('2027-06-11T20:59:59.000Z');
  });

  describe('properties', () => {
    it.each(ZONES)('%s: N months lands on the same local day, clamped to the month end, same wall time when it exists', (tz) => {
      fc.assert(fc.property(instant, fc.integer({ min: 1, max: 36 }), (from, n) => {
        const out = addPeriod(from, { count: n, unit: 'months' }, tz);
        const a = wall(from, tz);
        const b = wall(out, tz);
        const months = (b.y - a.y) * 12 + (b.m - a.m);
        expect(out.getTime()).toBeGreaterThan(from.getTime());
        if (b.ms === a.ms) {
          expect(months).toBe(n);
          expect(b.day).toBe(Math.min(a.day, daysIn(b.y, b.m)));
        } else {
          // Only a DST gap may shift the wall time, by at most the zone's jump, never the month.
          expect(Math.abs(b.ms - a.ms)).toBeLessThanOrEqual(3_600_000);
          expect(tz === 'Africa/Nairobi' || tz === 'UTC').toBe(false);
        }
      }), { numRuns: 300 });
    });

    it.each(ZONES)('%s: N days moves the local calendar date by exactly N', (tz) => {
      fc.assert(fc.property(instant, fc.integer({ min: 1, max: 400 }), (from, n) => {
        const out = addPeriod(from, { count: n, unit: 'days' }, tz);
        const dayNumber = (d: Date) => Date.parse(`${localDate(d, tz)}T00:00:00Z`) / 86_400_000;
        const shift = dayNumber(out) - dayNumber(from);
        // A wall time inside a DST gap moves past the gap, which can only cross midnight in zones switching at midnight.
        expect(shift === n || (tz !== 'UTC' && tz !== 'Africa/Nairobi' && shift === n + 1)).toBe(true);
      }), { numRuns: 300 });
    });

    it('DST-free zones: days and weeks are exact multiples of 24 h; months never lose time against the calendar', () => {
      for (const tz of ['Africa/Nairobi', 'UTC']) {
        fc.assert(fc.property(instant, fc.integer({ min: 1, max: 100 }), fc.constantFrom('days' as const, 'weeks' as const), (from, n, unit) => {
          const out = addPeriod(from, { count: n, unit }, tz);
          expect(out.getTime() - from.getTime()).toBe(n * (unit === 'weeks' ? 7 : 1) * 86_400_000);
        }), { numRuns: 200 });
      }
    });

    it('adding months one at a time never runs ahead of adding them at once (clamping only shortens)', () => {
      fc.assert(fc.property(instant, fc.integer({ min: 2, max: 24 }), fc.constantFrom(...ZONES), (from, n, tz) => {
        let stepped = from;
        for (let i = 0; i < n; i += 1) stepped = addPeriod(stepped, { count: 1, unit: 'months' }, tz);
        const once = addPeriod(from, { count: n, unit: 'months' }, tz);
        expect(stepped.getTime()).toBeLessThanOrEqual(once.getTime() + 3_600_000);
      }), { numRuns: 200 });
    });

    it('the end-of-day option lands on 23:59:59 local of the same local day', () => {
      fc.assert(fc.property(instant, fc.constantFrom(...ZONES), (d, tz) => {
        const e = endOfLocalDay(d, tz);
        expect(localDate(e, tz)).toBe(localDate(d, tz));
        expect(localDate(new Date(e.getTime() + 1000), tz)).not.toBe(localDate(d, tz));
        expect(e.getTime()).toBeGreaterThanOrEqual(d.getTime() - 1000);
      }), { numRuns: 300 });
    });
  });
});
