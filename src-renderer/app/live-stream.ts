import { streamEventName, type ChunkOf, type EndOf, type PayloadOf, type StreamName } from '@shared/contract';
import type { ErrorBody } from '@shared/domain/errors';
import { subscribe } from './api-client';
import { errorText } from './messages';

/** Why a stream stopped early (the payload of `<stream>.error`), with its words. */
export type StreamFailure = PayloadOf<`${StreamName}.error`>['data'] & { message: string };

export interface LiveStreamOptions<S extends StreamName> {
  /** The session the stream runs in. */
  token: string;
  stream: S;
  /** Asks main to start the stream (e.g. routers.stream.start) and resolves with its id. */
  start: () => Promise<{ streamId: string }>;
  /** Asks main to stop it (e.g. routers.stream.stop). */
  stop: (streamId: string) => Promise<unknown>;
  onStarted?: (streamId: string) => void;
  /** `start` was refused. */
  onFailed?: (error: unknown) => void;
  onChunk: (data: ChunkOf<S>) => void;
  onEnd: (data: EndOf<S>) => void;
  onError: (error: StreamFailure) => void;
}

/** Chunks kept while `start` has not answered with the stream id yet. */
const EARLY_LIMIT = 200;

type Pushed = { part: 'chunk' | 'end' | 'error'; streamId: string; data: unknown };

/**
 * Follows one live stream: listens to its chunk/end/error events before starting it (the first chunks
 * can arrive before `start` answers), then passes on only the events of the stream it started, typed
 * per stream. Returns close: stops the stream in main unless it already ended.
 */
export function openLiveStream<S extends StreamName>(opts: LiveStreamOptions<S>): () => void {
  let streamId: string | null = null;
  let closed = false;
  let finished = false;
  const early: Pushed[] = [];

  const deliver = (p: Pushed) => {
    if (finished || closed) return;
    if (p.part === 'chunk') {
      opts.onChunk(p.data as ChunkOf<S>);
      return;
    }
    finished = true;
    unsubscribe();
    if (p.part === 'end') opts.onEnd(p.data as EndOf<S>);
    else {
      const failure = p.data as PayloadOf<`${StreamName}.error`>['data'];
      opts.onError({ ...failure, message: errorText(failure as ErrorBody) });
    }
  };
  const receive = (part: Pushed['part']) => (payload: unknown) => {
    const p = { part, ...(payload as { streamId: string; data: unknown }) };
    if (streamId === null) {
      if (early.length < EARLY_LIMIT) early.push(p);
    } else if (p.streamId === streamId) {
      deliver(p);
    }
  };
  const offs = (['chunk', 'end', 'error'] as const).map((part) =>
    subscribe(streamEventName(opts.stream, part), receive(part), opts.token));
  const unsubscribe = () => {
    for (const off of offs.splice(0)) off();
  };

  opts.start().then(
    (r) => {
      if (closed) {
        void opts.stop(r.streamId).catch(() => undefined);
        return;
      }
      streamId = r.streamId;
      opts.onStarted?.(r.streamId);
      for (const p of early.splice(0)) if (p.streamId === r.streamId) deliver(p);
    },
    (e: unknown) => {
      unsubscribe();
      if (!closed) opts.onFailed?.(e);
    },
  );

  return () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    // An ended stream is already gone in main; stopping it again would only answer "not found".
    if (streamId && !finished) void opts.stop(streamId).catch(() => undefined);
  };
}
