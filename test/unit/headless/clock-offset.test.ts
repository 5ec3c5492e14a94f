import { describe, expect, it } from 'vitest';
import { clockFromOffset } from '../../../src-main/headless/clock-offset';

describe('ISP_DESK_CLOCK_OFFSET_MS', () => {
  it('runs the app that much later (or earlier); unset means the real clock', () => {
    expect(clockFromOffset(undefined)).toBeUndefined();
    expect(clockFromOffset('')).toBeUndefined();
    const later = clockFromOffset('86400000')!.now().getTime() - Date.now();
    expect(later).toBeGreaterThanOrEqual(86_400_000 - 1000);
    expect(later).toBeLessThanOrEqual(86_400_000 + 1000);
    expect(clockFromOffset('-60000')!.now().getTime()).toBeLessThan(Date.now() - 59_000);
  });

  it('refuses a value that is not a whole number of milliseconds within a year', () => {
    for (const bad of ['1d', '1.5', 'NaN', String(400 * 86_400_000)]) expect(() => clockFromOffset(bad)).toThrow(/ISP_DESK_CLOCK_OFFSET_MS/);
  });
});
