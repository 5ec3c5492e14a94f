/**
 * Tags and in-flight commands of one session: every command gets a unique `.tag`, replies are matched
 * by tag (wherever `.tag` sits in the sentence), each command settles exactly once — on its `!done`, its
 * timeout, its AbortSignal, an unknown reply word, or the end of the session.
 *
 * Reply words (integrations.md §1.4): `!re` → row, `!empty` → no data (still waits for `!done`),
 * `!trap` → remembered, the command rejects when its trailing `!done` arrives. A tagged reply word we
 * do not know rejects only that command (RosProtocolError) and the router is told to `/cancel` it.
 * An untagged `!trap` fails the commands not answered yet (see untaggedTrap); other untagged known reply
 * words answer nobody (we tag everything) and are ignored; an untagged unknown word is garbage and throws
 * RosProtocolError, which closes the session. A command that times out while still queued is taken out of
 * the queue (never sent); a write that times out after it was sent rejects with RosOutcomeUnknownError.
 */
import { REPLY_WORDS } from '../codec/sentence';
import { RosError, RosOutcomeUnknownError, RosProtocolError, RosTimeoutError, RosTrapError } from './errors';
import type { Reply } from './reply';
import type { RosRow } from './types';

export type CommandOutcome = { ok: true; done: RosRow; sawEmpty: boolean } | { ok: false; error: unknown };

export interface CommandHandlers {
  onRow(row: RosRow): void;
  /** Called exactly once. */
  onEnd(outcome: CommandOutcome): void;
}

export interface CommandHandle {
  readonly tag: string;
  /** Settles the command locally with `error`; `/cancel` is sent for it unless `sendCancel` is false. */
  abandon(error: unknown, sendCancel?: boolean): void;
}

export interface StartOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Long-running (listen, monitor): may legitimately stay silent, so it does not count as "awaiting a reply". */
  stream?: boolean;
}

/** What the dispatcher needs from the session. */
export interface DispatcherHost {
  /** Queues one sentence for the socket; `tag` identifies a command's sentence in the queue. */
  send(words: readonly string[], tag?: string): void;
  /** Removes a command's sentence if it is still queued; true when it was (it will never be sent). */
  unqueue(tag: string): boolean;
  /** Whether `/cancel` may still be sent. */
  canSend(): boolean;
  /** Wraps timer/abort callbacks so nothing they throw escapes. */
  guard(fn: () => void): void;
  /** A command timed out (the session counts consecutive timeouts to detect a dead router). */
  onCommandTimeout(): void;
}

interface Pending {
  readonly tag: string;
  readonly path: string;
  readonly handlers: CommandHandlers;
  readonly write: boolean;
  readonly stream: boolean;
  /** When its sentence was handed to the socket; 0 while still queued. */
  sentAt: number;
  /** Any reply sentence seen for it. */
  answered: boolean;
  trap: RosTrapError | null;
  sawEmpty: boolean;
  timer: NodeJS.Timeout | undefined;
  cleanup: (() => void) | undefined;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The command was aborted', 'AbortError');
}

function parseCategory(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : null;
}

export function printable(word: string): string {
  return JSON.stringify(word.length > 40 ? `${word.slice(0, 40)}…` : word);
}

// Verbs that only read: re-sending them is always safe. Everything else may change the router.
const READ_VERBS = new Set(['print', 'getall', 'listen', 'monitor', 'monitor-traffic', 'ping', 'login', 'cancel', 'quit', 'export']);

/** Whether a command may change the router (so a lost answer leaves its outcome unknown). */
export function isWriteCommand(path: string): boolean {
  const verb = path.slice(path.lastIndexOf('/') + 1);
  return !READ_VERBS.has(verb);
}

export class TagDispatcher {
  private readonly pending = new Map<string, Pending>();
  private tagSeq = 0;

  constructor(private readonly host: DispatcherHost) {}

  /** Registers a tagged command and queues its sentence; `words[0]` is the normalised path. */
  start(words: string[], handlers: CommandHandlers, opts: StartOptions): CommandHandle {
    const tag = this.nextTag();
    const path = words[0] ?? '';
    const p: Pending = {
      tag,
      path,
      handlers,
      write: isWriteCommand(path),
      stream: opts.stream ?? false,
      sentAt: 0,
      answered: false,
      trap: null,
      sawEmpty: false,
      timer: undefined,
      cleanup: undefined,
    };
    this.pending.set(tag, p);
    const { timeoutMs, signal } = opts;
    if (timeoutMs > 0) {
      p.timer = setTimeout(
        () =>
          this.host.guard(() => {
            if (this.pending.get(p.tag) !== p) return;
            this.host.onCommandTimeout();
            this.abandon(p, new RosTimeoutError('command', timeoutMs, p.path, p.sentAt > 0), true);
          }),
        timeoutMs,
      );
    }
    if (signal) {
      const onAbort = (): void => this.host.guard(() => this.abandon(p, abortReason(signal), true));
      signal.addEventListener('abort', onAbort, { once: true });
      p.cleanup = () => signal.removeEventListener('abort', onAbort);
    }
    words.push(`.tag=${tag}`);
    this.host.send(words, tag);
    return { tag, abandon: (error, sendCancel = true) => this.abandon(p, error, sendCancel) };
  }

