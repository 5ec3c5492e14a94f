import { afterEach, describe, expect, it } from 'vitest';
import { routerWorld, type RouterWorld } from '../routers/harness';

/** Secrets of the demo router as the simulator holds them (name → profile, disabled, password). */
async function routerSecrets(w: RouterWorld): Promise<Map<string, { profile: string; disabled: boolean; password: string }>> {
  const out = new Map<string, { profile: string; disabled: boolean; password: string }>();
  let page = 1;
  for (;;) {
    const res = await w.t.call('routers.ppp.secrets', { routerId: w.routerId, page, pageSize: 500 }, w.inst.adminToken);
    for (const s of res.items) out.set(s.name, { profile: s.profile, disabled: s.disabled, password: '' });
    if (page * 500 >= res.total) break;
    page += 1;
  }
  return out;
}

describe('adopting the demo router', () => {
  let w: RouterWorld;
  afterEach(async () => {
    await w.close();
  });

  it('previews every secret and profile without writing anything', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const preview = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(preview.counts.secrets).toBe(300);
    expect(preview.counts.toAdopt).toBe(300);
    expect(preview.counts.skipped).toBe(0);
    const home = preview.packages.find((p) => p.profile === 'HOME-5M');
    expect(home).toMatchObject({ willCreate: true, packageId: null, rateLimit: { rxKbps: 5000, txKbps: 5000 } });
    expect(preview.rows.total).toBe(300);
    expect(preview.rows.items).toHaveLength(10);
    expect(preview.rows.items[0]).toMatchObject({ username: 'acc1001', skip: null });
    const list = await w.t.call('subscribers.list', { page: 1, pageSize: 1 }, w.inst.adminToken);
    expect(list.total).toBe(0);
  });

  it('turns every secret into a subscriber and each profile into a package; a second run adds none', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const onRouter = await routerSecrets(w);
    const profilesUsed = new Set([...onRouter.values()].map((s) => s.profile));

    const progress: unknown[] = [];
    w.t.booted.core.events.subscribe({ token: w.inst.adminToken, send: (name, payload) => name === 'adoption.progress' && progress.push(payload) });
    const first = await w.t.call('adoption.apply', { routerId: w.routerId, prices: [{ profile: 'HOME-5M', priceMinor: 150_000 }], confirm: true }, w.inst.adminToken);
    // The demo router's two static queues (with their leases) too; its 6 other static leases have no queue.
    expect(first).toEqual({ packagesCreated: profilesUsed.size + 2, subscribersCreated: 300, skipped: 0, staticSubscribersCreated: 2, staticSkipped: 6 });
    // Chunks of 250: the staff session sees the count move, then finish.
    expect(progress).toEqual([{ routerId: w.routerId, done: 250, total: 302 }, { routerId: w.routerId, done: 300, total: 302 }, { routerId: w.routerId, done: 302, total: 302 }]);

    const pkgs = await w.t.call('packages.list', { page: 1, pageSize: 50, serviceType: 'pppoe' }, w.inst.adminToken);
    expect(new Set(pkgs.items.map((p) => p.pppProfile?.name))).toEqual(profilesUsed);
    for (const p of pkgs.items) {
      // The router's own profile is kept, not taken over.
      expect(p.pppProfile?.mode).toBe('existing');
      expect(p.routerIds).toEqual([w.routerId]);
      expect(p.priceMinor).toBe(p.pppProfile?.name === 'HOME-5M' ? 150_000 : 0);
    }
    expect(pkgs.items.reduce((n, p) => n + p.subscriberCount, 0)).toBe(300);

    const all = await w.t.call('subscribers.list', { page: 1, pageSize: 500 }, w.inst.adminToken);
    expect(all.total).toBe(302);
    const subs = { items: all.items.filter((x) => x.serviceType === 'pppoe') };
    expect(subs.items).toHaveLength(300);
    for (const s of subs.items) {
      const secret = onRouter.get(s.username!)!;
      expect(secret).toBeDefined();
      expect(s.packageName).toBe(pkgs.items.find((p) => p.pppProfile?.name === secret.profile)!.name);
      expect(s.status).toBe(secret.disabled ? 'disabled' : 'active');
      expect(s.hasPassword).toBe(true);
      expect(s.accountNumber).toMatch(/^[A-Z0-9-]{2,24}$/);
    }
    // Comments "Name - Place - 07…" give the name, the phone and the notes.
    const sample = subs.items.find((s) => s.username === 'acc1001')!;
    expect(sample.notes).toContain(' - ');
    expect(sample.fullName).toBe(sample.notes.split(' - ')[0]);
    expect(sample.phones[0]).toMatch(/^\+2547\d{8}$/);

    // The sealed password is the router's, so customers' routers keep working.
    const core = w.sim.state.router.state.table('/ppp/secret');
    const reveal = await w.t.call('subscribers.reveal-password', { subscriberId: sample.id }, w.inst.adminToken);
    expect(reveal.password).toBe(core.findBy('name', 'acc1001')!.props.password);

    // Desired state matches the router: same name, profile and disabled flag; only our comment tag is new.
    const objects = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
      h.db.selectFrom('routerObjects').select(['desired', 'tag']).where('menu', '=', '/ppp/secret').where('routerId', '=', w.routerId).execute());
    expect(objects).toHaveLength(300);
    for (const o of objects) {
      const props = JSON.parse(o.desired!) as Record<string, string>;
      const secret = onRouter.get(props.name!)!;
      expect(props.profile).toBe(secret.profile);
      expect(props.disabled).toBe(secret.disabled ? 'yes' : 'no');
      expect(props.comment!.startsWith(o.tag)).toBe(true);
    }

    const again = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 5, onlySkipped: true }, w.inst.adminToken);
    expect(again.counts).toMatchObject({ secrets: 300, toAdopt: 0, skipped: 300, packagesToCreate: 0 });
    expect(again.rows.items.every((r) => r.skip === 'username-taken')).toBe(true);
    const second = await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    expect(second).toEqual({ packagesCreated: 0, subscribersCreated: 0, skipped: 300, staticSubscribersCreated: 0, staticSkipped: 8 });
    expect((await w.t.call('subscribers.list', { page: 1, pageSize: 1 }, w.inst.adminToken)).total).toBe(302);
    expect((await w.t.call('packages.list', { page: 1, pageSize: 1 }, w.inst.adminToken)).total).toBe(profilesUsed.size + 2);
  });

  it('skips and reports a secret whose user name an existing subscriber already has', async () => {
    w = await routerWorld({ sim: { seed: 'demo' } });
    const pkg = await w.t.call('packages.create', {
      name: 'Office', serviceType: 'pppoe', routerIds: [w.routerId], rateLimit: { rxKbps: 1000, txKbps: 1000 },
      pppProfile: { mode: 'managed', name: 'office' }, priceMinor: 0, period: { count: 1, unit: 'months' }, graceHours: 0,
    }, w.inst.adminToken);
    await w.t.call('subscribers.create', { fullName: 'Existing Customer', phones: ['0712000111'], routerId: w.routerId, packageId: pkg.id, username: 'ACC1005' }, w.inst.adminToken);

    const preview = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 25, onlySkipped: true }, w.inst.adminToken);
    expect(preview.counts).toMatchObject({ secrets: 300, toAdopt: 299, skipped: 1 });
    expect(preview.rows.items).toEqual([expect.objectContaining({ username: 'acc1005', skip: 'username-taken' })]);

    const res = await w.t.call('adoption.apply', { routerId: w.routerId, confirm: true }, w.inst.adminToken);
    expect(res).toMatchObject({ subscribersCreated: 299, skipped: 1 });
    const existing = await w.t.call('subscribers.list', { page: 1, pageSize: 5, q: 'acc1005' }, w.inst.adminToken);
    expect(existing.items.map((s) => s.fullName)).toEqual(['Existing Customer']);
  });

  it('leaves out secrets whose passwords the API user cannot read, rather than changing them', async () => {
    w = await routerWorld({ sim: { seed: 'demo', users: [{ name: 'api', password: 'router api pass 1', group: 'read' }] } });
    const preview = await w.t.call('adoption.preview', { routerId: w.routerId, page: 1, pageSize: 1 }, w.inst.adminToken);
    expect(preview.counts).toMatchObject({ secrets: 300, toAdopt: 0, skipped: 300, packagesToCreate: 0 });
    expect(preview.rows.items[0]!.skip).toBe('password-unreadable');
  });
});
