import { describe, expect, it } from 'vitest';
import { addMoney, formatMoney, minorDigits, parseAmount, taxOn } from '@shared/domain/money';

describe('money in minor units', () => {
  it('parses typed amounts into integer minor units', () => {
    expect(parseAmount('1,500', 'KES')).toBe(150_000);
    expect(parseAmount('1500.5', 'KES')).toBe(150_050);
    expect(parseAmount('KES 20', 'KES')).toBe(2_000);
    expect(parseAmount('-3.10', 'KES')).toBe(-310);
    expect(parseAmount('2000', 'UGX')).toBe(2000);
  });

  it('rejects text that is not a plain amount or has too many decimals', () => {
    expect(parseAmount('12.345', 'KES')).toBeNull();
    expect(parseAmount('1.5', 'UGX')).toBeNull();
    expect(parseAmount('abc', 'KES')).toBeNull();
    expect(parseAmount('', 'KES')).toBeNull();
    expect(parseAmount('99999999999999999999', 'KES')).toBeNull();
  });

  it('knows minor digits per currency', () => {
    expect(minorDigits('KES')).toBe(2);
    expect(minorDigits('UGX')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('XYZ')).toBe(2);
  });

  it('formats with the currency', () => {
    expect(formatMoney(150_050, 'KES')).toMatch(/1,500\.50/);
    expect(formatMoney(2000, 'UGX')).toMatch(/2,000/);
  });

  it('refuses to add different currencies', () => {
    expect(addMoney({ amountMinor: 100, currency: 'KES' }, { amountMinor: 50, currency: 'KES' })).toEqual({ amountMinor: 150, currency: 'KES' });
    expect(() => addMoney({ amountMinor: 1, currency: 'KES' }, { amountMinor: 1, currency: 'UGX' })).toThrow(/currency mismatch/);
  });

  it('rounds tax half away from zero to a whole minor unit', () => {
    expect(taxOn(100_000, 1600)).toBe(16_000);
    expect(taxOn(333, 1600)).toBe(53); // 53.28
    expect(taxOn(-333, 1600)).toBe(-53);
    expect(taxOn(5, 1000)).toBe(1); // 0.5 → 1
  });
});
