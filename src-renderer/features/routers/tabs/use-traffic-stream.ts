import { useEffect, useRef, useState } from 'react';
import type { PayloadOf } from '@shared/contract';
import { diagnosisLine } from '../../../app/messages';
import type { ApiError } from '../../../app/api-client';
import { useCall } from '../../../app/scope-context';
import { useEvent } from '../../../app/use-event';
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

type StreamData = PayloadOf<'routers.stream-data'>;

interface Run {
  streamId: string | null;
  names: string[];
  /** Rows that arrived before stream.start answered with the id. */
  early: StreamData[];
  ended: boolean;
}

/**
 * Live rx/tx of up to a few interfaces: starts `routers.stream.start {kind:'traffic'}`, folds the
 * `routers.stream-data` events into chart points, and stops the stream when the selection changes or
 * the view unmounts.
 */
export function useTrafficStream(routerId: string, interfaces: string[]) {
  const callIn = useCall();
  const [points, setPoints] = useState<TrafficPoint[]>([]);
  const [rates, setRates] = useState<Record<string, TrafficRate>>({});
  const [status, setStatus] = useState<StreamStatus>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef<Run | null>(null);
  const key = interfaces.join('\n');

  const apply = (p: StreamData) => {
    const run = current.current;
    if (!run) return;
    if (p.ended) {
      run.ended = true;
      current.current = null;
      setStatus({ state: 'ended', error: p.error ? diagnosisLine(p.error) : null });
      return;
    }
    const sec = Math.floor(new Date(p.at).getTime() / 1000);
    const updates: Record<string, TrafficRate> = {};
    for (const row of p.rows) {
      const name = row.name ?? '';
      const i = run.names.indexOf(name);
      if (i < 0) continue;
      updates[name] = { rx: Number(row['rx-bits-per-second'] ?? 0) || 0, tx: Number(row['tx-bits-per-second'] ?? 0) || 0 };
    }
    const names = Object.keys(updates);
    if (names.length === 0) return;
    setRates((r) => ({ ...r, ...updates }));
    setPoints((prev) => {
      const last = prev.at(-1);
      const point: TrafficPoint = last && last.at === sec ? { ...last } : { at: sec, time: new Date(sec * 1000).toLocaleTimeString() };
      for (const name of names) {
        const i = run.names.indexOf(name);
        point[`rx${i}`] = updates[name]!.rx;
        point[`tx${i}`] = updates[name]!.tx;
      }
      const next = last && last.at === sec ? [...prev.slice(0, -1), point] : [...prev, point];
      return next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next;
    });
  };

  useEvent('routers.stream-data', (p) => {
    const run = current.current;
    if (!run || p.kind !== 'traffic') return;
    if (run.streamId === null) {
      // Rows can arrive before stream.start answers with the id: keep them until it does.
      if (run.early.length < 50) run.early.push(p);
      return;
    }
    if (p.streamId === run.streamId) apply(p);
  });

  useEffect(() => {
    const names = key ? key.split('\n') : [];
    setPoints([]);
    setRates({});
    if (names.length === 0) {
      setStatus({ state: 'idle' });
      return;
    }
    const run: Run = { streamId: null, names, early: [], ended: false };
    current.current = run;
    let stopped = false;
    setStatus({ state: 'starting' });
    callIn('routers.stream.start', { kind: 'traffic', routerId, interfaces: names }).then(
      ({ streamId }) => {
        if (stopped) {
          void callIn('routers.stream.stop', { streamId }).catch(() => undefined);
          return;
        }
        run.streamId = streamId;
        setStatus({ state: 'live' });
        for (const p of run.early.splice(0)) if (p.streamId === streamId) apply(p);
      },
      (e: unknown) => {
        if (stopped) return;
        current.current = null;
        setStatus({ state: 'failed', error: toApiError(e) });
      },
    );
    return () => {
      stopped = true;
      if (current.current === run) current.current = null;
      // An ended stream is already gone on the server; stopping it again would only answer "not found".
      if (run.streamId && !run.ended) void callIn('routers.stream.stop', { streamId: run.streamId }).catch(() => undefined);
    };
  }, [callIn, routerId, key, attempt]);

  return { points, rates, status, restart: () => setAttempt((a) => a + 1) };
}
