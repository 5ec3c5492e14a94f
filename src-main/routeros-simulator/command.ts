/** What a command handler sees: its arguments and a reply channel honouring tags and /cancel. */
import type { RouterCore } from './core';
import type { Props } from './spec';

export interface SessionInfo {
  readonly user: string;
  readonly policies: ReadonlySet<string>;
  readonly remoteAddress: string;
  /** 'api' | 'script' | 'scheduler' ... */
  readonly via: string;
}

export interface ReplySink {
  /** Sends one reply sentence (words without the terminator). */
  send(words: string[]): void;
  /** Whether the sink still accepts replies (socket open). */
  readonly open: boolean;
}

export interface CommandContext {
  readonly core: RouterCore;
  readonly path: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly queries: readonly string[];
  readonly tag: string | undefined;
  readonly session: SessionInfo;
  readonly finished: boolean;
  /** `!re` with the given properties (in order). */
  re(props: Props | ReadonlyArray<readonly [string, string]>): void;
  /** Raw `!re` attribute words (already `=name=value`). */
  reWords(words: readonly string[]): void;
  done(ret?: string): void;
  /** `!trap` then `!done`. */
  trap(message: string, category?: number): void;
  /** Zero rows: `!empty` + `!done` on RouterOS >= 7.18, bare `!done` before. */
  empty(): void;
  /** Called once if the command is cancelled (or its connection closes) before done. */
  onCancel(fn: () => void): void;
}

export class CommandRun implements CommandContext {
  finished = false;
  private cancelFns: Array<() => void> = [];

  constructor(
    readonly core: RouterCore,
    readonly path: string,
    readonly attrs: Readonly<Record<string, string>>,
    readonly queries: readonly string[],
    readonly tag: string | undefined,
    readonly session: SessionInfo,
    private readonly sink: ReplySink,
    private readonly onFinish: (run: CommandRun) => void,
  ) {}

  private words(head: string): string[] {
    return this.tag !== undefined && this.tag !== '' ? [head, `.tag=${this.tag}`] : [head];
  }

  re(props: Props | ReadonlyArray<readonly [string, string]>): void {
    if (this.finished) return;
    const w = this.words('!re');
    const entries = Array.isArray(props) ? (props as ReadonlyArray<readonly [string, string]>) : Object.entries(props);
    for (const [k, v] of entries) w.push(`=${k}=${v}`);
    this.sink.send(w);
  }

  reWords(attrWords: readonly string[]): void {
    if (this.finished) return;
    const w = this.words('!re');
    for (const a of attrWords) w.push(a);
    this.sink.send(w);
  }

  done(ret?: string): void {
    if (this.finished) return;
    const w = this.words('!done');
    if (ret !== undefined) w.push(`=ret=${ret}`);
    this.finish();
    this.sink.send(w);
  }

  trap(message: string, category?: number): void {
    if (this.finished) return;
    const w = this.words('!trap');
    if (category !== undefined) w.push(`=category=${category}`);
    w.push(`=message=${message}`);
    this.sink.send(w);
    this.done();
  }

  empty(): void {
    if (this.finished) return;
    if (this.core.version.emitsEmpty) this.sink.send(this.words('!empty'));
    this.done();
  }

  onCancel(fn: () => void): void {
    this.cancelFns.push(fn);
  }

  /** /cancel: runs the cleanup and answers `!trap =category=2 =message=interrupted` (its `!done` follows later). */
  interrupt(): void {
    if (this.finished) return;
    this.runCancel();
    const w = this.words('!trap');
    w.push('=category=2', '=message=interrupted');
    this.sink.send(w);
  }

  /** The handler threw: stop whatever it started, then `!trap` + `!done`. */
  fail(message: string, category?: number): void {
    if (this.finished) return;
    this.runCancel();
    this.trap(message, category);
  }

  /** The connection went away: stop timers, send nothing. */
  abandon(): void {
    if (this.finished) return;
    this.finished = true;
    this.runCancel();
    this.onFinish(this);
  }

  private runCancel(): void {
    const fns = this.cancelFns;
    this.cancelFns = [];
    for (const fn of fns) fn();
  }

  private finish(): void {
    this.finished = true;
    this.cancelFns = [];
    this.onFinish(this);
  }
}
