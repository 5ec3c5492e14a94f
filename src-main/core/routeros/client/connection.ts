/**
 * One API session over one socket: framing, the write queue, idle keepalive, closing, and the public
 * command API. Tags and in-flight commands live in TagDispatcher. Nothing thrown in a socket or timer
 * callback escapes: every failure becomes a typed rejection of the affected command(s) and, when the
 * session cannot go on (control byte, garbage, `!fatal`, reset), a typed close (integrations.md §2.4;
 * node-routeros does the opposite, §2.2).
 */
import type { Socket } from 'node:net';
import { ControlByteError, FrameTooLargeError, SentenceDecoder, encodeSentence, type WordEncoding } from '../codec/word-codec';
import { commandWords, normalisePath, whereWords } from './command-words';
import { changedAttributes } from './diff';
import { TagDispatcher, abortReason, type CommandHandle, type CommandHandlers, type StartOptions } from './dispatcher';
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
  RosStreamOptions,
} from './types';

export interface ConnectionSettings {
  host: string;
  port: number;
  encoding: WordEncoding;
  commandTimeoutMs: number;
  keepaliveIntervalMs: number;
  /** Waiting for an answer with nothing received for this long = dead router; 0 disables. */
  deadAfterMs: number;
  /** This many command timeouts in a row, with nothing received in between = dead router; 0 disables. */
  deadAfterTimeouts: number;
  maxWordBytes: number;
  maxSentenceBytes: number;
  tlsFingerprintSha256: string | null;
}

interface QueuedSentence {
  tag: string | undefined;
  buf: Buffer;
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
  private readonly decoder: SentenceDecoder;
  private readonly dispatcher = new TagDispatcher({
    send: (words, tag) => this.send(words, tag),
    unqueue: (tag) => this.unqueue(tag),
    canSend: () => this.state === 'open' || this.state === 'login',
    guard: (fn) => this.guard(fn),
    onCommandTimeout: () => this.onCommandTimeout(),
  });
  private outQueue: QueuedSentence[] = [];
  private flushScheduled = false;
  /**
   * Liveness is judged by bytes received, never by bytes sent: a router that went silent still lets us
   * write into the kernel's socket buffer for a long time.
   */
  private lastReceivedAt = Date.now();
  /**
   * Since when we have been waiting for the router with nothing received: set when a command that expects
   * an answer is sent (or bytes arrive while one is still outstanding), null when nothing is awaited. A
   * command that timed out keeps the clock running: it was never answered.
   */
  private askedSince: number | null = null;
  private consecutiveTimeouts = 0;
  private probeOutstanding = false;
  /** Streams whose unread rows passed their high-water mark; reading is paused while any is here. */
  private readonly pausedBy = new Set<RouterOsStream>();
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
    // Words are turned into strings at once, so views into the chunk are safe and save a copy per word.
    this.decoder = new SentenceDecoder({
      copyWords: false,
      maxWordBytes: settings.maxWordBytes,
      maxSentenceBytes: settings.maxSentenceBytes,
    });
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

  get encoding(): WordEncoding {
    return this.settings.encoding;
  }

  get commandTimeoutMs(): number {
    return this.settings.commandTimeoutMs;
  }

  /** Called by connectRouterOs once `/login` succeeded. */
  markLoggedIn(method: 'plain' | 'challenge'): void {
    if (this.state !== 'login') return;
    this.loginMethod = method;
    this.state = 'open';
    this.armLiveness();
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
          { timeoutMs: opts?.timeoutMs ?? this.settings.commandTimeoutMs, signal: opts?.signal },
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
    // Some menus/builds answer `add` with a bare `!done`: find the item just added by a property the router
    // stores as given (name, else list, else comment). Not by `address`: the router normalises it
    // (`a-b` → prefix, `/32` dropped), so an exact match is only preferred. The newest match is ours: item
    // ids only grow (`*1A` after `*19`), whereas print order follows position (`place-before`).
    const key = 'name' in attrs ? 'name' : 'list' in attrs ? 'list' : 'comment';
    const value = attrs[key];
    const rows = value !== undefined ? await this.print(menu, { where: { [key]: String(value) }, proplist: ['.id', 'address'], ...opts }) : [];
    const exact = 'address' in attrs ? rows.filter((r) => r.address === String(attrs.address)) : [];
    const id = newestId(exact.length > 0 ? exact : rows);
    if (id === undefined) throw new RosProtocolError(`${path} answered without the new item's id`);
    return id;
  }

