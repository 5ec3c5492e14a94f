import type { TFunction } from 'i18next';
import type { JobSchedule } from '@shared/domain/job-schedule';

const NUMBER = /^\d+$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Weekday name in the app's locale; cron counts Sunday as 0 (and 7). */
function weekdayName(cronDay: number, locale: string): string {
  // 2026-11-29 is a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 29 + (cronDay % 7))));
}

function intervalWords(minutes: number, t: TFunction): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? t('scheduler.every.day') : t('scheduler.every.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return minutes === 60 ? t('scheduler.every.hour') : t('scheduler.every.hours', { count: minutes / 60 });
  return minutes === 1 ? t('scheduler.every.minute') : t('scheduler.every.minutes', { count: minutes });
}

/**
 * A schedule in words for the table ("Every day at 02:00", "Every 15 minutes"). The usual cron shapes are
 * worded; anything else is shown as its pattern, which the edit form explains.
 */
export function scheduleWords(s: JobSchedule, t: TFunction, locale: string): string {
  if (s.kind === 'interval') return intervalWords(s.everyMinutes, t);
  const [min = '', hour = '', dom = '', mon = '', dow = ''] = s.cron.trim().split(/\s+/);
  const step = /^\*\/(\d+)$/.exec(min);
  if (step && hour === '*' && dom === '*' && mon === '*' && dow === '*') return intervalWords(Number(step[1]), t);
  if (!NUMBER.test(min)) return t('scheduler.every.custom', { pattern: s.cron });
  if (hour === '*' && dom === '*' && mon === '*' && dow === '*') return t('scheduler.every.hourlyAt', { minute: pad(Number(min)) });
  if (!NUMBER.test(hour) || mon !== '*') return t('scheduler.every.custom', { pattern: s.cron });
  const time = `${pad(Number(hour))}:${pad(Number(min))}`;
  if (dom === '*' && dow === '*') return t('scheduler.every.dailyAt', { time });
  if (dom === '*' && NUMBER.test(dow)) return t('scheduler.every.weeklyAt', { time, weekday: weekdayName(Number(dow), locale) });
  if (NUMBER.test(dom) && dow === '*') return t('scheduler.every.monthlyAt', { time, day: Number(dom) });
  return t('scheduler.every.custom', { pattern: s.cron });
}

/** A job's name from its key; a job without words yet shows its key rather than nothing. */
export function jobName(key: string, t: TFunction): string {
  return t(`scheduler.names.${key}`, { defaultValue: key });
}
