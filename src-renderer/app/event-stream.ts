import { SseParser, type SseMessage } from './sse-parser';

export interface EventStreamOptions {
  url: string;
  token: string;
  onMessage(message: SseMessage): void;
  /** The server refused the token (401): the session is gone, so the stream stops for good. */
  onUnauthorized(): void;
  fetchImpl?: typeof fetch;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Server-Sent Events over fetch + ReadableStream, because EventSource cannot send the Authorization
 * header. Reconnects with exponential backoff until closed; returns the close function.
 */
export function openEventStream(opts: EventStreamOptions): () => void {
  const fetchImpl = opts.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const initialDelayMs = opts.initialDelayMs ?? 1_000;
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  const controller = new AbortController();
  let closed = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      controller.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });

  const readOnce = async (): Promise<'unauthorized' | 'ended'> => {
    const res = await fetchImpl(opts.url, {
      headers: { authorization: `Bearer ${opts.token}`, accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (res.status === 401) return 'unauthorized';
    if (!res.ok || !res.body) throw new Error(`event stream answered HTTP ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      for (const message of parser.push(value)) opts.onMessage(message);
    }
  };

  const run = async () => {
    let delay = initialDelayMs;
    while (!closed) {
      const startedAt = Date.now();
      try {
        if ((await readOnce()) === 'unauthorized') {
          closed = true;
          opts.onUnauthorized();
          return;
        }
      } catch {
        // Network drop or server restart: fall through to the backoff below.
      }
      if (closed) return;
      // A stream that stayed up a while was healthy; start the backoff again from the beginning.
      if (Date.now() - startedAt > maxDelayMs) delay = initialDelayMs;
      await pause(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  };
  void run();

  return () => {
    closed = true;
    controller.abort();
  };
}
