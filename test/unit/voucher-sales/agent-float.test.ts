import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentTotal, agentUnitPrice, floatAfter, MAX_DISCOUNT_BP, signAllowed, type AgentEntryKind } from '@shared/domain/agent-float';

const price = fc.integer({ min: 0, max: 1_000_000_000 });
const discount = fc.integer({ min: 0, max: MAX_DISCOUNT_BP });

describe('agent discount', () => {
  it('examples: no discount, 12.5 %, rounding up to a minor unit, free vouchers', () => {
    expect(agentUnitPrice(5_000, 0)).toBe(5_000);
    expect(agentUnitPrice(5_000, 1_250)).toBe(4_375);
    // 7,999 × 0.875 = 6,999.125 → the agent pays 7,000: the fraction stays with the ISP.
    expect(agentUnitPrice(7_999, 1_250)).toBe(7_000);
    expect(agentUnitPrice(0, 5_000)).toBe(0);
    expect(agentTotal([7_999, 7_999, 5_000], 1_250)).toBe(18_375);
    expect(() => agentUnitPrice(100, MAX_DISCOUNT_BP + 1)).toThrow(RangeError);
    expect(() => agentUnitPrice(-1, 0)).toThrow(RangeError);
    expect(() => agentUnitPrice(1.5, 0)).toThrow(RangeError);
  });

  it('the agent pays between the exact discounted price and one minor unit more, never more than the list price', () => {
    fc.assert(fc.property(price, discount, (p, bp) => {
      const unit = agentUnitPrice(p, bp);
      expect(Number.isSafeInteger(unit)).toBe(true);
      // Exact comparison in integers: unit × 10 000 ≥ p × (10 000 − bp) > (unit − 1) × 10 000.
      expect(unit * 10_000).toBeGreaterThanOrEqual(p * (10_000 - bp));
      expect((unit - 1) * 10_000).toBeLessThan(p * (10_000 - bp));
      expect(unit).toBeLessThanOrEqual(p);
    }));
  });

  it('a bigger discount never costs the agent more, and splitting a purchase costs exactly the same', () => {
    fc.assert(fc.property(fc.array(price, { maxLength: 30 }), discount, discount, fc.nat(30), (prices, a, b, cut) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(agentTotal(prices, hi)).toBeLessThanOrEqual(agentTotal(prices, lo));
      const k = Math.min(cut, prices.length);
      expect(agentTotal(prices.slice(0, k), a) + agentTotal(prices.slice(k), a)).toBe(agentTotal(prices, a));
    }));
  });
});

describe('float entries', () => {
  it('signs: top-up adds, purchase takes, adjustment and reversal either way, never zero', () => {
    expect(signAllowed('top-up', 1)).toBe(true);
    expect(signAllowed('top-up', -1)).toBe(false);
    expect(signAllowed('purchase', -1)).toBe(true);
    expect(signAllowed('purchase', 1)).toBe(false);
    expect(signAllowed('adjustment', -5)).toBe(true);
    expect(signAllowed('reversal', 5)).toBe(true);
    for (const k of ['top-up', 'purchase', 'adjustment', 'reversal'] as const) expect(signAllowed(k, 0)).toBe(false);
    expect(signAllowed('adjustment', 0.5)).toBe(false);
  });

  it('replaying any sequence of entries: accepted ones keep the balance ≥ 0 and equal to their sum; refused ones change nothing', () => {
    const entry = fc.record({
      kind: fc.constantFrom<AgentEntryKind>('top-up', 'purchase', 'adjustment', 'reversal'),
      amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    fc.assert(fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
      let balance = 0;
      let sum = 0;
      for (const e of entries) {
        if (!signAllowed(e.kind, e.amount)) continue;
        const next = floatAfter(balance, e.amount);
        if (next === null) {
          // Refused exactly when it would overdraw.
          expect(balance + e.amount).toBeLessThan(0);
          continue;
        }
        balance = next;
        sum += e.amount;
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(balance).toBe(sum);
      }
    }));
  });
});
