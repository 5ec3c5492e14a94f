import { describe, expect, it, vi } from 'vitest';
import { openEventStream } from '../../../src-renderer/app/event-stream';

function sseResponse(text: string): Response {
  return new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  }), { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('openEventStream', () => {
  it('sends the bearer token, delivers events and reconnects when the stream ends', async () => {
    const seen: string[] = [];
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok-1');
      return sseResponse(`event: tick\ndata: ${fetchImpl.mock.calls.length}\n\n`);
    });
    const close = openEventStream({
      url: '/events', token: 'tok-1', fetchImpl, initialDelayMs: 1, maxDelayMs: 4,
      onMessage: (m) => seen.push(`${m.event}:${m.data}`), onUnauthorized: () => undefined,
    });
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(3));
    close();
    expect(seen.slice(0, 3)).toEqual(['tick:1', 'tick:2', 'tick:3']);
  });

  it('stops for good on 401 and reports it', async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 401 }));
    openEventStream({ url: '/events', token: 'gone', fetchImpl, initialDelayMs: 1, onMessage: () => undefined, onUnauthorized });
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('keeps retrying with backoff while the server is down, until closed', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const close = openEventStream({ url: '/events', token: 't', fetchImpl, initialDelayMs: 1, maxDelayMs: 2, onMessage: () => undefined, onUnauthorized: () => undefined });
    await vi.waitFor(() => expect(fetchImpl.mock.calls.length).toBeGreaterThanOrEqual(3));
    close();
    const calls = fetchImpl.mock.calls.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchImpl.mock.calls.length).toBe(calls);
  });
});
