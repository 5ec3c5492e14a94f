import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codeKey, fitsCodeSpace, generateVoucherCodes, LOOK_ALIKES, VOUCHER_CHARSET_NAMES, VOUCHER_CHARSETS, type RandomInt, type VoucherCodeOptions,
} from '@shared/domain/voucher-code';

/** A seeded generator (mulberry32) so a failing case replays. */
function seeded(seed: number): RandomInt {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const options = fc.record({
  count: fc.integer({ min: 1, max: 300 }),
  length: fc.integer({ min: 4, max: 10 }),
  prefix: fc.stringMatching(/^[A-Za-z2-9]{0,4}$/),
  charset: fc.constantFrom(...VOUCHER_CHARSET_NAMES),
  mode: fc.constantFrom('same' as const, 'pin' as const),
  pinLength: fc.integer({ min: 4, max: 8 }),
});

describe('voucher codes', () => {
  it('no charset holds a look-alike character', () => {
    for (const chars of Object.values(VOUCHER_CHARSETS)) for (const c of LOOK_ALIKES) expect(chars).not.toContain(c);
  });

  it('makes count codes of prefix + length charset characters, unique within the batch and against existing ones', () => {
    fc.assert(fc.property(options, fc.integer(), fc.array(fc.stringMatching(/^[a-z2-9]{4,6}$/), { maxLength: 50 }), (o, seed, existingList) => {
      fc.pre(fitsCodeSpace(o, o.count, existingList.length));
      const existing = new Set(existingList);
      const out = generateVoucherCodes(o, existing, seeded(seed));
      expect(out).toHaveLength(o.count);
      const keys = new Set(out.map((v) => codeKey(v.code)));
      expect(keys.size).toBe(o.count);
      for (const e of existing) expect(keys.has(codeKey(e))).toBe(false);
      const chars = VOUCHER_CHARSETS[o.charset];
      const pin = new RegExp(`^[2-9]{${o.pinLength}}$`);
      const bad = out.filter((v) => {
        const rest = v.code.slice(o.prefix.length);
        const shapeOk = v.code.startsWith(o.prefix) && rest.length === o.length && [...rest].every((c) => chars.includes(c));
        const passwordOk = o.mode === 'same' ? v.password === v.code : pin.test(v.password);
        return !(shapeOk && passwordOk);
      });
      expect(bad).toEqual([]);
    }), { numRuns: 100 });
  });

  it('treats codes differing only in case as the same code', () => {
    const o: VoucherCodeOptions = { count: 20, length: 4, prefix: '', charset: 'mixed', mode: 'same', pinLength: 4 };
    // A generator that keeps offering the same letters in other cases must not produce "AbCd" next to "abcd".
    const existing = new Set(['abcd']);
    let i = 0;
    const seq = seeded(7);
    const biased: RandomInt = (n) => (i++ < 400 ? [0, 24, 2, 26][i % 4]! % n : seq(n));
    const out = generateVoucherCodes(o, existing, biased);
    expect(new Set(out.map((v) => codeKey(v.code))).size).toBe(20);
    expect(out.map((v) => codeKey(v.code))).not.toContain('abcd');
  });

  it('refuses a batch the code space cannot hold with room to spare', () => {
    const o: VoucherCodeOptions = { count: 40, length: 2, prefix: '', charset: 'numeric', mode: 'same', pinLength: 4 };
    expect(fitsCodeSpace(o, 32, 0)).toBe(true); // 8² = 64 codes, half may be taken
    expect(fitsCodeSpace(o, 33, 0)).toBe(false);
    expect(() => generateVoucherCodes(o, new Set())).toThrow(/too small/);
  });

  it('uses Web Crypto by default', () => {
    const out = generateVoucherCodes({ count: 5, length: 8, prefix: 'KE', charset: 'alnumUpper', mode: 'pin', pinLength: 5 }, new Set());
    expect(out).toHaveLength(5);
    expect(out.every((v) => /^KE[A-Z2-9]{8}$/.test(v.code))).toBe(true);
  });
});
