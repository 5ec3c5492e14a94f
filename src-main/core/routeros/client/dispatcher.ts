/**
 * Tags and in-flight commands of one session: every command gets a unique `.tag`, replies are matched
 * by tag (wherever `.tag` sits in the sentence), each command settles exactly once — on its `!done`, its
 * timeout, its AbortSignal, an unknown reply word, or the end of the session.
 *
 * Reply words (integrations.md §1.4): `!re` → row, `!empty` → no data (still waits for `!done`),
 * `!trap` → remembered, the command rejects when its trailing `!done` arrives. A tagged reply word we
 * do not know rejects only that command (RosProtocolError) and the router is told to `/cancel` it.
 * An untagged known reply word answers nobody (we tag everything) and is ignored; an untagged unknown
 * word is garbage and throws RosProtocolError, which closes the session.
 */
import { REPLY_WORDS } from '../codec/sentence';
import { RosProtocolError, RosTimeoutError, RosTrapError } from './errors';
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

interface Pending {
  readonly tag: string;
  readonly path: string;
  readonly handlers: CommandHandlers;
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

export class TagDispatcher {
  private readonly pending = new Map<string, Pending>();
  private tagSeq = 0;

  constructor(
    /** Queues one sentence for the socket. */
    private readonly send: (words: readonly string[]) => void,
    /** Whether `/cancel` may still be sent. */
    private readonly canSend: () => boolean,
    /** Wraps timer/abort callbacks so nothing they throw escapes. */
    private readonly guard: (fn: () => void) => void,
  ) {}

  /** Registers a tagged command and queues its sentence; `words[0]` is the normalised path. */
  start(words: string[], handlers: CommandHandlers, timeoutMs: number, signal?: AbortSignal): CommandHandle {
    const tag = this.nextTag();
    const p: Pending = {
      tag,
      path: words[0] ?? '',
      handlers,
      trap: null,
      sawEmpty: false,
      timer: undefined,
      cleanup: undefined,
    };
    this.pending.set(tag, p);
    if (timeoutMs > 0) {
      p.timer = setTimeout(
        () => this.guard(() => this.abandon(p, new RosTimeoutError('command', timeoutMs, p.path), true)),
        timeoutMs,
      );
    }
    if (signal) {
      const onAbort = (): void => this.guard(() => this.abandon(p, abortReason(signal), true));
      signal.addEventListener('abort', onAbort, { once: true });
      p.cleanup = () => signal.removeEventListener('abort', onAbort);
    }
    words.push(`.tag=${tag}`);
    this.send(words);
    return { tag, abandon: (error, sendCancel = true) => this.abandon(p, error, sendCancel) };
  }

  /** `/cancel =tag=<tag>` under a tag nobody waits for: its own `!done`/`!trap` are ignored. */
  cancelTag(tag: string): void {
    if (!this.canSend()) return;
    this.send(['/cancel', `=tag=${tag}`, `.tag=${this.nextTag()}`]);
  }

  /** Routes one reply sentence (not `!fatal`, which ends the session). Throws RosProtocolError on garbage. */
  dispatch(reply: Reply): void {
    if (reply.tag === undefined) {
      if (REPLY_WORDS.has(reply.word)) return;
      throw new RosProtocolError(`unexpected word ${printable(reply.word)}`);
    }
    const p = this.pending.get(reply.tag);
    if (!p) return; // late reply of a timed-out, aborted or cancelled command
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

  rejectAll(error: unknown): void {
    for (const p of [...this.pending.values()]) this.settle(p, { ok: false, error });
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
    this.settle(p, { ok: false, error });
    // The router may still be running it (a stalled print, a stream): stop it, ignore its late replies.
    if (sendCancel) this.cancelTag(p.tag);
  }
}
