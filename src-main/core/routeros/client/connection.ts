/**
 * One API session over one socket: framing, the write queue, idle keepalive, closing, and the public
 * command API. Tags and in-flight commands live in TagDispatcher. Nothing thrown in a socket or timer
 * callback escapes: every failure becomes a typed rejection of the affected command(s) and, when the
 * session cannot go on (control byte, garbage, `!fatal`, reset), a typed close (integrations.md §2.4;
 * node-routeros does the opposite, §2.2).
 */
import type { Socket } from 'node:net';
import { ControlByteError, SentenceDecoder, encodeSentence, type WordEncoding } from '../codec/word-codec';
import { commandWords, normalisePath, whereWords } from './command-words';
import { TagDispatcher, abortReason, type CommandHandle, type CommandHandlers } from './dispatcher';
import { RosConnectionError, RosError, RosFatalError, RosProtocolError, RosTimeoutError } from './errors';
import { toConnectionError } from './net-errors';
import { decodeReply, type Reply } from './reply';
import { RouterOsStream, type StreamHost } from './stream';
import { tlsErrorFrom } from './tls';
import type {
  RosArgs,
  RosAttributes,
  RosCommandOptions,
  RosConnection,
  RosPrintOptions,
  RosResult,
  RosRow,
  RosStream,
} from './types';

export interface ConnectionSettings {
  host: string;
  port: number;
  encoding: WordEncoding;
  commandTimeoutMs: number;
  keepaliveIntervalMs: number;
  tlsFingerprintSha256: string | null;
}

type State = 'login' | 'open' | 'closing' | 'closed';

const KEEPALIVE_WORDS = ['/system/identity/print', '=.proplist=name'];
const QUIT_GRACE_MS = 1000;

export class RouterOsConnection implements RosConnection, StreamHost {
  readonly host: string;
  readonly port: number;
  readonly tlsFingerprintSha256: string | null;
  loginMethod: 'plain' | 'challenge' = 'plain';

  private state: State = 'login';
  // Words are turned into strings at once, so views into the chunk are safe and save a copy per word.
  private readonly decoder = new SentenceDecoder({ copyWords: false });
  private readonly dispatcher = new TagDispatcher(
    (words) => this.send(words),
    () => this.state === 'open' || this.state === 'login',
    (fn) => this.guard(fn),
  );
  private outQueue: Buffer[] = [];
  private flushScheduled = false;
  private lastActivityAt = Date.now();
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private closeError: RosError | null = null;
  private readonly closeListeners = new Set<(err: RosError | null) => void>();
  private readonly closedPromise: Promise<void>;
  private resolveClosed!: () => void;
  private readonly flushBound = (): void => this.flush();

