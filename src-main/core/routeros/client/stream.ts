/**
 * Long-running commands (`listen`, `/interface/monitor-traffic`, `/ping` without count,
 * `/log/print =follow-only=`) as async iterables. Stopping = `/cancel =tag=<tag>`; the router then
 * answers `!trap =category=2 =message=interrupted` and `!done` for our tag (integrations.md §1.5),
 * which ends the iteration cleanly. Any other trap rejects the iteration with RosTrapError.
 *
 * Memory is bounded: past `highWaterMark` unread rows the session stops reading the socket (TCP then
 * pushes back on the router) until the consumer has read half of them; a consumer that makes no progress
 * for `stuckCancelMs` gets its stream cancelled with RosStreamOverflowError, so a forgotten stream
 * cannot hold the shared session paused.
 */
import { RosStreamOverflowError, RosTimeoutError } from './errors';
import type { CommandHandle, CommandHandlers, CommandOutcome, StartOptions } from './dispatcher';
import type { RosRow, RosStream, RosStreamOptions } from './types';

export interface StreamHost {
  readonly commandTimeoutMs: number;
  startCommand(words: string[], handlers: CommandHandlers, opts: StartOptions): CommandHandle;
  cancelTag(tag: string): void;
  pauseReading(stream: RouterOsStream): void;
  resumeReading(stream: RouterOsStream): void;
}

interface Waiter {
  resolve(result: IteratorResult<RosRow>): void;
  reject(err: unknown): void;
}

const DEFAULT_CANCEL_WAIT_MS = 10_000;
export const STREAM_DEFAULTS = { highWaterMark: 1000, stuckCancelMs: 30_000 } as const;

export class RouterOsStream implements RosStream, AsyncIterator<RosRow> {
  readonly tag: string;
  private readonly handle: CommandHandle | null = null;
  private readonly path: string;
  private queue: RosRow[] = [];
  private head = 0;
  private waiter: Waiter | null = null;
  private ended = false;
  private error: unknown = null;
  private errorReported = false;
  private cancelRequested = false;
  private readonly endListeners: Array<() => void> = [];
  private readonly highWaterMark: number;
  private readonly stuckCancelMs: number;
  private paused = false;
  private stuckTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly host: StreamHost,
    words: string[],
    opts: RosStreamOptions = {},
  ) {
    this.path = words[0] ?? '';
    this.highWaterMark = Math.max(1, opts.highWaterMark ?? STREAM_DEFAULTS.highWaterMark);
    this.stuckCancelMs = opts.stuckCancelMs ?? STREAM_DEFAULTS.stuckCancelMs;
    let handle: CommandHandle | null = null;
    try {
      handle = host.startCommand(words, { onRow: (row) => this.push(row), onEnd: (o) => this.finish(o) }, { timeoutMs: 0, stream: true });
    } catch (err) {
      this.finish({ ok: false, error: err });
    }
    this.handle = handle;
    this.tag = handle?.tag ?? '';
  }

  [Symbol.asyncIterator](): AsyncIterator<RosRow> {
    return this;
  }

  /** Rows received and not read yet. */
  get queuedRows(): number {
    return this.queue.length - this.head;
  }

  next(): Promise<IteratorResult<RosRow>> {
    if (this.head < this.queue.length) {
      const value = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      if (this.paused) this.progress();
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) {
      if (this.error !== null && !this.errorReported) {
        this.errorReported = true;
        return Promise.reject(this.error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    if (this.waiter) return Promise.reject(new Error('RosStream.next() called while a previous next() is pending'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** `break` out of `for await` lands here: stop the command on the router before leaving. */
  async return(): Promise<IteratorResult<RosRow>> {
    await this.cancel();
    return { value: undefined, done: true };
  }

  cancel(): Promise<void> {
    if (this.ended) return Promise.resolve();
    const ended = new Promise<void>((resolve) => this.endListeners.push(resolve));
    if (!this.cancelRequested) {
      this.cancelRequested = true;
      // The cancel's answer has to be read; the unread rows stay queued for the consumer.
      this.unpause();
      try {
        this.host.cancelTag(this.tag);
      } catch {
        // the session is going away; its close ends this stream
      }
      // A router that never confirms the cancel must not hang the caller.
      const waitMs = this.host.commandTimeoutMs > 0 ? this.host.commandTimeoutMs : DEFAULT_CANCEL_WAIT_MS;
      const timer = setTimeout(() => this.handle?.abandon(new RosTimeoutError('command', waitMs, '/cancel'), false), waitMs);
      timer.unref?.();
      this.endListeners.push(() => clearTimeout(timer));
    }
    return ended;
  }

  private push(row: RosRow): void {
    if (this.waiter && this.head >= this.queue.length) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve({ value: row, done: false });
      return;
    }
    this.queue.push(row);
    if (!this.paused && !this.ended && !this.cancelRequested && this.queuedRows >= this.highWaterMark) {
      this.paused = true;
      this.host.pauseReading(this);
      this.armStuckTimer();
    }
  }

  /** The consumer read a row while reading was paused. */
  private progress(): void {
    if (this.queuedRows <= this.highWaterMark / 2) this.unpause();
    else this.armStuckTimer();
  }

  private armStuckTimer(): void {
    if (this.stuckTimer) clearTimeout(this.stuckTimer);
    if (this.stuckCancelMs <= 0) return;
    this.stuckTimer = setTimeout(() => this.overflow(), this.stuckCancelMs);
    this.stuckTimer.unref?.();
  }

  /** The consumer made no progress: give up on this stream (rows already queued stay readable). */
  private overflow(): void {
    this.stuckTimer = undefined;
    if (this.ended) return;
    const error = new RosStreamOverflowError(this.path, this.queuedRows);
    this.unpause();
    this.handle?.abandon(error, true);
  }

  private unpause(): void {
    if (this.stuckTimer) clearTimeout(this.stuckTimer);
    this.stuckTimer = undefined;
    if (!this.paused) return;
    this.paused = false;
    this.host.resumeReading(this);
  }

  private finish(outcome: CommandOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.unpause();
    // After our own /cancel, the 'interrupted' trap (or anything else that ends the command) is the
    // expected way out, not an error. An overflow is reported even though it sent /cancel itself.
    if (!outcome.ok && (!this.cancelRequested || outcome.error instanceof RosStreamOverflowError)) {
      this.error = outcome.error ?? new Error(`${this.path} failed`);
    }
    const w = this.waiter;
    if (w && this.head >= this.queue.length) {
      this.waiter = null;
      if (this.error !== null) {
        this.errorReported = true;
        w.reject(this.error);
      } else {
        w.resolve({ value: undefined, done: true });
      }
    }
    for (const listener of this.endListeners.splice(0)) listener();
  }
}
