import { describe, expect, it } from 'vitest';
import { formatDuration, isValidTimeZone, localDate, localDayBounds, startOfLocalDay, zoneOffsetMinutes } from '@shared/domain/time';

describe('tenant time zones', () => {
  it('validates IANA names', () => {
    expect(isValidTimeZone('Africa/Nairobi')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('puts a late-evening UTC instant on the next Nairobi day', () => {
    const instant = new Date('2026-11-27T22:30:00Z');
    expect(localDate(instant, 'Africa/Nairobi')).toBe('2026-11-28');
    expect(localDate(instant, 'UTC')).toBe('2026-11-27');
    expect(zoneOffsetMinutes(instant, 'Africa/Nairobi')).toBe(180);
  });

  it('finds where a local business day starts and ends', () => {
    expect(startOfLocalDay('2026-11-28', 'Africa/Nairobi').toISOString()).toBe('2026-11-27T21:00:00.000Z');
    const { start, end } = localDayBounds(new Date('2026-11-27T22:30:00Z'), 'Africa/Nairobi');
    expect(start.toISOString()).toBe('2026-11-27T21:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-28T21:00:00.000Z');
  });

  it('handles a daylight-saving day of 23 hours', () => {
    const { start, end } = localDayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/London');
    expect(start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(23 * 3600_000);
  });

  it('formats durations for people', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(3 * 3600_000 + 5 * 60_000)).toBe('3h 5m');
    expect(formatDuration(2 * 86_400_000 + 3600_000)).toBe('2d 1h');
  });
});
