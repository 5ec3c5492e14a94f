import { useMemo } from 'react';
import { rosDateParts, rosDurationSeconds } from '@shared/domain/routeros-values';
import { i18n } from './i18n';
import { useScope } from './scope-context';
import { useSessionStore } from './session-store';

/**
 * The one way instants are shown: in the ISP profile's time zone and its locale's format (en + KE =
 * en-KE, 24 h). Platform pages, which belong to no ISP, use the computer's zone and en-GB.
 */
export interface TimeFormat {
  timeZone: string;
  locale: string;
  /** "03 Mar 2026, 14:05"; `null`/`undefined` → "Never". */
  dateTime(iso: string | null | undefined): string;
  /** "03 Mar 2026". */
  date(iso: string): string;
  /** A calendar day picked in a form (`2026-03-03`, no instant, no zone) in the same format: "03 Mar 2026". */
  calendarDay(ymd: string): string;
  /** "14:05:09" (charts, "read at"). */
  time(iso: string | number): string;
  /** "5 minutes ago", "in 2 hours"; a past instant never reads as future (clock skew of a few seconds). */
  relative(iso: string, nowMs?: number): string;
  /** A router's wall-clock value (`jan/02/2026 14:05:03`, `2026-01-02 14:05:03`, `14:05:03`) in the same format. */
  routerClock(value: string, routerOffsetMinutes?: number | null, nowMs?: number): string;
  /** "UTC+00:00" when a router's own zone differs from the ISP's at that instant, else null. */
  zoneDiffers(routerOffsetMinutes: number | null, iso: string): string | null;
}

/** Countries whose people read a 12-hour clock; everyone else (KE, UG, TZ, GB…) gets 24 h. */
const TWELVE_HOUR = new Set(['US', 'CA', 'AU', 'NZ', 'PH', 'IN', 'PK']);

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function localeOf(language: string, country: string | undefined): string {
  return country ? `${language}-${country.toUpperCase()}` : 'en-GB';
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.35], ['month', 12], ['year', Number.POSITIVE_INFINITY],
];

export function timeFormat(timeZone: string, locale: string): TimeFormat {
  const hourCycle = TWELVE_HOUR.has(locale.split('-')[1] ?? '') ? 'h12' : 'h23';
  const dt = new Intl.DateTimeFormat(locale, { timeZone, hourCycle, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const d = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: '2-digit' });
  // A bare day is read at UTC midnight and written in UTC, so no zone can move it to the day before.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: '2-digit' });
  const tm = new Intl.DateTimeFormat(locale, { timeZone, hourCycle, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const self: TimeFormat = {
    timeZone,
    locale,
    dateTime: (iso) => (iso ? dt.format(new Date(iso)) : i18n.t('common.never')),
    date: (iso) => d.format(new Date(iso)),
    calendarDay: (ymd) => day.format(new Date(`${ymd.slice(0, 10)}T00:00:00Z`)),
    time: (iso) => tm.format(new Date(iso)),
    relative(iso, nowMs = Date.now()) {
      let delta = (new Date(iso).getTime() - nowMs) / 1000;
      const rtf = new Intl.RelativeTimeFormat(i18n.language || 'en', { numeric: 'auto', style: 'long' });
      // Up to a minute "ahead" is the router's or server's clock, not the future.
      if (delta > -10 && delta < 60) return rtf.format(0, 'second');
      for (const [unit, size] of STEPS) {
        if (Math.abs(delta) < size) return rtf.format(Math.round(delta), unit);
        delta /= size;
      }
      return rtf.format(Math.round(delta), 'year');
    },
    routerClock(value, routerOffsetMinutes, nowMs = Date.now()) {
      const instant = routerClockInstant(value, routerOffsetMinutes ?? null, timeZone, nowMs);
      return instant ? self.dateTime(instant.toISOString()) : value;
    },
    zoneDiffers(routerOffsetMinutes, iso) {
      if (routerOffsetMinutes === null || routerOffsetMinutes === offsetMinutes(new Date(iso), timeZone)) return null;
      const abs = Math.abs(routerOffsetMinutes);
      return `UTC${routerOffsetMinutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    },
  };
  return self;
}

/**
 * RouterOS writes wall-clock times in its own zone and several shapes: v7 `2026-01-02 14:05:03`, v6
 * `jan/02/2026 14:05:03`, this year `jan/02 14:05:03`, today `14:05:03`. Without the router's offset
 * the wall clock is taken as the ISP's own zone (routers are normally set to it).
 */
export function routerClockInstant(value: string, routerOffsetMinutes: number | null, timeZone: string, nowMs: number): Date | null {
  const m = /^(?:(\S+)\s+)?(\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const today = zonedToday(nowMs, timeZone);
  let ymd: [number, number, number] | null = today;
  if (m[1]) {
    const short = /^([a-z]{3})\/(\d{2})$/i.exec(m[1]);
    ymd = short ? rosDateParts(`${short[1]}/${short[2]}/${today[0]}`) : rosDateParts(m[1]);
  }
  if (!ymd) return null;
  const wall = Date.UTC(ymd[0], ymd[1] - 1, ymd[2], Number(m[2]), Number(m[3]), Number(m[4]));
  const offset = routerOffsetMinutes ?? offsetMinutes(new Date(wall), timeZone);
  return new Date(wall - offset * 60_000);
}

function zonedToday(nowMs: number, timeZone: string): [number, number, number] {
  const [y, mo, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs).split('-').map(Number);
  return [y!, mo!, d!];
}

function offsetMinutes(at: Date, timeZone: string): number {
  const p = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    .formatToParts(at).reduce<Record<string, number>>((acc, x) => (x.type === 'literal' ? acc : { ...acc, [x.type]: Number(x.value) }), {});
  return Math.round((Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Human durations from RouterOS seconds: `1w 1h 48m`, `6d 11h 52m`, `4m 10s` (three units at most, no seconds past an hour). */
export function humanDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const units: [string, number][] = [['w', 604_800], ['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]];
  let rest = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && !(name === 's' && seconds >= 3600)) parts.push(`${n}${name}`);
  }
  return parts.slice(0, 3).join(' ') || '0s';
}

/** The time format of the page's scope: the ISP profile's zone and locale, or the computer's on platform pages. */
export function useTimeFormat(): TimeFormat {
  const scope = useScope();
  const tenant = useSessionStore((s) => {
    const p = scope ? s.sessions[scope]?.principal : undefined;
    return p?.kind === 'staff' ? p.tenant : undefined;
  });
  const zone = tenant?.timezone ?? browserTimeZone();
  const locale = localeOf(i18n.language || 'en', tenant?.country);
  return useMemo(() => timeFormat(zone, locale), [zone, locale]);
}

/** A RouterOS duration (`1w1h48m12s`, `00:04:10`) in human words; a value it cannot read is shown as the router wrote it. */
export function humanRosDuration(value: string): string {
  const seconds = rosDurationSeconds(value);
  return seconds === null ? value : humanDuration(seconds);
}
