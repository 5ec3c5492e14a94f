import { describe, expect, it } from 'vitest';
import { humanDuration, humanRosDuration, localeOf, routerClockInstant, timeFormat } from '../../../src-renderer/app/time-format';

const NAIROBI = timeFormat('Africa/Nairobi', 'en-KE');
// 2026-03-03 11:05:09 UTC = 14:05:09 in Nairobi (UTC+3, no DST).
const AT = '2026-03-03T11:05:09Z';
const NOW = Date.parse('2026-03-03T12:00:00Z');

describe('one way to show time', () => {
  it('shows instants in the ISP profile zone, 24 h for en-KE', () => {
    expect(localeOf('en', 'KE')).toBe('en-KE');
    expect(NAIROBI.dateTime(AT)).toBe('03 Mar 2026, 14:05');
    expect(NAIROBI.date(AT)).toBe('03 Mar 2026');
    expect(NAIROBI.calendarDay('2026-03-03')).toBe('03 Mar 2026');
    expect(timeFormat('Pacific/Kiritimati', 'en-KE').calendarDay('2026-12-31')).toBe('31 Dec 2026');
    expect(timeFormat('America/New_York', 'en-US').calendarDay('2026-03-03')).toBe('Mar 03, 2026');
    expect(NAIROBI.time(AT)).toBe('14:05:09');
    expect(NAIROBI.dateTime(null)).toBe('Never');
    // A 12-hour country keeps its own clock; the zone still decides the hour.
    expect(timeFormat('America/New_York', 'en-US').time(AT)).toMatch(/^06:05:09\sAM$/);
  });

  it('never says a past instant is in the future', () => {
    expect(NAIROBI.relative('2026-03-03T12:00:18Z', NOW)).toBe('now');
    expect(NAIROBI.relative('2026-03-03T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(NAIROBI.relative('2026-03-03T14:00:00Z', NOW)).toBe('in 2 hours');
  });

  it('parses router clock values of RouterOS v6 and v7 and shows them the same way', () => {
    const zone = 'Africa/Nairobi';
    const v7 = routerClockInstant('2026-03-03 14:05:09', null, zone, NOW);
    const v6 = routerClockInstant('mar/03/2026 14:05:09', null, zone, NOW);
    const v6ThisYear = routerClockInstant('mar/03 14:05:09', null, zone, NOW);
    const today = routerClockInstant('14:05:09', null, zone, NOW);
    for (const x of [v7, v6, v6ThisYear, today]) expect(x?.toISOString()).toBe('2026-03-03T11:05:09.000Z');
    // A router set to UTC: its own offset wins over the ISP's zone.
    expect(routerClockInstant('2026-03-03 11:05:09', 0, zone, NOW)?.toISOString()).toBe('2026-03-03T11:05:09.000Z');
    expect(NAIROBI.routerClock('mar/03/2026 14:05:09', null, NOW)).toBe('03 Mar 2026, 14:05');
    expect(NAIROBI.routerClock('not a time', null, NOW)).toBe('not a time');
    // The router's own zone is noted only where it differs from the ISP's.
    expect(NAIROBI.zoneDiffers(180, AT)).toBeNull();
    expect(NAIROBI.zoneDiffers(0, AT)).toBe('UTC+00:00');
    expect(NAIROBI.zoneDiffers(-330, AT)).toBe('UTC−05:30');
  });

  it('writes durations for people', () => {
    expect(humanDuration(604_800 + 3600 + 48 * 60 + 12)).toBe('1w 1h 48m');
    expect(humanDuration(45)).toBe('45s');
    expect(humanDuration(86_400 + 34 * 60 + 18)).toBe('1d 34m');
    expect(humanDuration(250)).toBe('4m 10s');
    expect(humanDuration(null)).toBe('—');
  });

  it('reads RouterOS durations (hotspot uptime, lease and address-list times) as human ones', () => {
    expect(humanRosDuration('1w1h48m12s')).toBe('1w 1h 48m');
    expect(humanRosDuration('2d3h')).toBe('2d 3h');
    expect(humanRosDuration('00:04:10')).toBe('4m 10s');
    expect(humanRosDuration('not a duration')).toBe('not a duration');
  });
});