  async set(menu: string, id: string, attrs: RosAttributes, opts?: RosCommandOptions): Promise<void> {
    await this.command(`${normalisePath(menu)}/set`, { attributes: { ...attrs, '.id': id } }, opts);
  }

  async setChanged(menu: string, current: RosRow, desired: RosAttributes, opts?: RosCommandOptions): Promise<RosAttributes> {
    const id = current['.id'];
    if (id === undefined) throw new TypeError(`setChanged on ${menu} needs a row read with its .id`);
    const changed = changedAttributes(current, desired);
    if (Object.keys(changed).length > 0) await this.set(menu, id, changed, opts);
    return changed;
  }

  async remove(menu: string, id: string, opts?: RosCommandOptions): Promise<void> {
    await this.command(`${normalisePath(menu)}/remove`, { attributes: { '.id': id } }, opts);
  }

  stream(path: string, args?: RosArgs, opts?: RosStreamOptions): RosStream {
    return new RouterOsStream(this, commandWords(path, args), opts);
  }

  /** Starts a tagged command (see TagDispatcher). Throws RosConnectionError when the session is over. */
  startCommand(words: string[], handlers: CommandHandlers, opts: StartOptions): CommandHandle {
    // A fresh error per caller; the error that ended the session went to onClose and to the pending commands.
    if (this.state === 'closing' || this.state === 'closed') throw new RosConnectionError('closed');
    return this.dispatcher.start(words, handlers, opts);
  }

  cancelTag(tag: string): void {
    this.dispatcher.cancelTag(tag);
  }

  /**
   * A slow stream consumer: stop reading the socket, so TCP pushes back on the router instead of rows
   * piling up in memory. Every command on this session waits meanwhile, which is why streams also
   * cancel themselves when their consumer stays stuck (RouterOsStream).
   */
  pauseReading(stream: RouterOsStream): void {
    if (this.state === 'closed') return;
    this.pausedBy.add(stream);
    if (this.pausedBy.size === 1) this.socket.pause();
  }

  resumeReading(stream: RouterOsStream): void {
    if (!this.pausedBy.delete(stream) || this.pausedBy.size > 0 || this.state === 'closed') return;
    // Silence while we were not reading says nothing about the router.
    this.lastReceivedAt = Date.now();
    this.askedSince = null;
    this.socket.resume();
  }

  // ── wire ────────────────────────────────────────────────────────────────────────────────────

  private send(words: readonly string[], tag?: string): void {
    this.outQueue.push({ tag, buf: encodeSentence(words, this.settings.encoding) });
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
    const queued = this.outQueue;
    this.outQueue = [];
    const data = queued.length === 1 ? queued[0]!.buf : Buffer.concat(queued.map((q) => q.buf));
    this.socket.write(data);
    const now = Date.now();
    for (const q of queued) {
      if (q.tag !== undefined && this.dispatcher.markSent(q.tag, now)) this.askedSince ??= now;
    }
  }

  /** Takes a command's sentence out of the outgoing queue if it has not been written yet. */
  private unqueue(tag: string): boolean {
    const i = this.outQueue.findIndex((q) => q.tag === tag);
    if (i === -1) return false;
    this.outQueue.splice(i, 1);
    return true;
  }

