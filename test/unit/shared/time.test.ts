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

describe('zoneOffsetMinutes (cached per quarter hour)', () => {
  const direct = (d: Date, tz: string) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p: Record<string, number> = {};
    for (const x of f.formatToParts(d)) if (x.type !== 'literal') p[x.type] = Number(x.value);
    return Math.round((Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  };

  it('equals the direct computation at every instant around DST transitions (incl. half-hour shifts)', () => {
    // Lord Howe moves by 30 minutes, Chatham sits at +12:45/+13:45, London and New York by an hour.
    const around = [
      ['Europe/London', Date.UTC(2026, 2, 29, 1)], ['Europe/London', Date.UTC(2026, 9, 25, 1)],
      ['America/New_York', Date.UTC(2026, 2, 8, 7)], ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
      ['Pacific/Chatham', Date.UTC(2026, 3, 4, 14)], ['Africa/Nairobi', Date.UTC(2026, 5, 1)],
    ] as const;
    for (const [tz, at] of around) {
      for (let t = at - 3 * 3_600_000; t <= at + 3 * 3_600_000; t += 61_000) {
        expect(zoneOffsetMinutes(new Date(t), tz), `${tz} ${new Date(t).toISOString()}`).toBe(direct(new Date(t), tz));
      }
    }
  });
});
