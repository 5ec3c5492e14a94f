import type { Clock } from '../ports';

export interface ThrottleOptions {
  /** Attempts allowed inside the window (counting those still being checked) before a lock. */
  maxFailures: number;
  windowMs: number;
  /** First lock length; each further lock doubles, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
}

/** Per sign-in target (tenant + e-mail, or platform + e-mail), whether or not the e-mail exists. */
export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 };
/** Per client (HTTP peer address, Electron window) across every target: guessing many e-mails. */
export const DEFAULT_CLIENT_THROTTLE: ThrottleOptions = { maxFailures: 20, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 };
/** Audit rows for sign-ins to unknown e-mails, per tenant and window: enough to notice, not a disk filler. */
export const UNKNOWN_ACCOUNT_AUDITS_PER_WINDOW = 5;
const MAX_TRACKED_KEYS = 10_000;

interface Entry {
  failures: number;
  /** Reserved attempts whose password check has not finished. */
  inFlight: number;
  windowStartMs: number;
  lockedUntilMs: number;
  locks: number;
}

type Gate = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts attempts per key: reserved before the slow check, settled after it. */
class Limiter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock, private readonly opts: ThrottleOptions) {}

  private lockMs(e: Entry): number {
    return Math.min(this.opts.baseLockMs * 2 ** e.locks, this.opts.maxLockMs);
  }

  reserve(key: string): Gate {
    const now = this.clock.now().getTime();
    if (this.entries.size > MAX_TRACKED_KEYS) this.prune(now);
    let e = this.entries.get(key);
    if (e && e.lockedUntilMs > now) return { allowed: false, retryAfterMs: e.lockedUntilMs - now };
    if (!e) {
      e = { failures: 0, inFlight: 0, windowStartMs: now, lockedUntilMs: 0, locks: 0 };
      this.entries.set(key, e);
    } else if (now - e.windowStartMs > this.opts.windowMs) {
      e.failures = 0;
      e.windowStartMs = now;
    }
    // Attempts still being checked count too: concurrent guesses cannot all slip in before the first fails.
    if (e.failures + e.inFlight >= this.opts.maxFailures) return { allowed: false, retryAfterMs: this.lockMs(e) };
    e.inFlight += 1;
    return { allowed: true };
  }

  /** `reset`: a right password for this key clears its failures; otherwise the reservation is just released. */
  release(key: string, reset: boolean): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.inFlight = Math.max(0, e.inFlight - 1);
    if (reset) {
      e.failures = 0;
      e.locks = 0;
    }
    this.dropIfIdle(key, e);
  }

  fail(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    const now = this.clock.now().getTime();
    e.inFlight = Math.max(0, e.inFlight - 1);
    e.failures += 1;
    if (e.failures >= this.opts.maxFailures) {
      e.lockedUntilMs = now + this.lockMs(e);
      e.locks += 1;
      e.failures = 0;
      e.windowStartMs = now;
    }
  }

  /** Forgets keys whose window and lock are over, so guessing random e-mails cannot grow memory without end. */
  private prune(now: number): void {
    for (const [key, e] of this.entries) {
      if (e.inFlight === 0 && e.lockedUntilMs <= now && now - e.windowStartMs > this.opts.windowMs) this.entries.delete(key);
    }
  }

  private dropIfIdle(key: string, e: Entry): void {
    if (e.failures === 0 && e.inFlight === 0 && e.locks === 0 && e.lockedUntilMs <= this.clock.now().getTime()) this.entries.delete(key);
  }
}

/** One reserved sign-in attempt; settle it exactly once. */
export interface SignInAttempt {
  succeeded(): void;
  failed(): void;
}

/**
 * Slows password guessing. An attempt is reserved for its account and its client *before* the password
 * hash is checked and settled after, so at most `maxFailures` guesses per account (and per client across
 * accounts) are ever evaluated in a window, however many arrive at once.
 */
export class SignInThrottle {
  private readonly accounts: Limiter;
  private readonly clients: Limiter;
  private readonly unknownAudits = new Map<string, { count: number; windowStartMs: number }>();

  constructor(
    private readonly clock: Clock,
    accountOpts: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly clientOpts: ThrottleOptions = DEFAULT_CLIENT_THROTTLE,
  ) {
    this.accounts = new Limiter(clock, accountOpts);
    this.clients = new Limiter(clock, clientOpts);
  }

  reserve(accountKey: string, clientKey: string): { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterMs: number } {
    const account = this.accounts.reserve(accountKey);
    if (!account.allowed) return account;
    const client = this.clients.reserve(clientKey);
    if (!client.allowed) {
      this.accounts.release(accountKey, false);
      return client;
    }
    let settled = false;
    const once = (fn: () => void) => () => {
      if (settled) return;
      settled = true;
      fn();
    };
    return {
      allowed: true,
      attempt: {
        // A client's success does not clear its failures on other accounts.
        succeeded: once(() => {
          this.accounts.release(accountKey, true);
          this.clients.release(clientKey, false);
        }),
        failed: once(() => {
          this.accounts.fail(accountKey);
          this.clients.fail(clientKey);
        }),
      },
    };
  }

  /** Whether a failed sign-in to an unknown e-mail of this tenant may still be written to its audit log. */
  mayAuditUnknownAccount(tenantId: string): boolean {
    const now = this.clock.now().getTime();
    let e = this.unknownAudits.get(tenantId);
    if (!e || now - e.windowStartMs > this.clientOpts.windowMs) {
      e = { count: 0, windowStartMs: now };
      this.unknownAudits.set(tenantId, e);
    }
    if (e.count >= UNKNOWN_ACCOUNT_AUDITS_PER_WINDOW) return false;
    e.count += 1;
    return true;
  }
}
