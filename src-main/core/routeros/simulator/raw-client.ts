/**
 * Minimal raw API peer for tests and smoke checks: sends sentences (optionally cut into tiny TCP
 * chunks) and records every reply sentence, using the shared codec. Not the product's client.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { SentenceDecoder, encodeSentence } from '../codec/word-codec';

export interface RawClientOptions {
  host?: string;
  tls?: ConnectionOptions;
  /** Cut every written sentence into chunks of 1..maxChunk bytes (each its own write). */
  maxChunk?: number;
}

export class RawApiClient {
  readonly received: string[][] = [];
  private readonly decoder = new SentenceDecoder();
  private waiters: Array<() => void> = [];
  private isClosed = false;
  private chunkSeed = 1;
  readonly closed: Promise<void>;

  private constructor(
    readonly socket: Socket,
    private readonly maxChunk: number | undefined,
  ) {
    socket.on('data', (d: Buffer) => {
      for (const s of this.decoder.push(d)) this.received.push(s.map((w) => w.toString('utf8')));
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static connect(port: number, opts: RawClientOptions = {}): Promise<RawApiClient> {
    const host = opts.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket = opts.tls
        ? tlsConnect({ host, port, ...opts.tls }, () => resolve(new RawApiClient(socket, opts.maxChunk)))
        : netConnect({ host, port }, () => resolve(new RawApiClient(socket, opts.maxChunk)));
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** Writes one sentence (chunked when maxChunk is set). */
  async send(words: readonly string[]): Promise<void> {
    const buf = encodeSentence(words);
    if (!this.maxChunk) {
      this.socket.write(buf);
      return;
    }
    for (let off = 0; off < buf.length; ) {
      this.chunkSeed = (this.chunkSeed * 1103515245 + 12345) & 0x7fffffff;
      const n = 1 + (this.chunkSeed % this.maxChunk);
      this.socket.write(buf.subarray(off, off + n));
      off += n;
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Writes raw bytes (for malformed input tests). */
  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Resolves once `pred` holds over the received sentences. */
  async waitUntil(pred: (received: string[][]) => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.received)) {
      if (this.isClosed) throw new Error('connection closed while waiting');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received: ${JSON.stringify(this.received.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Sentences of one tag (all untagged ones when tag is undefined). */
  ofTag(tag: string | undefined): string[][] {
    return this.received.filter((s) => (tag === undefined ? !s.some((w) => w.startsWith('.tag=')) : s.includes(`.tag=${tag}`)));
  }

  /** Sends a tagged command and resolves with its replies up to and including `!done`. */
  async command(words: readonly string[], tag: string, timeoutMs = 3000): Promise<string[][]> {
    await this.send([...words, `.tag=${tag}`]);
    await this.waitUntil(() => this.ofTag(tag).some((s) => s[0] === '!done'), timeoutMs);
    return this.ofTag(tag);
  }

  /** Untagged request/response: waits for the next `!done` or `!fatal` after the ones already seen. */
  async call(words: readonly string[], timeoutMs = 3000): Promise<string[][]> {
    const start = this.received.length;
    await this.send(words);
    await this.waitUntil((r) => r.slice(start).some((s) => s[0] === '!done' || s[0] === '!fatal'), timeoutMs);
    const out = this.received.slice(start);
    const end = out.findIndex((s) => s[0] === '!done' || s[0] === '!fatal');
    return out.slice(0, end + 1);
  }

  async login(name: string, password: string): Promise<string[][]> {
    return this.call(['/login', `=name=${name}`, `=password=${password}`]);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** `=name=value` words of a sentence as an object. */
export function attrsOf(sentence: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of sentence) {
    if (!w.startsWith('=')) continue;
    const eq = w.indexOf('=', 1);
    out[w.slice(1, eq)] = w.slice(eq + 1);
  }
  return out;
}
