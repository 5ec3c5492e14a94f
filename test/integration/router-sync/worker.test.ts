import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routersOf } from '../../../src-main/core/routers/runtime';
import { saveSecret } from '../../../src-main/core/secrets/secret-store';
import { secret, syncWorld, type SyncWorld } from './harness';

let w: SyncWorld;
beforeEach(async () => {
  w = await syncWorld();
});
afterEach(() => w.close());

const byTag = (tag: string) => w.secrets().filter((s) => (s.comment ?? '').startsWith(tag));

describe('router outbox worker', () => {
  it('adds an enqueued secret, verifies it and marks object and outbox done', async () => {
    const s = secret(w.routerId, { name: 'alice' });
    await w.enqueue([s]);
    const r = await w.drain();
    expect(r).toMatchObject({ applied: 1, refused: 0, offline: false });
    const onRouter = byTag(s.tag);
    expect(onRouter).toHaveLength(1);
    expect(onRouter[0]).toMatchObject({ name: 'alice', profile: 'default', service: 'pppoe', disabled: 'false', comment: s.props!.comment });
    const [obj] = await w.objects();
    expect(obj).toMatchObject({ status: 'synced', appliedVersion: 1, version: 1, lastError: null });
    expect((await w.outbox()).map((o) => o.status)).toEqual(['done']);
  });

  it('collapses several versions to the latest and sets only changed props; a profile change kicks the session', async () => {
    w.sim.state.menu('/ppp/profile').add({ name: 'gold' });
    const s = secret(w.routerId, { sid: 's-upd', name: 'bob' });
    await w.enqueue([s]);
    await w.drain();
    expect(w.sim.connectPpp('bob', '').ok).toBe(true);
    expect(w.sim.state.menu('/ppp/active').filter({ name: 'bob' })).toHaveLength(1);
    await w.enqueue([secret(w.routerId, { sid: 's-upd', name: 'bob', disabled: 'yes' })]);
    await w.enqueue([secret(w.routerId, { sid: 's-upd', name: 'bob', profile: 'gold' })]);
    const r = await w.drain();
    expect(r.applied).toBe(1);
    expect(byTag(s.tag)).toEqual([expect.objectContaining({ name: 'bob', profile: 'gold', disabled: 'false' })]);
    expect(w.sim.state.menu('/ppp/active').filter({ name: 'bob' })).toHaveLength(0);
    const [obj] = await w.objects();
    expect(obj).toMatchObject({ status: 'synced', version: 3, appliedVersion: 3 });
    expect((await w.outbox()).every((o) => o.status === 'done')).toBe(true);
  });

  it('removes a deleted object from the router and forgets it', async () => {
    const s = secret(w.routerId, { sid: 's-del' });
    await w.enqueue([s]);
    await w.drain();
    await w.enqueue([secret(w.routerId, { sid: 's-del', delete: true })]);
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(s.tag)).toHaveLength(0);
    expect(await w.objects()).toHaveLength(0);
  });

  it('re-draining after applied-but-not-recorded writes changes nothing and adds no duplicate', async () => {
    const s = secret(w.routerId, { sid: 's-idem' });
    await w.enqueue([s]);
    await w.drain();
    // As if the process died after the router took the write but before the outbox row was marked.
    await w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => {
      await h.db.updateTable('routerOutbox').set({ status: 'pending', doneAt: null }).execute();
      await h.db.updateTable('routerObjects').set({ status: 'pending', appliedVersion: null }).execute();
    });
    const before = w.sim.commandsServed;
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(s.tag)).toHaveLength(1);
    // One list before and one after, no write.
    expect(w.sim.commandsServed - before).toBe(2);
    expect((await w.objects())[0]!.status).toBe('synced');
  });

  it('keeps changes pending while the router is unreachable and applies them when it is back', async () => {
    const s = secret(w.routerId, { sid: 's-off' });
    w.sim.faults.set({ refuseLogin: true });
    routersOf(w.t.booted.core).connections.closeRouter(w.inst.tenantId, w.routerId);
    await w.enqueue([s]);
    const r = await w.drain();
    expect(r.offline).toBe(true);
    expect(r.nextDueAt).not.toBeNull();
    expect((await w.objects())[0]!.status).toBe('pending');
    const [entry] = await w.outbox();
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    expect(byTag(s.tag)).toHaveLength(0);
    const waiting = await w.t.call('sync.status', { routerId: w.routerId }, w.inst.adminToken);
    expect(waiting.routers[0]).toMatchObject({ pending: 1, synced: 0, lastError: expect.stringMatching(/.+/) });
    w.sim.faults.clear();
    // The entry is deferred (back-off); once due, the next pass applies it.
    w.t.clock.advance(60_000);
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(s.tag)).toHaveLength(1);
    expect((await w.objects())[0]!.status).toBe('synced');
  });

  it('shows the router\'s own words on an object it refuses, and applies the others', async () => {
    const good = secret(w.routerId, { sid: 's-good' });
    const bad = secret(w.routerId, { sid: 's-bad', profile: 'no-such-profile' });
    await w.enqueue([bad, good]);
    const r = await w.drain();
    expect(r).toMatchObject({ applied: 1, refused: 1 });
    expect(byTag(good.tag)).toHaveLength(1);
    expect(byTag(bad.tag)).toHaveLength(0);
    const objs = await w.objects();
    const badRow = objs.find((o) => o.tag === bad.tag)!;
    expect(badRow.status).toBe('error');
    expect(badRow.lastError).toMatch(/no-such-profile|input does not match|profile/i);
    expect((await w.outbox()).find((o) => o.objectId === badRow.id)!.status).toBe('failed');
  });

  it('a trap on a path refuses those objects with the router text', async () => {
    w.sim.faults.set({ trapOnPath: { path: '/ppp/secret/add', message: 'failure: too many secrets on this board' } });
    await w.enqueue([secret(w.routerId, { sid: 's-trap' })]);
    await w.drain();
    expect((await w.objects())[0]).toMatchObject({ status: 'error', lastError: 'failure: too many secrets on this board' });
  });

  it('retry puts objects in error back in the queue and they apply once the cause is fixed', async () => {
    const bad = secret(w.routerId, { sid: 's-retry', profile: 'later' });
    await w.enqueue([bad]);
    await w.drain();
    expect((await w.objects())[0]!.status).toBe('error');
    w.sim.state.menu('/ppp/profile').add({ name: 'later' });
    expect(await w.t.call('sync.retry', { routerId: w.routerId }, w.inst.adminToken)).toEqual({ requeued: 1 });
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(bad.tag)).toHaveLength(1);
    const status = await w.t.call('sync.status', { routerId: w.routerId }, w.inst.adminToken);
    expect(status.routers[0]).toMatchObject({ pending: 0, synced: 1, error: 0, lastError: null });
  });

  it('after writes whose answer was lost (outcome unknown) reads back first and adds nothing twice', async () => {
    const subs = Array.from({ length: 8 }, (_, i) => secret(w.routerId, { sid: `s-lost-${i}` }));
    await w.enqueue(subs);
    // Login, the 8 look-ups by name and two adds answered; the next add is applied, its answer lost, the socket closed.
    w.sim.faults.set({ dropAfterCommands: 11 });
    const r = await w.drain();
    expect(r.offline).toBe(true);
    // Three adds landed (the last one unanswered); none is recorded as applied.
    expect(w.secrets().length).toBeGreaterThanOrEqual(3);
    expect((await w.objects()).every((o) => o.status === 'pending')).toBe(true);
    w.sim.faults.clear();
    w.t.clock.advance(60_000);
    const again = await w.drain();
    expect(again.offline).toBe(false);
    for (const s of subs) expect(byTag(s.tag)).toHaveLength(1);
    expect((await w.objects()).every((o) => o.status === 'synced')).toBe(true);
  });

  it('writes sealed props from the secret store at apply time', async () => {
    const s = { ...secret(w.routerId, { sid: 's-pass' }), sealed: { password: 'pppoe-password' } };
    await w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
      saveSecret(h.db, w.t.booted.core.secrets, { ownerType: 'subscriber', ownerId: 's-pass', name: 'pppoe-password' }, 'p4ss-w0rd', new Date().toISOString()));
    await w.enqueue([s]);
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(s.tag)[0]!.password).toBe('p4ss-w0rd');
    expect(JSON.stringify(await w.objects())).not.toContain('p4ss-w0rd');
  });

  it('looks a few objects up by name instead of listing the menu, and still finds a renamed one by its tag', async () => {
    for (let i = 0; i < 300; i++) w.sim.state.menu('/ppp/secret').add({ name: `other-${i}` });
    const s = secret(w.routerId, { sid: 's-look', name: 'first-name' });
    await w.enqueue([s]);
    await w.drain();
    const before = w.sim.commandsServed;
    await w.enqueue([secret(w.routerId, { sid: 's-look', name: 'first-name', disabled: 'yes' })]);
    expect((await w.drain()).applied).toBe(1);
    // Look-up, set, the session look-up for the kick, read-back: no listing of 301 secrets.
    expect(w.sim.commandsServed - before).toBe(4);
    await w.enqueue([secret(w.routerId, { sid: 's-look', name: 'new-name' })]);
    expect((await w.drain()).applied).toBe(1);
    expect(byTag(s.tag)).toEqual([expect.objectContaining({ name: 'new-name', disabled: 'false' })]);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'first-name' })).toBeUndefined();
  });
});
