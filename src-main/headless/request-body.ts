import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { ErrorBody } from '@shared/domain/errors';
import { sendJson } from './json-reply';

/** Counters the tests (and a curious operator) can read; bytes are what we actually took off sockets. */
export interface BodyStats {
  bytesRead: number;
  reading: number;
  waiting: number;
}

/**
 * At most `maxActive` request bodies are read at a time; up to `maxWaiting` more wait for a slot and the
 * rest are refused (503) at once, so a flood of slow bodies cannot pile up memory or sockets.
 */
export class BodyGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly maxActive: number, private readonly maxWaiting: number, readonly stats: BodyStats) {}

  /** A release function once a slot is free, or null when too many are already waiting. */
  tryAcquire(): Promise<() => void> | null {
    if (this.active >= this.maxActive && this.queue.length >= this.maxWaiting) return null;
    return (async () => {
      if (this.active >= this.maxActive) {
        this.stats.waiting += 1;
        await new Promise<void>((resolve) => this.queue.push(resolve));
        this.stats.waiting -= 1;
      }
      this.active += 1;
      this.stats.reading += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.stats.reading -= 1;
        this.queue.shift()?.();
      };
    })();
  }
}

export function newBodyStats(): BodyStats {
  return { bytesRead: 0, reading: 0, waiting: 0 };
}

/** The Content-Length the client declared, or null (chunked or absent). */
export function declaredLength(req: IncomingMessage): number | null {
  const h = req.headers['content-length'];
  if (h === undefined) return null;
  const n = Number(h);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export type ReadResult = { tooLarge: true } | { tooLarge: false; body: Buffer };

/**
 * Reads a body up to `cap` bytes. Past the cap it stops reading at once (no more bytes are taken off the
 * socket) and reports tooLarge; the caller answers 413 and the connection is dropped. With a `sink` the
 * bytes are written there (with backpressure) and `body` is empty.
 */
export function readCapped(req: IncomingMessage, cap: number, stats: BodyStats, sink?: Writable): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: ReadResult | Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      sink?.off('drain', onDrain);
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      stats.bytesRead += c.length;
      if (size > cap) {
        req.pause();
        finish({ tooLarge: true });
        return;
      }
      if (sink) {
        if (!sink.write(c)) req.pause();
      } else {
        chunks.push(c);
      }
    };
    const onDrain = () => req.resume();
    const onEnd = () => finish({ tooLarge: false, body: sink ? Buffer.alloc(0) : Buffer.concat(chunks, size) });
    const onError = (e: Error) => finish(e);
    const onAborted = () => finish(new Error('request aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    sink?.on('drain', onDrain);
  });
}

/** Grace for the client to read a refusal before a connection with an unread body is cut. */
const DROP_AFTER_MS = 1_000;

/**
 * Answers a request whose body we will not read (too large, too busy, not allowed) and drops the
 * connection, so the rest of the body is never taken in. The short grace lets the client read the answer.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, error: ErrorBody): void {
  answerAndDrop(req, res, status, { ok: false, error }, status === 503 ? { 'retry-after': '1' } : {}, DROP_AFTER_MS);
}

/**
 * Answers without reading the body, then drops the connection (after `graceMs`, so the client can read the
 * answer first): the rest of an oversized or unwanted body is never taken in. The one way every route refuses.
 */
export function answerAndDrop(
  req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, graceMs = 0,
): void {
  req.pause();
  sendJson(res, status, body, { ...headers, connection: 'close' });
  res.once('finish', () => {
    const socket = req.socket;
    if (graceMs === 0) {
      socket.destroy();
      return;
    }
    const timer = setTimeout(() => socket.destroy(), graceMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}

export const tooLargeBody = (message: string): ErrorBody => ({ code: 'VALIDATION', message, reason: 'BODY_TOO_LARGE' });
export const busyBody = (message: string): ErrorBody => ({ code: 'UNAVAILABLE', message });
