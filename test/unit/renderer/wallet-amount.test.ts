import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '@shared/contract/payments';
import { amountTextToMinor, minorToAmountText, signedMoney } from '../../../src-renderer/features/wallet/wallet-amount';

describe('wallet amounts (shillings text ⇄ minor units)', () => {
  it('reads what a person types as minor units', () => {
    expect(amountTextToMinor('1500', 'KES')).toBe(150_000);
    expect(amountTextToMinor('1,500.5', 'KES')).toBe(150_050);
    expect(amountTextToMinor(' KES 20.05 ', 'KES')).toBe(2_005);
    expect(amountTextToMinor('0.01', 'KES')).toBe(1);
    expect(amountTextToMinor('500', 'UGX')).toBe(500);
  });

  it('refuses what is not a positive amount the contract takes', () => {
    for (const bad of ['', 'abc', '0', '0.00', '-5', '1.234', '12a']) expect(amountTextToMinor(bad, 'KES')).toBeNull();
    expect(amountTextToMinor('5.5', 'UGX')).toBeNull();
    expect(amountTextToMinor(minorToAmountText(MAX_AMOUNT_MINOR, 'KES'), 'KES')).toBe(MAX_AMOUNT_MINOR);
    expect(amountTextToMinor(minorToAmountText(MAX_AMOUNT_MINOR + 1, 'KES'), 'KES')).toBeNull();
  });

  it('writes minor units back as text that parses to the same amount', () => {
    expect(minorToAmountText(150_000, 'KES')).toBe('1500');
    expect(minorToAmountText(150_050, 'KES')).toBe('1500.50');
    expect(minorToAmountText(5, 'KES')).toBe('0.05');
    expect(minorToAmountText(-2_005, 'KES')).toBe('-20.05');
    expect(minorToAmountText(700, 'UGX')).toBe('700');
    for (const minor of [1, 99, 100, 123_456, 100_000_000]) expect(amountTextToMinor(minorToAmountText(minor, 'KES'), 'KES')).toBe(minor);
  });

  it('signs ledger amounts for display', () => {
    expect(signedMoney(150_000, 'KES', 'en-KE')).toMatch(/^\+.*1,500\.00$/);
    expect(signedMoney(-20_000, 'KES', 'en-KE')).toMatch(/^−.*200\.00$/);
    expect(signedMoney(0, 'KES', 'en-KE')).not.toMatch(/^[+−]/);
  });
});
