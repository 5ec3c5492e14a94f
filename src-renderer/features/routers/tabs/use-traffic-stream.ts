import { useEffect, useRef, useState } from 'react';
import type { ChunkOf } from '@shared/contract';
import type { ApiError } from '../../../app/api-client';
import { openLiveStream } from '../../../app/live-stream';
import { useCall } from '../../../app/scope-context';
import { useTimeFormat } from '../../../app/time-format';
import { useScopeToken } from '../../../app/use-event';
import { toApiError } from '../../../app/use-rpc';

/** Points kept in the chart: about a minute at RouterOS's one sample per second. */
export const MAX_POINTS = 60;

export interface TrafficPoint {
  /** Second of the sample (epoch seconds), the x-axis key. */
  at: number;
  time: string;
  /** `rx0`, `tx0`, `rx1` … in the order of the selected interfaces (bit/s). */
  [series: string]: number | string;
}

export interface TrafficRate {
  rx: number;
  tx: number;
}

export type StreamStatus = { state: 'idle' | 'starting' | 'live' } | { state: 'ended'; error: string | null } | { state: 'failed'; error: ApiError };

type Chunk = ChunkOf<'routers.live-traffic'>;

/**
 * Live rx/tx of up to a few interfaces: follows a `routers.live-traffic` stream (started with
 * `routers.stream.start {kind:'traffic'}`), folds its chunks into chart points, and stops the stream when
 * the selection changes or the view unmounts.
 */
export function useTrafficStream(routerId: string, interfaces: string[]) {
  const callIn = useCall();
  const token = useScopeToken();
  const [points, setPoints] = useState<TrafficPoint[]>([]);
  const [rates, setRates] = useState<Record<string, TrafficRate>>({});
  const [status, setStatus] = useState<StreamStatus>({ state: 'idle' });
  // Chart labels in the ISP's zone and format; a ref so a format change does not restart the stream.
  const tf = useRef(useTimeFormat());
  const [attempt, setAttempt] = useState(0);
  const key = interfaces.join('\n');

  useEffect(() => {
    const names = key ? key.split('\n') : [];
    setPoints([]);
    setRates({});
    if (names.length === 0 || !token) {
      setStatus({ state: 'idle' });
      return;
    }
    const apply = (c: Chunk) => {
      const sec = Math.floor(new Date(c.at).getTime() / 1000);
      const updates: Record<string, TrafficRate> = {};
      for (const sample of c.interfaces) {
        if (names.includes(sample.name)) updates[sample.name] = { rx: sample.rxBitsPerSecond, tx: sample.txBitsPerSecond };
      }
      const changed = Object.keys(updates);
      if (changed.length === 0) return;
      setRates((r) => ({ ...r, ...updates }));
      setPoints((prev) => {
        const last = prev.at(-1);
        const point: TrafficPoint = last && last.at === sec ? { ...last } : { at: sec, time: tf.current.time(sec * 1000) };
        for (const name of changed) {
          const i = names.indexOf(name);
          point[`rx${i}`] = updates[name]!.rx;
          point[`tx${i}`] = updates[name]!.tx;
        }
        const next = last && last.at === sec ? [...prev.slice(0, -1), point] : [...prev, point];
        return next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next;
      });
    };
    setStatus({ state: 'starting' });
    return openLiveStream({
      token,
      stream: 'routers.live-traffic',
      start: () => callIn('routers.stream.start', { kind: 'traffic', routerId, interfaces: names }),
      stop: (streamId) => callIn('routers.stream.stop', { streamId }),
      onStarted: () => setStatus({ state: 'live' }),
      onFailed: (e) => setStatus({ state: 'failed', error: toApiError(e) }),
      onChunk: apply,
      onEnd: () => setStatus({ state: 'ended', error: null }),
      onError: (e) => setStatus({ state: 'ended', error: e.message }),
    });
  }, [callIn, token, routerId, key, attempt]);

  return { points, rates, status, restart: () => setAttempt((a) => a + 1) };
}
