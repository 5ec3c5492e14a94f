import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedRosServer, type ScriptedServer } from '../../fixtures/scripted-ros-server';
import { ROUTER_PASSWORD, routerWorld, type RouterWorld } from '../routers/harness';

const worlds: RouterWorld[] = [];
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  for (const s of servers.splice(0)) await s.close();
});

async function world(): Promise<RouterWorld> {
  const w = await routerWorld();
  worlds.push(w);
  return w;
}

/** A listener that records every login it gets (what an attacker would run at the new address). */
async function listener(): Promise<ScriptedServer> {
  const s = await startScriptedRosServer({ users: [{ name: 'api', password: 'the listener does not know it' }] });
  servers.push(s);
  return s;
}

async function secretRows(w: RouterWorld): Promise<{ ownerId: string; name: string }[]> {
  return w.t.booted.core.tenants.use(w.inst.tenantId, (h) =>
    h.db.selectFrom('secrets').select(['ownerId', 'name']).where('ownerType', '=', 'router').where('ownerId', '=', w.routerId).execute(),
  );
}

describe('stored router password follows the address', () => {
  it('clears the stored password when the port changes without a new one, and never sends the old one', async () => {
    const w = await world();
    expect(await secretRows(w)).toEqual([{ ownerId: w.routerId, name: 'api-password' }]);
    const evil = await listener();

    const moved = await w.t.call('routers.update', { routerId: w.routerId, port: evil.port }, w.inst.adminToken);
    expect(moved).toMatchObject({ port: evil.port, hasPassword: false });
    expect(await secretRows(w)).toEqual([]);

    const diagnosis = await w.t.call('routers.test-connection', { routerId: w.routerId }, w.inst.adminToken);
    expect(diagnosis.ok).toBe(false);
    const logins = evil.received().filter((s) => s.head === '/login');
    expect(logins.length).toBeGreaterThan(0);
    for (const l of logins) expect(l.attributes.password ?? '').not.toBe(ROUTER_PASSWORD);
    expect(evil.received().some((s) => Object.values(s.attributes).includes(ROUTER_PASSWORD))).toBe(false);

    const audit = await w.t.call('audit.list', { page: 1, pageSize: 10 }, w.inst.adminToken);
    expect(audit.items.find((a) => a.action === 'router.updated')?.summary).toMatch(/password cleared/);
  });

  it('clears it when the host changes too', async () => {
    const w = await world();
    await w.t.call('routers.update', { routerId: w.routerId, host: 'localhost' }, w.inst.adminToken);
    expect(await secretRows(w)).toEqual([]);
  });

  it('keeps a password re-entered in the same edit, and keeps the stored one for edits that do not move the router', async () => {
    const w = await world();
    const other = await w.simulator();
    await w.t.call('routers.update', { routerId: w.routerId, name: 'Core renamed', site: 'Town' }, w.inst.adminToken);
    expect(await secretRows(w)).toHaveLength(1);
    const moved = await w.t.call('routers.update', { routerId: w.routerId, port: other.port, password: ROUTER_PASSWORD }, w.inst.adminToken);
    expect(moved.hasPassword).toBe(true);
    const diagnosis = await w.t.call('routers.test-connection', { routerId: w.routerId }, w.inst.adminToken);
    expect(diagnosis).toMatchObject({ ok: true });
  });
});
