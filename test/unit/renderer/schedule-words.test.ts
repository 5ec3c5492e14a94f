import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/app/i18n';
import { jobName, scheduleWords } from '../../../src-renderer/features/scheduler/schedule-words';

const t = i18n.t.bind(i18n);
const words = (cron: string) => scheduleWords({ kind: 'cron', cron }, t, 'en-KE');

describe('schedules in words', () => {
  it('words the usual cron shapes and shows anything else as its pattern', () => {
    expect(words('0 2 * * *')).toBe('Every day at 02:00');
    expect(words('30 14 * * 1')).toBe('Every Monday at 14:30');
    expect(words('5 0 * * 0')).toBe('Every Sunday at 00:05');
    expect(words('0 6 1 * *')).toBe('On day 1 of every month at 06:00');
    expect(words('15 * * * *')).toBe('Every hour at minute 15');
    expect(words('*/10 * * * *')).toBe('Every 10 minutes');
    expect(words('0 2-4 * * *')).toBe('Cron: 0 2-4 * * *');
  });

  it('words intervals in the largest whole unit', () => {
    expect(scheduleWords({ kind: 'interval', everyMinutes: 1 }, t, 'en-KE')).toBe('Every minute');
    expect(scheduleWords({ kind: 'interval', everyMinutes: 15 }, t, 'en-KE')).toBe('Every 15 minutes');
    expect(scheduleWords({ kind: 'interval', everyMinutes: 120 }, t, 'en-KE')).toBe('Every 2 hours');
    expect(scheduleWords({ kind: 'interval', everyMinutes: 1440 }, t, 'en-KE')).toBe('Every day');
  });

  it('names jobs by their key, and shows the key of a job without words', () => {
    expect(jobName('routers.config-backup', t)).toBe('Router configuration backups');
    expect(jobName('nobody.knows', t)).toBe('nobody.knows');
  });
});
