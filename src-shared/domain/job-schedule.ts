import { Cron } from 'croner';

/**
 * When a scheduled job runs: a cron pattern (five fields, in the tenant's time zone) or a fixed interval.
 * Shared by the contract (validation of the Scheduled tasks form) and the scheduler (slot maths).
 */
export type JobSchedule = { kind: 'cron'; cron: string } | { kind: 'interval'; everyMinutes: number };

/** Shortest interval staff may set: a job every few seconds would only fill the run history. */
export const MIN_INTERVAL_MINUTES = 1;
/** Longest interval: a week; anything rarer is written as a cron pattern. */
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/**
 * Five-field cron only (minute hour day month weekday). croner also takes a sixth, seconds field; a
 * seconds schedule would claim a job_runs row every second, so it is refused here rather than allowed.
 */
export function isValidCron(pattern: string): boolean {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  try {
    new Cron(pattern.trim(), { paused: true });
    return true;
  } catch {
    return false;
  }
}

/** The most recent slot at or before `now`; null when the pattern never fired before `now`. */
export function latestSlot(schedule: JobSchedule, timeZone: string, now: Date): Date | null {
  if (schedule.kind === 'interval') {
    // Interval slots are aligned to the epoch, so every process computes the same slot (the claim key).
    const everyMs = schedule.everyMinutes * 60_000;
    return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
  }
  const cron = new Cron(schedule.cron, { timezone: timeZone, paused: true });
  const [prev] = cron.previousRuns(1, new Date(now.getTime() + 1));
  return prev ?? null;
}

/** The first slot strictly after `now`. */
export function nextSlot(schedule: JobSchedule, timeZone: string, now: Date): Date | null {
  if (schedule.kind === 'interval') {
    const everyMs = schedule.everyMinutes * 60_000;
    return new Date((Math.floor(now.getTime() / everyMs) + 1) * everyMs);
  }
  return new Cron(schedule.cron, { timezone: timeZone, paused: true }).nextRun(now);
}

export function sameSchedule(a: JobSchedule, b: JobSchedule): boolean {
  return a.kind === 'cron' ? b.kind === 'cron' && a.cron.trim() === b.cron.trim() : b.kind === 'interval' && a.everyMinutes === b.everyMinutes;
}
