import type { OutputOf } from '@shared/contract';
import { paths } from '../../app/paths';

type Summary = OutputOf<'routers.home'>;
type HomeRouter = Summary['routers'][number];

export interface StartStep {
  id: 'router' | 'test' | 'backup' | 'staff';
  done: boolean;
  /** Where the step is done (a route path). */
  to: string;
}

/**
 * The "Getting started" steps of a new ISP, each ticked from real state: a router exists, one was
 * checked (the monitor or a connection test gave it a status), one has a configuration backup, and
 * someone besides the owner is on the staff.
 */
export function gettingStartedSteps(scope: string, summary: Summary, staffCount: number | undefined): StartStep[] {
  const routers = summary.routers;
  const first = routers[0];
  return [
    { id: 'router', done: routers.length > 0, to: paths.area(scope, 'routers') },
    { id: 'test', done: routers.some((r) => r.lastCheckedAt !== null && r.status !== 'unknown'), to: paths.area(scope, 'routers') },
    { id: 'backup', done: routers.some((r) => r.lastBackupAt !== null), to: first ? paths.router(scope, first.id, 'backups') : paths.area(scope, 'routers') },
    { id: 'staff', done: (staffCount ?? 0) > 1, to: paths.area(scope, 'staff') },
  ];
}

export interface RouterCounts {
  up: number;
  total: number;
  down: number;
  /** The router down the longest, and for how long (ms); undefined when none is down or none says since when. */
  longest: { name: string; ms: number } | undefined;
}

/** Routers up (online or degraded: they answer) and down, with the longest running outage. */
export function routerCounts(routers: readonly HomeRouter[], now: number): RouterCounts {
  const up = routers.filter((r) => r.status === 'online' || r.status === 'degraded').length;
  const down = routers.filter((r) => r.status === 'offline');
  const longest = down.filter((r) => r.statusSince).sort((a, b) => (a.statusSince! < b.statusSince! ? -1 : 1))[0];
  return {
    up,
    total: routers.length,
    down: down.length,
    longest: longest ? { name: longest.name, ms: Math.max(0, now - Date.parse(longest.statusSince!)) } : undefined,
  };
}
