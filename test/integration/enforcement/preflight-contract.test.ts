/**
 * The enforcement channels through core: settings (field errors, nothing written on failure), pre-flight
 * (one read of the router → exactly what installing adds or changes), install / remove (desired state in
 * the router outbox, owner 'prerequisite'; the request never waits for the router).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src-main/core/context';
import { enforcementOf } from '../../../src-main/core/enforcement/runtime';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { routerWorld, type RouterWorld } from '../routers/harness';

let w: RouterWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function prerequisiteRows(world: RouterWorld): Promise<{ objects: Array<{ ownerType: string; desired: string | null }>; outbox: number }> {
  return world.t.booted.core.tenants.use(world.inst.tenantId, async (h) => ({
    objects: await h.db.selectFrom('routerObjects').select(['ownerType', 'desired']).where('routerId', '=', world.routerId).execute(),
    outbox: (await h.db.selectFrom('routerOutbox').select('id').where('routerId', '=', world.routerId).execute()).length,
  }));
}

describe('enforcement channels', () => {
  it('settings: defaults, update, a bad notice address is a field error and changes nothing', async () => {
    w = await routerWorld();
    const token = w.inst.adminToken;
    expect(await w.t.call('enforcement.settings.get', {}, token)).toEqual({ expiryAction: 'disable', noticeUrl: null, strictOutageHours: null });
    const bad = await w.t.raw('enforcement.settings.update', { expiryAction: 'expired-profile', noticeUrl: 'http://pay.example.com/' }, token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(bad)).toContain('noticeUrl');
    expect((await w.t.call('enforcement.settings.get', {}, token)).expiryAction).toBe('disable');
    const saved = await w.t.call('enforcement.settings.update', { expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay', strictOutageHours: 6 }, token);
    expect(saved).toEqual({ expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay', strictOutageHours: 6 });
    expect(await w.t.call('enforcement.settings.update', { strictOutageHours: null }, token)).toEqual({ ...saved, strictOutageHours: null });
  });

  it('install refuses until the router version is known; then pre-flight lists exactly the objects, install enqueues them, remove enqueues removals', async () => {
    w = await routerWorld({ sim: { version: '7.18.2' } });
    const token = w.inst.adminToken;
    await w.t.call('enforcement.settings.update', { noticeUrl: 'http://10.0.0.5:8080/pay' }, token);
    const early = await w.t.raw('enforcement.install', { routerId: w.routerId }, token);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'enforcement.version-unknown' } });

    const pre = await w.t.call('enforcement.preflight', { routerId: w.routerId }, token);
    expect(pre.routerVersion).toBe('7.18.2');
    expect(pre.changes.map((c) => `${c.action} ${c.menu} ${c.tag}`)).toEqual([
      'add /system/script name=ispdesk-enforce',
      'add /system/script name=ispdesk-state',
      'add /system/scheduler name=ispdesk-tick',
      'add /system/scheduler name=ispdesk-boot',
      'add /ppp/profile name=ispdesk-expired',
      'add /ip/firewall/filter ispdesk:fw:dns;',
      'add /ip/firewall/filter ispdesk:fw:notice;',
      'add /ip/firewall/nat ispdesk:fw:redirect;',
      'add /ip/firewall/filter ispdesk:fw:drop;',
    ]);
    // Something already on the router that differs shows up as a set of just that property.
    w.sim.state.menu('/ppp/profile').add({ name: 'ispdesk-expired', 'address-list': 'ispdesk-expired', 'rate-limit': '1M/1M', comment: 'ispdesk:profile;v=1' });
    const again = await w.t.call('enforcement.preflight', { routerId: w.routerId }, token);
    expect(again.changes.find((c) => c.menu === '/ppp/profile')).toMatchObject({ action: 'set', props: { 'rate-limit': '64k/64k' } });
    expect(w.sim.state.menu('/system/script').count).toBe(0); // pre-flight wrote nothing

    await routersOf(w.t.booted.core).monitor.checkRouter(w.inst.tenantId, w.routerId);
    expect(await w.t.call('enforcement.install', { routerId: w.routerId }, token)).toEqual({ enqueued: 9 });
    const installed = await prerequisiteRows(w);
    expect(installed.objects).toHaveLength(9);
    expect(installed.objects.every((o) => o.ownerType === 'prerequisite' && o.desired !== null)).toBe(true);
    expect(installed.outbox).toBe(9);

    expect(await w.t.call('enforcement.remove', { routerId: w.routerId }, token)).toEqual({ enqueued: 9 });
    const removed = await prerequisiteRows(w);
    expect(removed.objects.every((o) => o.desired === null)).toBe(true);
    expect(removed.outbox).toBe(18);
  });
});

describe('enforcement.check and the router-check job', () => {
  it('writes the high-water mark, reports a healthy sweeper, then a clock that is off and a ticker that stopped', async () => {
    // Router clock = the core's fake clock (2026-11-27T08:00:00Z); the router only moves when the test says.
    w = await routerWorld({ sim: { version: '7.10', clock: 'virtual', startTime: new Date('2026-11-27T08:00:00Z') } });
    const token = w.inst.adminToken;
    const pre = await w.t.call('enforcement.preflight', { routerId: w.routerId }, token);
    for (const c of pre.changes) w.sim.state.menu(c.menu).add(c.props); // what the outbox worker would add
    w.sim.clock.advance(2 * 60_000);
    w.t.clock.set(w.sim.clock.now());
    const first = await w.t.call('enforcement.check', { routerId: w.routerId }, token);
    expect(first).toMatchObject({ hwmWritten: true, findings: [], tickRunCount: 2 });
    const state = w.sim.state.menu('/system/script').find({ name: 'ispdesk-state' })?.comment;
    expect(state).toBe(`ispdesk:state;hwm=${Math.floor(w.sim.clock.now().getTime() / 1000)};up=120`);

    // The ticker is disabled on the router and its clock is set 2 h back: both are reported.
    const tick = w.sim.state.menu('/system/scheduler').find({ name: 'ispdesk-tick' })!;
    w.sim.state.menu('/system/scheduler').update(tick['.id']!, { disabled: true });
    w.sim.routerClock.jump(-2 * 3600_000);
    w.sim.clock.advance(5 * 60_000);
    w.t.clock.set(w.sim.clock.now());
    const second = await w.t.call('enforcement.check', { routerId: w.routerId }, token);
    expect(second.findings).toContainEqual({ code: 'clock-off', offsetSec: -7200 });
    expect(second.findings).toContainEqual({ code: 'tick-not-running', runCount: 2 });

    // The scheduled job checks every router with enforcement in desired state.
    await routersOf(w.t.booted.core).monitor.checkRouter(w.inst.tenantId, w.routerId);
    await w.t.call('enforcement.install', { routerId: w.routerId }, token);
    const job = enforcementOf(w.t.booted.core).scheduledJobs!.find((j) => j.key === 'enforcement.router-check')!;
    const lines: string[] = [];
    await withTenantScope(w.t.booted.core, w.inst.tenantId, systemActor('system:enforcement'), (scope) =>
      job.run(scope, { slot: w!.t.clock.now(), log: (l) => lines.push(l), signal: new AbortController().signal }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('clock-off');
  });
});

describe('the app\'s firewall rules stay first in their chains', () => {
  const chainOrder = (world: RouterWorld, menu: string, chain: string): string[] =>
    world.sim.state.menu(menu).all().filter((r) => r.chain === chain).map((r) => r.comment ?? `${r.action}`);

  it('install places DNS, notice and drop above the ISP\'s own rules; a rule put above them later is moved back by the check', async () => {
    w = await routerWorld({ sim: { version: '7.18.2' } });
    const token = w.inst.adminToken;
    const filter = w.sim.state.menu('/ip/firewall/filter');
    // An ISP's usual forward chain: these accepts would let an expired customer through a drop placed after them.
    filter.add({ chain: 'forward', action: 'accept', 'connection-state': 'established,related', comment: 'isp: established' });
    filter.add({ chain: 'input', action: 'accept', protocol: 'icmp', comment: 'isp: ping' });
    filter.add({ chain: 'forward', action: 'accept', 'src-address': '10.10.0.0/16', comment: 'isp: customers' });
    w.sim.state.menu('/ip/firewall/nat').add({ chain: 'dstnat', action: 'dst-nat', protocol: 'tcp', 'dst-port': '80', 'to-addresses': '10.0.0.9', comment: 'isp: cache' });

    await w.t.call('enforcement.settings.update', { noticeUrl: 'http://10.0.0.5:8080/pay' }, token);
    await routersOf(w.t.booted.core).monitor.checkRouter(w.inst.tenantId, w.routerId);
    await w.t.call('enforcement.install', { routerId: w.routerId }, token);
    await routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId);

    const ours = ['ispdesk:fw:dns;v=1', 'ispdesk:fw:notice;v=1', 'ispdesk:fw:drop;v=1'];
    expect(chainOrder(w, '/ip/firewall/filter', 'forward')).toEqual([...ours, 'isp: established', 'isp: customers']);
    expect(chainOrder(w, '/ip/firewall/filter', 'input')).toEqual(['isp: ping']);
    expect(chainOrder(w, '/ip/firewall/nat', 'dstnat')).toEqual(['ispdesk:fw:redirect;v=1', 'isp: cache']);

    // Someone adds a rule at the top of the chain in Winbox: the next check puts ours back first.
    const top = filter.all().find((r) => r.comment === 'ispdesk:fw:dns;v=1')!;
    const lan = filter.add({ chain: 'forward', action: 'accept', 'in-interface': 'bridge-lan', comment: 'isp: lan' });
    const table = w.sim.state.table('/ip/firewall/filter');
    table.move([table.byId(lan)!], table.byId(top['.id']!)); // as `place-before` in Winbox
    expect(chainOrder(w, '/ip/firewall/filter', 'forward')[0]).toBe('isp: lan');
    await w.t.call('enforcement.check', { routerId: w.routerId }, token);
    expect(chainOrder(w, '/ip/firewall/filter', 'forward')).toEqual([...ours, 'isp: lan', 'isp: established', 'isp: customers']);
    expect(filter.count).toBe(7); // moved, never removed and re-added
  });
});
