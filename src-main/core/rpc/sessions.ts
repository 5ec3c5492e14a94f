import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Role } from '@shared/domain/permissions';
import type { Clock } from '../ports';

interface SessionBase {
  token: string;
  userId: string;
  createdAtMs: number;
  lastSeenMs: number;
  /** Until changed, only session-level channels (sign out, change password) are allowed. */
  mustChangePassword: boolean;
}
export interface PlatformSession extends SessionBase {
  kind: 'platform';
}
export interface StaffSession extends SessionBase {
  kind: 'staff';
  tenantId: string;
  /** Refreshed from the tenant file on every call; used to route push events. */
  roles: Role[];
}
export type Session = PlatformSession | StaffSession;
export type NewSession = Omit<PlatformSession, 'token' | 'createdAtMs' | 'lastSeenMs'> | Omit<StaffSession, 'token' | 'createdAtMs' | 'lastSeenMs'>;

export type SessionEndReason =
  | 'tenant-suspended' | 'account-deactivated' | 'idle' | 'tenant-deleted' | 'password-reset' | 'password-changed' | 'signed-out';

/** Sessions a piece of work created or ended (see SessionStore.observe). */
export interface SessionChanges {
  created: Session[];
  ended: Session[];
}

export interface SessionOptions {
  /** A session unused for this long ends. */
  idleTimeoutMs: number;
  /** No session lives longer than this, used or not. */
  absoluteTimeoutMs: number;
}

/**
 * In-memory sessions: an app restart signs everyone out, which is what a desktop user expects.
 * Tokens are random 256-bit values; nothing about them is stored on disk.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly endListeners = new Set<(s: Session, reason: SessionEndReason) => void>();
  private readonly rolesListeners = new Set<(s: StaffSession) => void>();
  private readonly observed = new AsyncLocalStorage<SessionChanges>();

  constructor(private readonly clock: Clock, readonly options: SessionOptions) {}

  create(data: NewSession): Session {
    const now = this.clock.now().getTime();
    const token = randomBytes(32).toString('base64url');
    const session = { ...data, token, createdAtMs: now, lastSeenMs: now } as Session;
    this.sessions.set(token, session);
    this.observed.getStore()?.created.push(session);
    return session;
  }

  /**
   * Runs `fn`, recording into `changes` the sessions it creates or ends (also when it throws). The
   * dispatcher tells a transport this way which sessions a call opened, so no transport reads tokens
   * out of channel outputs.
   */
  observe<T>(changes: SessionChanges, fn: () => Promise<T>): Promise<T> {
    return this.observed.run(changes, fn);
  }

  /** The live session for a token, or why there is none. Touches it. */
  resolve(token: string | null | undefined): { session: Session } | { error: 'missing' | 'expired' } {
    if (!token) return { error: 'missing' };
    const s = this.sessions.get(token);
    if (!s) return { error: 'missing' };
    const now = this.clock.now().getTime();
    if (now - s.lastSeenMs > this.options.idleTimeoutMs || now - s.createdAtMs > this.options.absoluteTimeoutMs) {
      this.end(s, 'idle');
      return { error: 'expired' };
    }
    s.lastSeenMs = now;
    return { session: s };
  }

  peek(token: string): Session | undefined {
    return this.sessions.get(token);
  }

  end(session: Session, reason: SessionEndReason): void {
    if (!this.sessions.delete(session.token)) return;
    this.observed.getStore()?.ended.push(session);
    for (const l of this.endListeners) l(session, reason);
  }

  endWhere(pred: (s: Session) => boolean, reason: SessionEndReason): number {
    let n = 0;
    for (const s of [...this.sessions.values()]) {
      if (pred(s)) {
        this.end(s, reason);
        n += 1;
      }
    }
    return n;
  }

  onEnd(listener: (s: Session, reason: SessionEndReason) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /**
   * New roles for a staff member's live sessions (an admin changed them): push events and live streams
   * follow at once, not only at the user's next call.
   */
  setRoles(tenantId: string, userId: string, roles: Role[]): void {
    for (const s of this.sessions.values()) {
      if (s.kind !== 'staff' || s.tenantId !== tenantId || s.userId !== userId) continue;
      s.roles = [...roles];
      for (const l of this.rolesListeners) l(s);
    }
  }

  onRolesChanged(listener: (s: StaffSession) => void): () => void {
    this.rolesListeners.add(listener);
    return () => this.rolesListeners.delete(listener);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** Drops idle sessions (called periodically so ended sessions get their event even if unused). */
  sweep(): void {
    const now = this.clock.now().getTime();
    this.endWhere((s) => now - s.lastSeenMs > this.options.idleTimeoutMs || now - s.createdAtMs > this.options.absoluteTimeoutMs, 'idle');
  }
}
