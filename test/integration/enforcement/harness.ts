/**
 * A simulated router with the enforcement prerequisites installed DIRECTLY (planChanges applied through the
 * simulator's record API; no outbox worker), plus helpers to add tagged subscribers. Once set up, no app
 * code runs unless a test calls it: the router enforces on its own.
 */
import { encodeEnforcementTag } from '../../../src-shared/domain/enforcement-tag';
import { connectRouterOs, type RosConnection } from '../../../src-main/core/routeros/client';
import { planChanges, type RouterRows } from '../../../src-main/core/enforcement/plan';
import { DEFAULT_ENFORCEMENT_SETTINGS, prerequisiteObjects, type EnforcementSettings } from '../../../src-main/core/enforcement/prerequisites';
import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';
import type { DesiredObject } from '../../../src-main/core/router-sync/desired-object';

export const VERSIONS = ['6.49.17', '7.9', '7.10', '7.18'] as const;
export const ADMIN = { name: 'admin', password: 'enf-pass', group: 'full' };
export const T0 = new Date('2026-11-27T07:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const ROUTER_ID = 'router-1';

export interface EnforcedRouter {
  sim: RouterSimulator;
  /** True (PC) time in UTC seconds. */
  nowSec(): number;
  /** Plans against what the router holds now and applies it; returns the plan. */
  install(settings?: Partial<EnforcementSettings>): ReturnType<typeof planChanges>;
  addPpp(name: string, expSec: number, opts?: { connect?: boolean; plan?: string; comment?: string }): void;
  addStatic(address: string, sid: string, expSec: number): void;
  secret(name: string): Record<string, string>;
  active(name: string): boolean;
  logs(topics?: string): string[];
  connect(): Promise<RosConnection>;
  stop(): Promise<void>;
}

export function routerRows(sim: RouterSimulator, desired: readonly DesiredObject[]): RouterRows {
  const rows: RouterRows = {};
  for (const d of desired) rows[d.menu] = sim.state.menu(d.menu).all();
  return rows;
}

export async function enforcedRouter(version: string, opts: Partial<SimulatorOptions> = {}): Promise<EnforcedRouter> {
  const sim = await startRouterSimulator({ users: [ADMIN], clock: 'virtual', startTime: T0, version, randomSeed: 11, ...opts });
  sim.state.menu('/ppp/profile').add({ name: 'HOME-10M', 'rate-limit': '10M/10M' });
  const conns: RosConnection[] = [];
  const r: EnforcedRouter = {
    sim,
    nowSec: () => Math.floor(sim.clock.now().getTime() / 1000),
    install: (settings = {}) => {
      const desired = prerequisiteObjects(ROUTER_ID, version.startsWith('6') ? 6 : 7, { ...DEFAULT_ENFORCEMENT_SETTINGS, ...settings });
      const plan = planChanges(desired, routerRows(sim, desired));
      for (const c of plan) {
        if (c.action === 'add') sim.state.menu(c.menu).add(c.props);
        else if (c.action === 'set') sim.state.menu(c.menu).update(c.id!, c.props);
        else sim.state.menu(c.menu).remove(c.id!);
      }
      return plan;
    },
    addPpp: (name, expSec, o = {}) => {
      sim.state.menu('/ppp/secret').add({
        name,
        password: 'pw',
        profile: o.plan ?? 'HOME-10M',
        comment: o.comment ?? encodeEnforcementTag({ subscriberId: `sid-${name}`, expiresAtSec: expSec, plan: o.plan ?? 'HOME-10M', cutAtSec: null }),
      });
      if (o.connect !== false) {
        const res = sim.connectPpp(name, 'pw');
        if (!res.ok) throw new Error(res.reason);
      }
    },
    addStatic: (address, sid, expSec) => {
      sim.state.menu('/ip/firewall/address-list').add({ list: 'ispdesk-static', address, comment: encodeEnforcementTag({ subscriberId: sid, expiresAtSec: expSec, plan: 'ispdesk-static', cutAtSec: null }) });
    },
    secret: (name) => {
      const s = sim.state.menu('/ppp/secret').find({ name });
      if (!s) throw new Error(`no secret ${name}`);
      return s;
    },
    active: (name) => sim.state.menu('/ppp/active').find({ name }) !== undefined,
    logs: (topics) => sim.state.menu('/log').all().filter((l) => topics === undefined || l.topics === topics).map((l) => l.message ?? ''),
    connect: async () => {
      const c = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
      conns.push(c);
      return c;
    },
    stop: async () => {
      for (const c of conns) await c.close().catch(() => undefined);
      await sim.stop();
    },
  };
  return r;
}

/** `cut=` stamp of a comment, or null. */
export function cutOf(comment: string | undefined): number | null {
  const m = /;cut=(\d+)$/.exec(comment ?? '');
  return m ? Number(m[1]) : null;
}
