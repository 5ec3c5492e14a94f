/**
 * App-side work on a live router connection (router-enforcement.md §2.3): the high-water mark that gives
 * routers without NTP a lower bound on the time, and the health check of the router-side sweeper.
 */
import { rosClockInstant, rosDurationSeconds } from '@shared/domain/routeros-values';
import type { RosConnection } from '../routeros/client';
import { ENFORCE_SCRIPT, STATE_SCRIPT } from './enforce-script';

/** `ispdesk:state;hwm=<UTC s>;up=<uptime s>`; null when missing or unreadable. */
export function parseStateComment(comment: string | undefined): { hwm: number; up: number } | null {
  const m = /^ispdesk:state;hwm=(\d+);up=(\d+)$/.exec(comment ?? '');
  return m ? { hwm: Number(m[1]), up: Number(m[2]) } : null;
}

export function stateComment(hwm: number, up: number): string {
  return `ispdesk:state;hwm=${hwm};up=${up}`;
}

export async function routerUptimeSec(conn: RosConnection): Promise<number> {
  const [res] = await conn.print('/system/resource', { proplist: ['uptime'] });
  const up = rosDurationSeconds(res?.uptime);
  if (up === null) throw new Error(`unreadable router uptime ${JSON.stringify(res?.uptime)}`);
  return up;
}

export type HwmResult = { written: true; hwm: number; up: number } | { written: false; reason: 'not-installed' | 'router-ahead' };

/**
 * Writes hwm = the PC's time and up = the router's uptime, so the sweeper's lower bound (hwm + uptime since)
 * holds even without NTP. Never lowers hwm: a router that already trusts a later time keeps its pair.
 */
export async function writeHighWaterMark(conn: RosConnection, pcNow: Date): Promise<HwmResult> {
  const [state] = await conn.print('/system/script', { where: { name: STATE_SCRIPT }, proplist: ['.id', 'comment'] });
  if (!state?.['.id']) return { written: false, reason: 'not-installed' };
  const now = Math.floor(pcNow.getTime() / 1000);
  const old = parseStateComment(state.comment);
  const up = await routerUptimeSec(conn);
  // The old pair stands for old.hwm + (uptime − old.up) now (when no reboot happened since).
  if (old && (old.hwm > now || (up >= old.up && old.hwm + (up - old.up) > now))) return { written: false, reason: 'router-ahead' };
  await conn.set('/system/script', state['.id'], { comment: stateComment(now, up) });
  return { written: true, hwm: now, up };
}

export type HealthFinding =
  | { code: 'not-installed' }
  | { code: 'ntp-disabled' }
  | { code: 'ntp-not-synchronized' }
  | { code: 'clock-off'; offsetSec: number }
  | { code: 'tick-missing' }
  | { code: 'tick-not-running'; runCount: number }
  | { code: 'tick-policy'; missing: string[] }
  | { code: 'script-not-running'; tickRuns: number };

export interface HealthReport {
  findings: HealthFinding[];
  tickRunCount: number;
  enforceRunCount: number;
  routerClock: Date | null;
}

const policies = (text: string | undefined): Set<string> => new Set((text ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''));

/**
 * Reads the router once per menu and reports what would stop enforcement: the clock more than 60 s off or
 * NTP off (the router would cut early or late), the ticker missing, disabled or lacking the script's policy
 * (a scheduler runs its script with its own policy: "not enough permissions", Scripting manual), or
 * ticks that never reach the script. `previousTickRunCount` (from an earlier check) proves the count grows.
 */
export async function checkEnforcementHealth(conn: RosConnection, pcNow: Date, previousTickRunCount?: number): Promise<HealthReport> {
  const findings: HealthFinding[] = [];
  const [clock] = await conn.print('/system/clock');
  const routerClock = rosClockInstant(clock?.date, clock?.time, clock?.['gmt-offset']);
  if (routerClock) {
    const off = Math.round((routerClock.getTime() - pcNow.getTime()) / 1000);
    if (Math.abs(off) > 60) findings.push({ code: 'clock-off', offsetSec: off });
  }
  const [ntp] = await conn.print('/system/ntp/client');
  if (ntp?.enabled === 'false') findings.push({ code: 'ntp-disabled' });
  else if (ntp && (ntp.status !== undefined ? ntp.status !== 'synchronized' : (ntp['last-update-from'] ?? '') === '')) findings.push({ code: 'ntp-not-synchronized' });
  const scripts = await conn.print('/system/script', { proplist: ['name', 'policy', 'run-count'] });
  const enforce = scripts.find((s) => s.name === ENFORCE_SCRIPT);
  const schedulers = await conn.print('/system/scheduler', { proplist: ['name', 'policy', 'run-count', 'disabled'] });
  const tick = schedulers.find((s) => s.name === 'ispdesk-tick');
  const tickRunCount = Number(tick?.['run-count'] ?? 0);
  const enforceRunCount = Number(enforce?.['run-count'] ?? 0);
  if (!enforce) findings.push({ code: 'not-installed' });
  if (!tick) findings.push({ code: 'tick-missing' });
  if (tick && enforce) {
    const have = policies(tick.policy);
    const missing = [...policies(enforce.policy)].filter((p) => !have.has(p));
    if (missing.length > 0) findings.push({ code: 'tick-policy', missing });
    if (tick.disabled === 'true' || (previousTickRunCount !== undefined && tickRunCount <= previousTickRunCount && tickRunCount !== 0)) {
      findings.push({ code: 'tick-not-running', runCount: tickRunCount });
    }
    // Every tick runs the script (and ispdesk-boot once per boot), so a healthy script counts at least as
    // many runs as the ticker; fewer means ticks fail before the script starts (policy, invalid source).
    if (tickRunCount >= 2 && enforceRunCount < tickRunCount) findings.push({ code: 'script-not-running', tickRuns: tickRunCount });
  }
  return { findings, tickRunCount, enforceRunCount, routerClock };
}
