import { events, type EventName, type PayloadOf } from '@shared/contract';
import { can } from '@shared/domain/permissions';
import type { Session, SessionStore } from './sessions';
import type { Logger } from '../ports';

export interface EventSink {
  /** The session this sink delivers to (one SSE stream or one Electron window session). */
  token: string;
  send(name: EventName, payload: unknown): void;
}

export type EventTarget = { tenantId: string } | { platform: true } | { token: string };

/**
 * Routes push events to the sessions allowed to see them: staff of the event's tenant holding the
 * event's permission, platform admins, or one session. Payloads are validated against the contract.
 */
export class EventHub {
  private readonly sinks = new Set<EventSink>();

  constructor(private readonly sessions: SessionStore, private readonly log: Logger) {}

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  get sinkCount(): number {
    return this.sinks.size;
  }

  /** Whether anything is listening for this session (an open SSE stream or window). */
  hasSink(token: string): boolean {
    for (const s of this.sinks) if (s.token === token) return true;
    return false;
  }

  emit<E extends EventName>(name: E, target: EventTarget, payload: PayloadOf<E>): void {
    const def = events[name];
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      this.log.error('event payload does not match the contract', { name, issues: parsed.error.issues });
      return;
    }
    for (const sink of this.sinks) {
      const session = this.sessions.peek(sink.token);
      if ('token' in target) {
        if (sink.token === target.token) this.deliver(sink, name, parsed.data);
        continue;
      }
      if (!session || !this.allowed(session, target, def.access)) continue;
      this.deliver(sink, name, parsed.data);
    }
  }

  /** Delivers to a session that may already have ended (e.g. "your session ended"). */
  emitToToken<E extends EventName>(token: string, name: E, payload: PayloadOf<E>): void {
    this.emit(name, { token }, payload);
  }

  private allowed(session: Session, target: EventTarget, access: (typeof events)[EventName]['access']): boolean {
    if ('platform' in target) return session.kind === 'platform';
    if (!('tenantId' in target)) return false;
    if (session.kind !== 'staff' || session.tenantId !== target.tenantId) return false;
    if (access === 'session' || access === 'public') return true;
    if (access === 'platform') return false;
    return can(session.roles, access);
  }

  private deliver(sink: EventSink, name: EventName, payload: unknown): void {
    try {
      sink.send(name, payload);
    } catch (e) {
      this.log.warn('event sink failed; dropping it', { name, error: e });
      this.sinks.delete(sink);
    }
  }
}
