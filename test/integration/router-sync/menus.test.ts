import { afterEach, beforeEach, expect, it } from 'vitest';
import { subscriberTagPrefix } from '@shared/domain/enforcement-tag';
import type { DesiredObject } from '../../../src-main/core/router-sync/desired-object';
import { secret, syncWorld, type SyncWorld } from './harness';

let w: SyncWorld;
beforeEach(async () => {
  w = await syncWorld();
});
afterEach(() => w.close());

function pkgProfile(routerId: string, name: string, rate: string | null): DesiredObject {
  return { routerId, menu: '/ppp/profile', tag: `name=${name}`, owner: { type: 'package', id: `pkg-${name}` }, props: rate === null ? null : { name, 'rate-limit': rate } };
}

function staticSubscriber(routerId: string, sid: string, address: string, maxLimit: string): DesiredObject[] {
  const tag = subscriberTagPrefix(sid);
  const comment = `${tag}exp=4000000000;plan=paid`;
  return [
    { routerId, menu: '/queue/simple', tag, owner: { type: 'subscriber', id: sid }, props: { name: `q-${sid}`, target: `${address}/32`, 'max-limit': maxLimit, comment } },
    { routerId, menu: '/ip/firewall/address-list', tag, owner: { type: 'subscriber', id: sid }, props: { list: 'paid', address, comment } },
  ];
}

it('creates a package profile before the secrets that use it, in one batch, and removes it after them', async () => {
  const sub = secret(w.routerId, { sid: 'm-1', profile: 'silver' });
  // Enqueued secret first: the worker still writes the profile first (RouterOS refuses an unknown profile).
  await w.enqueue([sub]);
  await w.enqueue([pkgProfile(w.routerId, 'silver', '5M/5M')]);
  expect(await w.drain()).toMatchObject({ applied: 2, refused: 0 });
  expect(w.sim.state.menu('/ppp/profile').find({ name: 'silver' })).toMatchObject({ 'rate-limit': '5M/5M' });
  expect(w.secrets().find((s) => s.comment?.startsWith(sub.tag))!.profile).toBe('silver');

  await w.enqueue([pkgProfile(w.routerId, 'silver', '10M/10M')]);
  expect((await w.drain()).applied).toBe(1);
  expect(w.sim.state.menu('/ppp/profile').filter({ name: 'silver' })).toEqual([expect.objectContaining({ 'rate-limit': '10M/10M' })]);

  await w.enqueue([pkgProfile(w.routerId, 'silver', null), secret(w.routerId, { sid: 'm-1', delete: true })]);
  expect(await w.drain()).toMatchObject({ applied: 2, refused: 0 });
  expect(w.sim.state.menu('/ppp/profile').find({ name: 'silver' })).toBeUndefined();
  expect(w.secrets()).toHaveLength(0);
});

it('manages a static subscriber\'s queue and address-list entry by comment tag, and changes the rate in place', async () => {
  await w.enqueue(staticSubscriber(w.routerId, 'st-1', '10.0.0.5', '5M/5M'));
  expect(await w.drain()).toMatchObject({ applied: 2, refused: 0 });
  const queues = w.sim.state.menu('/queue/simple').all();
  expect(queues).toHaveLength(1);
  const queueId = queues[0]!['.id'];
  expect(w.sim.state.menu('/ip/firewall/address-list').filter({ list: 'paid', address: '10.0.0.5' })).toHaveLength(1);

  await w.enqueue(staticSubscriber(w.routerId, 'st-1', '10.0.0.5', '10M/10M'));
  expect(await w.drain()).toMatchObject({ applied: 1, refused: 0 });
  const after = w.sim.state.menu('/queue/simple').all();
  expect(after).toHaveLength(1);
  expect(after[0]!['.id']).toBe(queueId);
  expect((await w.objects()).every((o) => o.status === 'synced')).toBe(true);

  const s = await w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);
  expect(s).toMatchObject({ missing: 0, extra: 0, different: 0, apiCalls: 2 });
});
