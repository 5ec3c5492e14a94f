import { afterEach, describe, expect, it } from 'vitest';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { routerWorld, type RouterWorld } from '../routers/harness';
import { pppoePackage } from './harness';

describe('staff disable a subscriber and re-enable them', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('disables the secret on the router once the worker drains, audits it, and reconnect enables it again', async () => {
    w = await routerWorld();
    const call = <K extends Parameters<typeof w.t.call>[0]>(ch: K, input: Parameters<typeof w.t.call<K>>[1]) => w.t.call(ch, input, w.inst.adminToken);
    const drain = async () => expect(await routerSyncOf(w.t.booted.core).drain(w.inst.tenantId, w.routerId)).toMatchObject({ refused: 0, offline: false });
    const pkg = await call('packages.create', pppoePackage([w.routerId]));
    const s = await call('subscribers.create', { fullName: 'Achieng Otieno', phones: ['0712000333'], routerId: w.routerId, packageId: pkg.id, username: 'achieng' });
    await drain();
    const secret = () => w.sim.state.menu('/ppp/secret').find({ name: 'achieng' })!;
    expect(secret().disabled).toBe('false');

    const disabled = await call('subscribers.disable', { subscriberId: s.id, reason: 'Moved away' });
    expect(disabled.status).toBe('disabled');
    await drain();
    expect(secret().disabled).toBe('true');

    // A renewal does not lift a staff state.
    await call('subscribers.extend', { subscriberId: s.id, count: 1 });
    expect((await call('subscribers.get', { subscriberId: s.id })).status).toBe('disabled');

    expect((await call('subscribers.reconnect', { subscriberId: s.id })).status).toBe('active');
    await drain();
    expect(secret().disabled).toBe('false');

    const history = await call('subscribers.history', { subscriberId: s.id, page: 1, pageSize: 10 });
    expect(history.items.map((h) => h.action).reverse()).toEqual(['subscriber.created', 'subscriber.disabled', 'subscriber.extended', 'subscriber.reconnected']);
    expect(history.items.find((h) => h.action === 'subscriber.disabled')!.summary).toContain('Moved away');
  });
});
