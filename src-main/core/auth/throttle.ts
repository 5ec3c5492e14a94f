import type { Clock } from '../ports';

interface Entry {
  failures: number;
  firstFailureMs: number;
  lockedUntilMs: number;
  locks: number;
}

export interface ThrottleOptions {
  /** Failures allowed inside the window before the account is locked for a while. */
  maxFailures: number;
  windowMs: number;
  /** First lock length; each further lock doubles, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 };

/** Slows password guessing per sign-in target (tenant + email), whether or not the email exists. */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock, private readonly opts: ThrottleOptions = DEFAULT_THROTTLE) {}

  check(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const e = this.entries.get(key);
    const now = this.clock.now().getTime();
    if (e && e.lockedUntilMs > now) return { allowed: false, retryAfterMs: e.lockedUntilMs - now };
    return { allowed: true };
  }

  recordFailure(key: string): void {
    const now = this.clock.now().getTime();
    let e = this.entries.get(key);
    if (!e || now - e.firstFailureMs > this.opts.windowMs) {
      e = { failures: 0, firstFailureMs: now, lockedUntilMs: 0, locks: e?.locks ?? 0 };
      this.entries.set(key, e);
    }
    e.failures += 1;
    if (e.failures >= this.opts.maxFailures) {
      const lockMs = Math.min(this.opts.baseLockMs * 2 ** e.locks, this.opts.maxLockMs);
      e.locks += 1;
      e.lockedUntilMs = now + lockMs;
      e.failures = 0;
      e.firstFailureMs = now;
    }
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }
}