  constructor(
    private readonly socket: Socket,
    private readonly settings: ConnectionSettings,
  ) {
    this.host = settings.host;
    this.port = settings.port;
    this.tlsFingerprintSha256 = settings.tlsFingerprintSha256;
    this.closedPromise = new Promise<void>((resolve) => {
      this.resolveClosed = resolve;
    });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) =>
      this.guard(() => this.terminate(this.state === 'closing' ? null : (tlsErrorFrom(err) ?? toConnectionError(err)))),
    );
    socket.on('close', () => this.guard(() => this.terminate(this.state === 'closing' ? null : new RosConnectionError('closed'))));
    socket.on('drain', this.flushBound);
    if (socket.destroyed) this.terminate(new RosConnectionError('closed'));
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  get commandTimeoutMs(): number {
    return this.settings.commandTimeoutMs;
  }

  /** Called by connectRouterOs once `/login` succeeded. */
  markLoggedIn(method: 'plain' | 'challenge'): void {
    if (this.state !== 'login') return;
    this.loginMethod = method;
    this.state = 'open';
    this.armKeepalive();
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────

  command(path: string, args?: RosArgs, opts?: RosCommandOptions): Promise<RosResult> {
    return new Promise<RosResult>((resolve, reject) => {
      try {
        const words = commandWords(path, args);
        if (opts?.signal?.aborted) {
          reject(abortReason(opts.signal));
          return;
        }
        const rows: RosRow[] = [];
        this.startCommand(
          words,
          {
            onRow: (row) => rows.push(row),
            onEnd: (outcome) => {
              if (!outcome.ok) {
                reject(outcome.error);
                return;
              }
              const result: RosResult = {
                rows,
                done: outcome.done,
                empty: outcome.sawEmpty || (rows.length === 0 && Object.keys(outcome.done).length === 0),
              };
              if (outcome.done.ret !== undefined) result.ret = outcome.done.ret;
              resolve(result);
            },
          },
          opts?.timeoutMs ?? this.settings.commandTimeoutMs,
          opts?.signal,
        );
      } catch (err) {
        reject(err);
      }
    });
  }

  async print(menu: string, opts: RosPrintOptions = {}): Promise<RosRow[]> {
    const query = [...whereWords(opts.where), ...(opts.query ?? [])];
    const args: RosArgs = { query };
    if (opts.proplist) args.proplist = opts.proplist;
    const result = await this.command(`${normalisePath(menu)}/print`, args, opts);
    return result.rows;
  }

  async add(menu: string, attrs: RosAttributes, opts?: RosCommandOptions): Promise<string> {
    const path = `${normalisePath(menu)}/add`;
    const result = await this.command(path, { attributes: attrs }, opts);
    if (result.ret !== undefined) return result.ret;
    // Some menus/builds answer `add` with a bare `!done`: find the item just added by its identifying
    // properties (name, else list+address, else comment); the newest match is ours.
    const keys = 'name' in attrs ? ['name'] : 'list' in attrs && 'address' in attrs ? ['list', 'address'] : ['comment'];
    const where: Record<string, string> = {};
    for (const k of keys) if (attrs[k] !== undefined) where[k] = String(attrs[k]);
    const rows = Object.keys(where).length > 0 ? await this.print(menu, { where, proplist: ['.id'], ...opts }) : [];
    const id = rows.at(-1)?.['.id'];
    if (id === undefined) throw new RosProtocolError(`${path} answered without the new item's id`);
    return id;
  }

  async set(menu: string, id: string, attrs: RosAttributes, opts?: RosCommandOptions): Promise<void> {
    await this.command(`${normalisePath(menu)}/set`, { attributes: { ...attrs, '.id': id } }, opts);
  }

  async remove(menu: string, id: string, opts?: RosCommandOptions): Promise<void> {
    await this.command(`${normalisePath(menu)}/remove`, { attributes: { '.id': id } }, opts);
  }

  stream(path: string, args?: RosArgs): RosStream {
    return new RouterOsStream(this, commandWords(path, args));
  }

  /** Starts a tagged command (see TagDispatcher). Throws RosConnectionError when the session is over. */
  startCommand(words: string[], handlers: CommandHandlers, timeoutMs: number, signal?: AbortSignal): CommandHandle {
    // A fresh error per caller; the error that ended the session went to onClose and to the pending commands.
    if (this.state === 'closing' || this.state === 'closed') throw new RosConnectionError('closed');
    return this.dispatcher.start(words, handlers, timeoutMs, signal);
  }

  cancelTag(tag: string): void {
    this.dispatcher.cancelTag(tag);
  }

  // ── wire ────────────────────────────────────────────────────────────────────────────────────

  private send(words: readonly string[]): void {
    this.outQueue.push(encodeSentence(words, this.settings.encoding));
    this.lastActivityAt = Date.now();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Sentences queued in the same tick leave in one write (200 concurrent prints = 1 syscall).
      process.nextTick(this.flushBound);
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.outQueue.length === 0 || this.socket.destroyed) return;
    // Backpressure: keep sentences here until the socket drained ('drain' calls flush again).
    if (this.socket.writableNeedDrain) return;
    const data = this.outQueue.length === 1 ? this.outQueue[0]! : Buffer.concat(this.outQueue);
    this.outQueue = [];
    this.socket.write(data);
  }

  private onData(chunk: Buffer): void {
    try {
      this.lastActivityAt = Date.now();
      const sentences = this.decoder.push(chunk);
      for (const words of sentences) {
        if (this.state === 'closed') return;
        this.dispatch(decodeReply(words, this.settings.encoding));
      }
    } catch (err) {
      this.terminate(
        err instanceof RosError
          ? err
          : err instanceof ControlByteError
            ? new RosProtocolError(`control byte 0x${err.byte.toString(16)}`, { cause: err })
            : new RosProtocolError('undecodable data', { cause: err }),
      );
    }
  }

  private dispatch(reply: Reply): void {
    if (reply.word === '!fatal') {
      // `!fatal` is untagged and its reason is a bare word (integrations.md §1.4).
      const reason = reply.bare.join(' ') || reply.attributes.message || '';
      this.terminate(this.state === 'closing' ? null : new RosFatalError(reason));
      return;
    }
    this.dispatcher.dispatch(reply);
  }

  // ── keepalive ───────────────────────────────────────────────────────────────────────────────

  private armKeepalive(delayMs = this.settings.keepaliveIntervalMs): void {
    if (this.settings.keepaliveIntervalMs <= 0 || this.state !== 'open') return;
    if (this.keepaliveTimer) clearTimeout(this.keepaliveTimer);
    this.keepaliveTimer = setTimeout(() => this.guard(() => this.onKeepaliveTimer()), delayMs);
    this.keepaliveTimer.unref?.();
  }

  private onKeepaliveTimer(): void {
    this.keepaliveTimer = undefined;
    if (this.state !== 'open') return;
    const interval = this.settings.keepaliveIntervalMs;
    const idleMs = Date.now() - this.lastActivityAt;
    if (idleMs < interval) {
      this.armKeepalive(interval - idleMs);
      return;
    }
    const timeoutMs = this.settings.commandTimeoutMs > 0 ? this.settings.commandTimeoutMs : interval;
    this.startCommand(
      [...KEEPALIVE_WORDS],
      {
        onRow: () => undefined,
        onEnd: (outcome) => {
          if (!outcome.ok && outcome.error instanceof RosTimeoutError) {
            // A router that cannot answer a one-line read is gone; fail fast instead of per command.
            this.terminate(new RosConnectionError('timeout'));
            return;
          }
          this.armKeepalive();
        },
      },
      timeoutMs,
    );
  }

  // ── closing ─────────────────────────────────────────────────────────────────────────────────

  onClose(listener: (err: RosError | null) => void): () => void {
    if (this.state === 'closed') {
      const err = this.closeError;
      queueMicrotask(() => {
        try {
          listener(err);
        } catch {
          // listeners must not break the client
        }
      });
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => {
      this.closeListeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    if (this.state === 'closing') return this.closedPromise;
    this.state = 'closing';
    this.clearKeepalive();
    this.rejectAllPending(new RosConnectionError('closed'));
    const grace = setTimeout(() => this.guard(() => this.terminate(null)), QUIT_GRACE_MS);
    grace.unref?.();
    try {
      this.send(['/quit']);
      this.flush();
      this.socket.end();
    } catch {
      this.terminate(null);
    }
    await this.closedPromise;
    clearTimeout(grace);
  }

  /** Ends the session now (no `/quit`); used when login fails. */
  destroy(err: RosError | null): void {
    this.terminate(err);
  }

  private rejectAllPending(error: RosError): void {
    this.dispatcher.rejectAll(error);
  }

  private clearKeepalive(): void {
    if (this.keepaliveTimer) clearTimeout(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
  }

  private terminate(err: RosError | null): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closeError = err;
    this.clearKeepalive();
    this.outQueue = [];
    this.rejectAllPending(err ?? new RosConnectionError('closed'));
    this.socket.destroy();
    this.resolveClosed();
    for (const listener of [...this.closeListeners]) {
      try {
        listener(err);
      } catch {
        // listeners must not break the client
      }
    }
    this.closeListeners.clear();
  }

  /** Runs a callback from a socket/timer event; whatever it throws closes the session as a typed error. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      try {
        this.terminate(err instanceof RosError ? err : new RosProtocolError('internal client error', { cause: err }));
      } catch {
        // nothing sensible left to do; never throw out of an event handler
      }
    }
  }
}