  /**
   * The session handed this command's sentence to the socket. Returns whether an answer is now expected
   * (streams may legitimately stay silent, so they do not count).
   */
  markSent(tag: string, at: number): boolean {
    const p = this.pending.get(tag);
    if (!p || p.sentAt !== 0) return false;
    p.sentAt = at;
    return !p.stream;
  }

  /** Whether any sent command (streams excepted) still waits for its answer. */
  awaitsAnswer(): boolean {
    for (const p of this.pending.values()) if (!p.stream && p.sentAt > 0) return true;
    return false;
  }

  /** `/cancel =tag=<tag>` under a tag nobody waits for: its own `!done`/`!trap` are ignored. */
  cancelTag(tag: string): void {
    if (!this.host.canSend()) return;
    this.host.send(['/cancel', `=tag=${tag}`, `.tag=${this.nextTag()}`]);
  }

  /** Routes one reply sentence (not `!fatal`, which ends the session). Throws RosProtocolError on garbage. */
  dispatch(reply: Reply): void {
    if (reply.tag === undefined) {
      if (reply.word === '!trap') {
        this.untaggedTrap(reply);
        return;
      }
      if (REPLY_WORDS.has(reply.word)) return;
      throw new RosProtocolError(`unexpected word ${printable(reply.word)}`);
    }
    const p = this.pending.get(reply.tag);
    if (!p) return; // late reply of a timed-out, aborted or cancelled command
    p.answered = true;
    switch (reply.word) {
      case '!re':
        p.handlers.onRow(reply.attributes);
        return;
      case '!empty':
        p.sawEmpty = true;
        return;
      case '!trap':
        p.trap ??= new RosTrapError(p.path, reply.attributes.message ?? '', parseCategory(reply.attributes.category));
        return;
      case '!done':
        this.settle(p, p.trap ? { ok: false, error: p.trap } : { ok: true, done: reply.attributes, sawEmpty: p.sawEmpty });
        return;
      default:
        this.abandon(p, new RosProtocolError(`unknown reply word ${printable(reply.word)} to ${p.path}`), true);
    }
  }

  /**
   * The session is over: every command rejects with `error`, except writes that had been sent, whose
   * outcome is unknown (the router may have applied them before the link died).
   */
  rejectAll(error: unknown): void {
    for (const p of [...this.pending.values()]) {
      const lost = p.write && p.sentAt > 0 && error instanceof RosError;
      this.settle(p, { ok: false, error: lost ? new RosOutcomeUnknownError(p.path, 'connection-lost', { cause: error }) : error });
    }
  }

  /**
   * An untagged `!trap` (a login-level refusal, or a router that lost our tag) cannot name its command.
   * It concerns the commands the router has not answered at all yet: they fail with it now instead of
   * timing out. Commands that already got a reply are clearly not its subject.
   */
  private untaggedTrap(reply: Reply): void {
    const message = reply.attributes.message ?? '';
    const category = parseCategory(reply.attributes.category);
    for (const p of [...this.pending.values()]) {
      if (p.sentAt === 0 || p.answered) continue;
      this.abandon(p, new RosTrapError(p.path, message, category), false);
    }
  }

  private nextTag(): string {
    this.tagSeq += 1;
    return this.tagSeq.toString(36);
  }

  private settle(p: Pending, outcome: CommandOutcome): void {
    if (this.pending.get(p.tag) !== p) return;
    this.pending.delete(p.tag);
    if (p.timer) clearTimeout(p.timer);
    p.cleanup?.();
    try {
      p.handlers.onEnd(outcome);
    } catch {
      // A handler bug must not take the session down.
    }
  }

  private abandon(p: Pending, error: unknown, sendCancel: boolean): void {
    if (this.pending.get(p.tag) !== p) return;
    // Still in our outgoing queue: take it out, so an abandoned command is never sent later.
    if (this.host.unqueue(p.tag)) {
      this.settle(p, { ok: false, error });
      return;
    }
    const unknown = p.write && error instanceof RosTimeoutError;
    this.settle(p, { ok: false, error: unknown ? new RosOutcomeUnknownError(p.path, 'timeout', { cause: error }) : error });
    // The router may still be running it (a stalled print, a stream): stop it, ignore its late replies.
    if (sendCancel) this.cancelTag(p.tag);
  }
}
