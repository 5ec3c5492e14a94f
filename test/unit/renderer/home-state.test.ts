import { describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contract';
import { gettingStartedSteps, routerCounts } from '../../../src-renderer/features/home/home-state';

type Summary = OutputOf<'routers.home'>;
type HomeRouter = Summary['routers'][number];

const T = '0190a0b0-0000-7000-8000-000000000001';
const NOW = Date.parse('2026-12-02T12:00:00.000Z');
let n = 0;
const router = (over: Partial<HomeRouter> = {}): HomeRouter => ({
  id: `0190a0b0-0000-7000-8000-0000000001${String(++n).padStart(2, '0')}`, name: `R${n}`, isCore: false, status: 'unknown',
  statusSince: null, lastCheckedAt: null, lastBackupAt: null, ...over,
});
const summary = (routers: HomeRouter[]): Summary => ({ routers, pppOnline: null, hotspotOnline: null, alertsLast24h: 0, at: new Date(NOW).toISOString() });
const done = (s: Summary, staff: number | undefined) => gettingStartedSteps(T, s, staff).filter((x) => x.done).map((x) => x.id);

describe('getting started on Home', () => {
  it('ticks nothing for a new ISP and sends each step to its screen', () => {
    const steps = gettingStartedSteps(T, summary([]), 1);
    expect(steps.map((s) => [s.id, s.done, s.to])).toEqual([
      ['router', false, `/t/${T}/routers`],
      ['test', false, `/t/${T}/routers`],
      ['backup', false, `/t/${T}/routers`],
      ['staff', false, `/t/${T}/staff`],
    ]);
  });

  it('ticks each step from real state: a router, a checked router, a backup, a second staff member', () => {
    const added = router();
    expect(done(summary([added]), 1)).toEqual(['router']);
    // Checked but with no answer yet ('unknown') is not a test that ran.
    expect(done(summary([{ ...added, lastCheckedAt: '2026-12-02T11:59:00.000Z' }]), 1)).toEqual(['router']);
    const checked = { ...added, status: 'online' as const, lastCheckedAt: '2026-12-02T11:59:00.000Z' };
    expect(done(summary([checked]), 1)).toEqual(['router', 'test']);
    const backedUp = { ...checked, lastBackupAt: '2026-12-02T11:59:30.000Z' };
    expect(done(summary([backedUp]), 1)).toEqual(['router', 'test', 'backup']);
    expect(gettingStartedSteps(T, summary([backedUp]), 1).find((s) => s.id === 'backup')!.to).toBe(`/t/${T}/routers/${backedUp.id}/backups`);
    // The owner alone is not a staff; a second person is. Unknown (no staff.read) stays unticked.
    expect(done(summary([backedUp]), 2)).toEqual(['router', 'test', 'backup', 'staff']);
    expect(done(summary([backedUp]), undefined)).toEqual(['router', 'test', 'backup']);
  });
});

describe('routers up and down on Home', () => {
  it('counts online and degraded as up, and names the router down the longest', () => {
    const counts = routerCounts([
      router({ status: 'online' }),
      router({ status: 'degraded' }),
      router({ name: 'Branch', status: 'offline', statusSince: '2026-12-02T11:00:00.000Z' }),
      router({ name: 'Tower', status: 'offline', statusSince: '2026-12-02T09:30:00.000Z' }),
      router({ status: 'unknown' }),
    ], NOW);
    expect(counts).toEqual({ up: 2, total: 5, down: 2, longest: { name: 'Tower', ms: 2.5 * 3_600_000 } });
  });

  it('has no longest outage when every router answers', () => {
    expect(routerCounts([router({ status: 'online' })], NOW)).toEqual({ up: 1, total: 1, down: 0, longest: undefined });
    expect(routerCounts([], NOW)).toEqual({ up: 0, total: 0, down: 0, longest: undefined });
  });
});
