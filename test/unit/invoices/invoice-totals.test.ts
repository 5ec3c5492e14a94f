import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, formatInvoiceNumber, invoiceTotals, paidStatus } from '@shared/domain/invoice-totals';
import { previousLocalMonth } from '@shared/domain/invoice-period';

const line = fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }) });
const rate = fc.integer({ min: 0, max: 10_000 });

describe('invoice totals: VAT inclusive and exclusive, rounded once to a whole minor unit', () => {
  it('exclusive adds round-half-up(subtotal × rate) on top of the line sum', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), rate, (lines, r) => {
      const t = invoiceTotals(lines, { mode: 'exclusive', rateBasisPoints: r });
      const sum = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
      expect(t.subtotalMinor).toBe(sum);
      expect(t.totalMinor).toBe(t.subtotalMinor + t.vatMinor);
      // |VAT − exact| ≤ ½ minor unit, and a tie rounds up.
      const exact = (sum * r) / 10_000;
      expect(Math.abs(t.vatMinor - exact)).toBeLessThanOrEqual(0.5);
      if (exact - Math.floor(exact) === 0.5) expect(t.vatMinor).toBe(Math.ceil(exact));
    }));
  });

  it('inclusive keeps the line sum as the total and shows the VAT part of it', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), rate, (lines, r) => {
      const t = invoiceTotals(lines, { mode: 'inclusive', rateBasisPoints: r });
      const sum = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
      expect(t.totalMinor).toBe(sum);
      expect(t.subtotalMinor + t.vatMinor).toBe(sum);
      const exact = (sum * r) / (10_000 + r);
      expect(Math.abs(t.vatMinor - exact)).toBeLessThanOrEqual(0.5);
      expect(t.vatMinor).toBeGreaterThanOrEqual(0);
    }));
  });

  it('the two modes agree when the inclusive price is the exclusive total (up to one minor unit of rounding)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), rate, (net, r) => {
      const ex = invoiceTotals([{ quantity: 1, unitPriceMinor: net }], { mode: 'exclusive', rateBasisPoints: r });
      const inc = invoiceTotals([{ quantity: 1, unitPriceMinor: ex.totalMinor }], { mode: 'inclusive', rateBasisPoints: r });
      expect(Math.abs(inc.vatMinor - ex.vatMinor)).toBeLessThanOrEqual(1);
    }));
  });

  it('known values at 16 %', () => {
    expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 150_000 }], { mode: 'exclusive', rateBasisPoints: 1600 })).toEqual({ lineAmountsMinor: [150_000], subtotalMinor: 150_000, vatMinor: 24_000, totalMinor: 174_000 });
    expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 116_000 }], { mode: 'inclusive', rateBasisPoints: 1600 })).toMatchObject({ subtotalMinor: 100_000, vatMinor: 16_000, totalMinor: 116_000 });
    // 3 × 33 = 99 at 16 % inclusive: 99 × 16/116 = 13.655… → 14.
    expect(invoiceTotals([{ quantity: 3, unitPriceMinor: 33 }], { mode: 'inclusive', rateBasisPoints: 1600 })).toMatchObject({ subtotalMinor: 85, vatMinor: 14, totalMinor: 99 });
    // 1 × 25 at 2 % exclusive: 0.5 → 1 (half up).
    expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 25 }], { mode: 'exclusive', rateBasisPoints: 200 }).vatMinor).toBe(1);
  });
});

describe('allocation oldest first', () => {
  it('fills each invoice before the next, never more than it owes, and returns the rest', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 10 }), fc.integer({ min: 1, max: 5_000_000 }), (owed, amount) => {
      const open = owed.map((b, i) => ({ id: `i${i}`, balanceDueMinor: b }));
      const r = allocateOldestFirst(open, amount);
      const given = r.allocations.reduce((s, a) => s + a.amountMinor, 0);
      expect(given + r.leftoverMinor).toBe(amount);
      r.allocations.forEach((a, k) => {
        expect(a.invoiceId).toBe(`i${k}`);
        expect(a.amountMinor).toBeLessThanOrEqual(owed[k]!);
        if (k < r.allocations.length - 1) expect(a.amountMinor).toBe(owed[k]);
      });
      if (r.leftoverMinor > 0) expect(given).toBe(owed.reduce((s, b) => s + b, 0));
    }));
  });

  it('derives the status from what was paid', () => {
    expect([paidStatus(100, 0), paidStatus(100, 40), paidStatus(100, 100)]).toEqual(['issued', 'partially_paid', 'paid']);
    expect(formatInvoiceNumber('INV-', 42)).toBe('INV-00042');
    expect(formatInvoiceNumber('', 1234567)).toBe('1234567');
  });
});

describe('the month a postpaid run bills', () => {
  it('is the local month before the run, across a year end and in the tenant zone', () => {
    const m = previousLocalMonth(new Date('2026-12-01T03:00:00.000Z'), 'Africa/Nairobi');
    expect(m).toEqual({ key: '2026-11', from: new Date('2026-10-31T21:00:00.000Z'), to: new Date('2026-11-30T21:00:00.000Z') });
    expect(previousLocalMonth(new Date('2027-01-01T00:30:00.000Z'), 'Africa/Nairobi').key).toBe('2026-12');
    // 30 Nov 22:00 UTC is already 1 December in Nairobi.
    expect(previousLocalMonth(new Date('2026-11-30T22:00:00.000Z'), 'Africa/Nairobi').key).toBe('2026-11');
  });
});
