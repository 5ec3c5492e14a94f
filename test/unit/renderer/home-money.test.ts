import { describe, expect, it } from 'vitest';
import { drawerAmountToMinor, drawerDifference, localDay, unmatchedShown } from '../../../src-renderer/features/home/home-money-state';

describe('Home money figures and the cash drawer', () => {
  it('reads today in the ISP time zone (Nairobi is already tomorrow at 22:30 UTC)', () => {
    const at = Date.parse('2026-11-27T22:30:00Z');
    expect(localDay('Africa/Nairobi', at)).toBe('2026-11-28');
    expect(localDay('UTC', at)).toBe('2026-11-27');
  });

  it('takes drawer amounts of 0 or more in minor units and refuses anything else', () => {
    expect(drawerAmountToMinor('0', 'KES')).toBe(0);
    expect(drawerAmountToMinor('5,000.50', 'KES')).toBe(500050);
    expect(drawerAmountToMinor('', 'KES')).toBeNull();
    expect(drawerAmountToMinor('-1', 'KES')).toBeNull();
    expect(drawerAmountToMinor('12.345', 'KES')).toBeNull();
    expect(drawerAmountToMinor('abc', 'KES')).toBeNull();
  });

  it('shows counted − expected with its tone, the same sum main records at close', () => {
    expect(drawerDifference(650000, 640000)).toEqual({ differenceMinor: -10000, tone: 'short' });
    expect(drawerDifference(650000, 650000)).toEqual({ differenceMinor: 0, tone: 'balanced' });
    expect(drawerDifference(650000, 650100)).toEqual({ differenceMinor: 100, tone: 'over' });
  });

  it('the pushed unmatched count replaces the count read at mount, including a push of 0', () => {
    expect(unmatchedShown(null, undefined)).toBeNull();
    expect(unmatchedShown(null, 3)).toBe(3);
    expect(unmatchedShown(0, 3)).toBe(0);
    expect(unmatchedShown(5, 3)).toBe(5);
  });
});