  private onData(chunk: Buffer): void {
    try {
      this.lastReceivedAt = Date.now();
      this.askedSince = null;
      this.consecutiveTimeouts = 0;
      const sentences = this.decoder.push(chunk);
      for (const words of sentences) {
        if (this.state === 'closed') return;
        this.dispatch(decodeReply(words, this.settings.encoding));
      }
      // Still waiting for something: the silence clock restarts from this byte.
      if (this.askedSince === null && this.dispatcher.awaitsAnswer()) this.askedSince = this.lastReceivedAt;
    } catch (err) {
      this.terminate(
        err instanceof RosError
          ? err
          : err instanceof ControlByteError
            ? new RosProtocolError(`control byte 0x${err.byte.toString(16)}`, { cause: err })
            : err instanceof FrameTooLargeError
              ? new RosProtocolError(`a ${err.what} of ${err.bytes} bytes (limit ${err.limit})`, { cause: err })
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

  // ── liveness ────────────────────────────────────────────────────────────────────────────────

  /**
   * One timer decides, from bytes received only:
   * - nothing asked and nothing received for the keepalive interval → send a probe;
   * - asked something, and nothing at all received since, for half of deadAfterMs → send a probe (a
   *   long-running command is fine as long as the router still answers something else);
   * - the same for deadAfterMs → the router is dead: close with RosConnectionError('silent'), which rejects
   *   every pending command and tells the owner to reconnect.
   */
  private armLiveness(delayMs = this.livenessTickMs()): void {
    if (this.state !== 'open' || delayMs <= 0) return;
    if (this.keepaliveTimer) clearTimeout(this.keepaliveTimer);
    this.keepaliveTimer = setTimeout(() => this.guard(() => this.onLivenessTimer()), delayMs);
    this.keepaliveTimer.unref?.();
  }

  private livenessTickMs(): number {
    const { keepaliveIntervalMs: keepalive, deadAfterMs: dead } = this.settings;
    const candidates = [keepalive, dead > 0 ? Math.max(10, Math.floor(dead / 4)) : 0].filter((n) => n > 0);
    return candidates.length > 0 ? Math.min(...candidates) : 0;
  }

  private onLivenessTimer(): void {
    this.keepaliveTimer = undefined;
    if (this.state !== 'open') return;
    const now = Date.now();
    if (this.pausedBy.size > 0) {
      // Not reading: silence says nothing about the router.
      this.lastReceivedAt = now;
      this.askedSince = null;
    }
    const { keepaliveIntervalMs: keepalive, deadAfterMs: dead } = this.settings;
    if (this.askedSince === null) {
      if (keepalive > 0 && now - this.lastReceivedAt >= keepalive) this.probe();
    } else {
      const silentMs = now - this.askedSince;
      if (dead > 0 && silentMs >= dead) {
        this.terminate(new RosConnectionError('silent'));
        return;
      }
      if (dead > 0 && silentMs >= dead / 2) this.probe();
    }
    this.armLiveness();
  }

  /** A harmless one-line read; its answer (any bytes at all) proves the router alive. */
  private probe(): void {
    if (this.probeOutstanding) return;
    this.probeOutstanding = true;
    const { commandTimeoutMs, deadAfterMs, keepaliveIntervalMs } = this.settings;
    const limits = [commandTimeoutMs, deadAfterMs].filter((n) => n > 0);
    const timeoutMs = limits.length > 0 ? Math.min(...limits) : keepaliveIntervalMs || 10_000;
    this.startCommand(
      [...KEEPALIVE_WORDS],
      {
        onRow: () => undefined,
        onEnd: (outcome) => {
          this.probeOutstanding = false;
          if (!outcome.ok && outcome.error instanceof RosTimeoutError) {
            // A router that cannot answer a one-line read is gone; fail fast instead of per command.
            this.terminate(new RosConnectionError('silent'));
          }
        },
      },
      { timeoutMs },
    );
  }

  private onCommandTimeout(): void {
    // Timeouts while we are not reading (slow stream consumer) say nothing about the router.
    if (this.pausedBy.size > 0 || this.state !== 'open') return;
    this.consecutiveTimeouts += 1;
    const limit = this.settings.deadAfterTimeouts;
    if (limit > 0 && this.consecutiveTimeouts >= limit) {
      // After the timing-out command has settled (it is abandoned right after this hook).
      queueMicrotask(() => this.guard(() => this.terminate(new RosConnectionError('silent'))));
    }
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
    this.pausedBy.clear();
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
    this.pausedBy.clear();
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

/** The highest RouterOS item id (`*1A`) among rows; ids are hex and grow with each new item. */
function newestId(rows: readonly RosRow[]): string | undefined {
  let best: { id: string; n: number } | undefined;
  for (const r of rows) {
    const id = r['.id'];
    const n = id !== undefined && /^\*[0-9A-Fa-f]+$/.test(id) ? parseInt(id.slice(1), 16) : NaN;
    if (id !== undefined && Number.isFinite(n) && (best === undefined || n > best.n)) best = { id, n };
  }
  return best?.id;
}
