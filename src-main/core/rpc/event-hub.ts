import { events, streamEventName, type ChunkOf, type EndOf, type EventName, type PayloadOf, type StreamName } from '@shared/contract';
import type { ErrorBody } from '@shared/domain/errors';
import { can, isTenantAccess } from '@shared/domain/permissions';
import type { Session, SessionStore } from './sessions';
import type { Logger } from '../ports';

export interface EventSink {
  /** The session this sink delivers to (one SSE stream, or one session of an Electron window). */
  token: string;
  /** Transports pass the token on with the event, so only that session's listeners receive it. */
  send(name: EventName, payload: unknown): void;
}

export type EventTarget = { tenantId: string } | { platform: true } | { token: string };

/**
 * Routes push events to the sessions allowed to see them: staff of the event's tenant holding the
 * event's permission, platform admins, or one session (which must still hold the event's permission, so a
 * demoted user's live streams go quiet). Roles are the session's, kept current by SessionStore.setRoles.
 * Payloads are validated against the contract.
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
    this.route(name, target, payload);
  }

  private route(name: EventName, target: EventTarget, payload: unknown): void {
    const def = events[name];
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      this.log.error('event payload does not match the contract', { name, issues: parsed.error.issues });
      return;
    }
    for (const sink of this.sinks) {
      const session = this.sessions.peek(sink.token);
      if ('token' in target) {
        if (sink.token !== target.token) continue;
        // A session that already ended still gets 'session.ended'; permission events need a live, allowed one.
        if (isTenantAccess(def.access) && !(session?.kind === 'staff' && can(session.roles, def.access))) continue;
        this.deliver(sink, name, parsed.data);
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

  /** One piece of a live stream, to the session that started it. */
  streamChunk<S extends StreamName>(token: string, stream: S, streamId: string, data: ChunkOf<S>): void {
    this.route(streamEventName(stream, 'chunk'), { token }, { streamId, data });
  }

  streamEnd<S extends StreamName>(token: string, stream: S, streamId: string, data: EndOf<S>): void {
    this.route(streamEventName(stream, 'end'), { token }, { streamId, data });
  }

  streamError(token: string, stream: StreamName, streamId: string, error: ErrorBody): void {
    const { code, reason } = error;
    // Errors from core always carry a key; a bare transport message has none and is reported as internal.
    const worded = error.key === undefined ? { key: 'request.internal', params: {} } : { key: error.key, params: error.params as Record<string, unknown> };
    this.route(streamEventName(stream, 'error'), { token }, { streamId, data: { code, ...worded, ...(reason ? { reason } : {}) } });
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
