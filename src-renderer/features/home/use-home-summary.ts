import { useEffect } from 'react';
import type { OutputOf } from '@shared/contract';
import { useEvent } from '../../app/use-event';
import { useRpc, type RpcState } from '../../app/use-rpc';

/** Live users are a snapshot read from the routers: re-read this often (status and alerts are pushed). */
const LIVE_REFRESH_MS = 30_000;

/** The Home figures, re-read when a router changes state or an alert arrives (push), and every 30 s. */
export function useHomeSummary(enabled: boolean): RpcState<OutputOf<'routers.home'>> {
  const summary = useRpc('routers.home', {}, { enabled });
  const { reload } = summary;
  useEvent('routers.status-changed', () => enabled && reload());
  useEvent('alerts.created', () => enabled && reload());
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(reload, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, reload]);
  return summary;
}
