import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IspDeskBridge } from '@shared/contract/bridge';
import { openLiveStream, type LiveStreamOptions } from '../../../src-renderer/app/live-stream';

/** A bridge standing in for main: the test pushes events to a session's listeners. */
function fakeBridge() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const bridge: IspDeskBridge = {
    invoke: () => Promise.reject(new Error('not used')),
    pickFile: () => Promise.reject(new Error('not used')),
    saveFile: () => Promise.reject(new Error('not used')),
    on(event, token, handler) {
      const key = `${token} ${event}`;
      const set = listeners.get(key) ?? new Set();
      set.add(handler);
      listeners.set(key, set);
      return () => set.delete(handler);
    },
  };
  const push = (token: string, event: string, payload: unknown) => {
    for (const h of listeners.get(`${token} ${event}`) ?? []) h(payload);
  };
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { bridge, push, count };
}

let fake: ReturnType<typeof fakeBridge>;
beforeEach(() => {
  fake = fakeBridge();
  vi.stubGlobal('window', { ispDesk: fake.bridge });
});
afterEach(() => vi.unstubAllGlobals());

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

const chunk = (streamId: string, name: string, rx: number) => ({ streamId, data: { at: '2030-01-01T00:00:00.000Z', interfaces: [{ name, rxBitsPerSecond: rx, txBitsPerSecond: 0 }] } });

function follow(overrides: Partial<LiveStreamOptions<'routers.live-traffic'>> = {}) {
  const seen: string[] = [];
  const stop = vi.fn(() => Promise.resolve());
  const started = deferred<{ streamId: string }>();
  const close = openLiveStream({
    token: 'tok-a', stream: 'routers.live-traffic', start: () => started.promise, stop,
    onStarted: (id) => seen.push(`started ${id}`),
    onChunk: (c) => seen.push(`chunk ${c.interfaces.map((i) => `${i.name}=${i.rxBitsPerSecond}`).join(',')}`),
    onEnd: () => seen.push('end'),
    onError: (e) => seen.push(`error ${e.code} ${e.message}`),
    ...overrides,
  });
  return { seen, stop, started, close };
}

describe('openLiveStream', () => {
  it('keeps chunks that arrive before start answers, then passes on only its own stream, typed, until the end', async () => {
    const s = follow();
    fake.push('tok-a', 'routers.live-traffic.chunk', chunk('s1', 'ether1', 10));
    fake.push('tok-a', 'routers.live-traffic.chunk', chunk('other', 'ether9', 99));
    s.started.resolve({ streamId: 's1' });
    await vi.waitFor(() => expect(s.seen).toContain('started s1'));
    fake.push('tok-a', 'routers.live-traffic.chunk', chunk('s1', 'ether1', 20));
    fake.push('tok-b', 'routers.live-traffic.chunk', chunk('s1', 'ether1', 666)); // another session's event
    fake.push('tok-a', 'routers.live-traffic.end', { streamId: 's1', data: {} });
    fake.push('tok-a', 'routers.live-traffic.chunk', chunk('s1', 'ether1', 30));
    expect(s.seen).toEqual(['started s1', 'chunk ether1=10', 'chunk ether1=20', 'end']);
    // Ended: nothing left listening, and closing does not stop what main already ended.
    expect(fake.count()).toBe(0);
    s.close();
    expect(s.stop).not.toHaveBeenCalled();
  });

  it('reports a stream error with its code', async () => {
    const s = follow();
    s.started.resolve({ streamId: 's2' });
    await vi.waitFor(() => expect(s.seen).toContain('started s2'));
    fake.push('tok-a', 'routers.live-traffic.error', { streamId: 's2', data: { code: 'FORBIDDEN', key: 'auth.role-revoked', params: {} } });
    expect(s.seen.at(-1)).toBe('error FORBIDDEN Your role no longer allows this live view.');
    expect(fake.count()).toBe(0);
  });

  it('stops the stream in main when closed while live, or as soon as a late start answers', async () => {
    const live = follow();
    live.started.resolve({ streamId: 's3' });
    await vi.waitFor(() => expect(live.seen).toContain('started s3'));
    live.close();
    expect(live.stop).toHaveBeenCalledWith('s3');
    expect(fake.count()).toBe(0);

    const late = follow();
    late.close();
    late.started.resolve({ streamId: 's4' });
    await vi.waitFor(() => expect(late.stop).toHaveBeenCalledWith('s4'));
    expect(late.seen).toEqual([]);
  });

  it('reports a refused start and stops listening', async () => {
    const failed = vi.fn();
    const s = follow({ start: () => Promise.reject(new Error('nope')), onFailed: failed });
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
    expect(fake.count()).toBe(0);
    expect(s.stop).not.toHaveBeenCalled();
  });
});
