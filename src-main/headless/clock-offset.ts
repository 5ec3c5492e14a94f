import type { Clock } from '../core/ports';

/**
 * `ISP_DESK_CLOCK_OFFSET_MS`: run the app as if it were that much later (or earlier, negative). For tests and
 * demonstrations of what happens after a night with the office PC off, without waiting for the wall clock.
 * Undefined when unset; an unusable value is refused so a typo is not silently ignored.
 */
export function clockFromOffset(raw: string | undefined): Clock | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const offsetMs = Number(raw);
  // About a year either way: further than that is a mistake, not a test.
  if (!Number.isSafeInteger(offsetMs) || Math.abs(offsetMs) > 366 * 86_400_000) throw new Error(`invalid ISP_DESK_CLOCK_OFFSET_MS: ${raw}`);
  return { now: () => new Date(Date.now() + offsetMs) };
}
