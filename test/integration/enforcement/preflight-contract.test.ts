/**
 * The enforcement channels through core: settings (field errors, nothing written on failure), pre-flight
 * (one read of the router → exactly what installing adds or changes), install / remove (desired state in
 * the router outbox, owner 'prerequisite'; the request never waits for the router).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
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
