import { describe, expect, it } from 'vitest';
import { agentUnitPrice } from '@shared/domain/agent-float';
import { discountToBp } from '../../../src-renderer/features/voucher-sales/agent-form-modal';
import { thresholdFromText } from '../../../src-renderer/features/voucher-sales/stock-report';

describe('voucher sales forms', () => {
  it('reads a discount typed as a percentage into basis points, refusing what main would refuse', () => {
    expect(discountToBp('0')).toBe(0);
    expect(discountToBp('12.5')).toBe(1250);
    expect(discountToBp('12,25')).toBe(1225);
    expect(discountToBp(' 90 ')).toBe(9000);
    for (const bad of ['90.01', '91', '-5', '12.345', 'ten', '', '100']) expect(discountToBp(bad), bad).toBeNull();
    // The form's value and the price rule agree: 12.5 % off 50.00 is 43.75.
    expect(agentUnitPrice(5_000, discountToBp('12.5')!)).toBe(4_375);
  });

  it('reads a low-stock threshold: empty = no alert, whole numbers up to 100,000, anything else invalid', () => {
    expect(thresholdFromText('')).toBeNull();
    expect(thresholdFromText(' 25 ')).toBe(25);
    expect(thresholdFromText('100000')).toBe(100_000);
    for (const bad of ['100001', '-1', '2.5', 'x']) expect(thresholdFromText(bad), bad).toBeUndefined();
  });
});
