import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secret, syncWorld, type SyncWorld } from './harness';

let w: SyncWorld;
beforeEach(async () => {
  w = await syncWorld();
  w.sim.state.menu('/ppp/profile').add({ name: 'gold' });
  await w.enqueue(['keep', 'moved', 'gone'].map((n) => secret(w.routerId, { sid: `rb-${n}`, name: n })));
  expect((await w.drain()).applied).toBe(3);
  const menu = w.sim.state.menu('/ppp/secret');
  menu.update(menu.find({ name: 'moved' })!['.id']!, { profile: 'gold' });
  menu.remove(menu.find({ name: 'gone' })!['.id']!);
});
afterEach(() => w.close());

const reconcile = () => w.t.call('sync.reconcile', { routerId: w.routerId }, w.inst.adminToken);

describe('repairing drift right after a reconcile', () => {
  it('writes each drifted object once without listing the menu again; the next reconcile verifies it', async () => {
    expect(await reconcile()).toMatchObject({ missing: 1, different: 1, apiCalls: 1 });
    await w.t.call('sync.drift.resolve', { routerId: w.routerId, all: true, action: 'apply-ours' }, w.inst.adminToken);
    const before = w.sim.commandsServed;
    expect(await w.drain()).toMatchObject({ applied: 2, refused: 0, offline: false });
    // add "gone", set "moved", look up "moved"'s session to end it: no listing, no read-back.
    expect(w.sim.commandsServed - before).toBe(3);
    expect(w.sim.state.menu('/ppp/secret').find({ name: 'moved' })!.profile).toBe('default');
    expect(w.sim.state.menu('/ppp/secret').all().map((s) => s.name).sort()).toEqual(['gone', 'keep', 'moved']);
    expect(await reconcile()).toMatchObject({ missing: 0, different: 0, extra: 0 });
  });

  it('a drain that is not a repair keeps its own read and read-back', async () => {
    await reconcile();
    await w.enqueue([secret(w.routerId, { sid: 'rb-moved', name: 'moved', profile: 'default', disabled: 'yes' })]);
    const before = w.sim.commandsServed;
    expect(await w.drain()).toMatchObject({ applied: 1, refused: 0 });
    // look-up by name, set, session look-up, read-back.
    expect(w.sim.commandsServed - before).toBe(4);
  });

  it('a write that the stale listing got wrong is refused, not duplicated', async () => {
    await reconcile();
    await w.t.call('sync.drift.resolve', { routerId: w.routerId, all: true, action: 'apply-ours' }, w.inst.adminToken);
    // Someone re-creates "gone" by hand between the reconcile and the repair.
    w.sim.state.menu('/ppp/secret').add({ name: 'gone', profile: 'default' });
    const r = await w.drain();
    expect(r).toMatchObject({ refused: 1, offline: false });
    expect(w.sim.state.menu('/ppp/secret').filter({ name: 'gone' })).toHaveLength(1);
    const gone = (await w.objects()).find((o) => o.ownerId === 'rb-gone')!;
    expect(gone.lastError).toMatch(/.+/);
  });
});
