import { describe, expect, it } from 'vitest';
import { SimClock } from '../../../src-main/routeros-simulator/clock';
import { formatDate, formatLogTime, parseRosDate } from '../../../src-main/routeros-simulator/dates';
import { formatDuration, formatRtt, normalizeRatePair, parseBytes, parseDuration } from '../../../src-main/routeros-simulator/duration';

describe('RouterOS durations', () => {
  it('parses the compact unit form', () => {
    expect(parseDuration('1w2d3h4m5s')).toBe(((7 + 2) * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('500ms')).toBe(500);
  });

  it('parses bare seconds, clock form and "none"', () => {
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('00:05:00')).toBe(300_000);
    expect(parseDuration('1d 02:00:00')).toBe(26 * 3_600_000);
    expect(parseDuration('none')).toBe(0);
  });

  it('rejects garbage', () => {
    expect(parseDuration('abc')).toBeNull();
    expect(parseDuration('1h x')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('formats like RouterOS', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(((7 + 2) * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000)).toBe('1w2d3h4m5s');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(1500)).toBe('1s500ms');
  });

  it('round-trips through normalisation', () => {
    for (const t of ['1w2d3h4m5s', '1h', '2d12h', '59s']) expect(formatDuration(parseDuration(t)!)).toBe(t);
  });

  it('formats ping times per version and parses byte and rate quantities', () => {
    expect(formatRtt(13_417, true)).toBe('13ms417us');
    expect(formatRtt(13_417, false)).toBe('13ms');
    expect(parseBytes('1G')).toBe(1024 ** 3);
    expect(parseBytes('1GB')).toBe(1024 ** 3);
    expect(parseBytes('0')).toBe(0);
    expect(normalizeRatePair('2M/5M')).toBe('2000000/5000000');
    expect(normalizeRatePair('512k')).toBe('512000/512000');
  });
});

describe('RouterOS dates', () => {
  const iso = { iso: true, offsetMinutes: 180 };
  const old = { iso: false, offsetMinutes: 180 };
  const t = Date.UTC(2026, 10, 27, 7, 0, 0);

  it('uses nov/27/2026 before 7.10 and 2026-11-27 after', () => {
    expect(formatDate(t, old)).toBe('nov/27/2026');
    expect(formatDate(t, iso)).toBe('2026-11-27');
  });

  it('shows only the time for today in /log', () => {
    expect(formatLogTime(t, t + 1000, iso)).toBe('10:00:00');
    expect(formatLogTime(t, t + 86_400_000, iso)).toBe('2026-11-27 10:00:00');
    expect(formatLogTime(t, t + 86_400_000, old)).toBe('nov/27 10:00:00');
  });

  it('parses both date styles back', () => {
    expect(parseRosDate('2026-11-27', '10:00:00', iso)).toBe(t);
    expect(parseRosDate('nov/27/2026', '10:00:00', old)).toBe(t);
  });
});

describe('virtual clock timers', () => {
  it('fires due timers in time order, ties in scheduling order, with now() at the due time', () => {
    const clock = new SimClock('virtual', new Date(0));
    const seen: string[] = [];
    clock.at(300, () => seen.push(`c@${clock.nowMs()}`));
    clock.at(100, () => seen.push(`a@${clock.nowMs()}`));
    clock.at(100, () => seen.push(`b@${clock.nowMs()}`));
    clock.at(900, () => seen.push('late'));
    clock.advance(500);
    expect(seen).toEqual(['a@100', 'b@100', 'c@300']);
    expect(clock.nowMs()).toBe(500);
  });

  it('runs timers scheduled by other timers within the same advance', () => {
    const clock = new SimClock('virtual', new Date(0));
    const seen: number[] = [];
    clock.at(10, () => clock.after(10, () => seen.push(clock.nowMs())));
    clock.advance(25);
    expect(seen).toEqual([20]);
  });

  it('repeats every period and stops when cancelled', () => {
    const clock = new SimClock('virtual', new Date(0));
    let n = 0;
    const h = clock.every(1000, () => n++);
    clock.advance(3500);
    expect(n).toBe(3);
    h.cancel();
    clock.advance(5000);
    expect(n).toBe(3);
  });

  it('does not move without advance()', () => {
    const clock = new SimClock('virtual', new Date(1000));
    expect(clock.now().getTime()).toBe(1000);
  });
});
