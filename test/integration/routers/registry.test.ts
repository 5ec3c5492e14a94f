import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff } from '../../fixtures/test-core';
import { snapshotTenant } from '../../fixtures/db-snapshot';
import { routerWorld, ROUTER_PASSWORD, type RouterWorld } from './harness';

let w: RouterWorld;
beforeEach(async () => {
  w = await routerWorld();
});
afterEach(() => w.close());

describe('router registry', () => {
  it('stores the router with its password sealed and never returns it', async () => {
    const r = await w.t.call('routers.get', { routerId: w.routerId }, w.inst.adminToken);
    expect(r).toMatchObject({ name: 'Core', host: '127.0.0.1', port: w.sim.port, username: 'api', hasPassword: true, status: 'unknown', useTls: false });
    expect(JSON.stringify(r)).not.toContain(ROUTER_PASSWORD);
    const stored = await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('secrets').select('ciphertext').executeTakeFirstOrThrow());
    expect(stored.ciphertext).not.toContain(ROUTER_PASSWORD);
  });

  it('keeps host+port unique per tenant and saves nothing half-way', async () => {
    const before = await snapshotTenant(w.t, w.inst.tenantId);
    const dup = await w.t.raw('routers.create', { name: 'Other', host: '127.0.0.1', port: w.sim.port, username: 'x', password: 'y' }, w.inst.adminToken);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'router.address-taken', params: { name: 'Core' }, fields: { host: 'taken', port: 'taken' } } });
    expect(await snapshotTenant(w.t, w.inst.tenantId)).toEqual(before);
  });

  it('gives field errors for malformed host, port and credentials', async () => {
    const env = await w.t.raw('routers.create', { name: 'X', host: '300.1.1.1', port: 70000, username: '', password: 'p' }, w.inst.adminToken);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(Object.keys(env.error.fields ?? {}).sort()).toEqual(['host', 'name', 'port', 'username']);
    const badHost = await w.t.raw('routers.create', { name: 'Bad host', host: 'bad host!', username: 'u', password: 'p' }, w.inst.adminToken);
    expect(badHost).toMatchObject({ ok: false, error: { fields: { host: expect.stringMatching(/IP address/) } } });
  });

  it('edits keep the stored password unless a new one is given, and are audited', async () => {
    await w.t.call('routers.update', { routerId: w.routerId, site: 'Kahawa West', isCore: true }, w.inst.adminToken);
    const diag = await w.t.call('routers.test-connection', { routerId: w.routerId }, w.inst.adminToken);
    expect(diag.ok).toBe(true);
    await w.t.call('routers.update', { routerId: w.routerId, password: 'wrong now' }, w.inst.adminToken);
    const bad = await w.t.call('routers.test-connection', { routerId: w.routerId }, w.inst.adminToken);
    expect(bad.kind).toBe('bad-credentials');
    const audit = await w.t.call('audit.list', { page: 1, pageSize: 10, action: 'router.updated' }, w.inst.adminToken);
    expect(audit.items.map((a) => a.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/site, isCore/), expect.stringMatching(/password/)]));
    expect(JSON.stringify(audit.items)).not.toContain('wrong now');
  });

  it('lists, searches and filters routers', async () => {
    await w.t.call('routers.create', { name: 'Branch Ngong', host: '10.20.0.1', username: 'api', password: 'x', site: 'Ngong road' }, w.inst.adminToken);
    const all = await w.t.call('routers.list', { page: 1, pageSize: 10, sort: { field: 'name', dir: 'asc' } }, w.inst.adminToken);
    expect(all.items.map((r) => r.name)).toEqual(['Branch Ngong', 'Core']);
    const q = await w.t.call('routers.list', { page: 1, pageSize: 10, q: 'ngong' }, w.inst.adminToken);
    expect(q.total).toBe(1);
  });

  it('deletes a router with its secret, history and open connection', async () => {
    await w.t.call('routers.backups.fetch', { routerId: w.routerId }, w.inst.adminToken);
    expect(w.sim.openConnections).toBe(1);
    await w.t.call('routers.delete', { routerId: w.routerId }, w.inst.adminToken);
    await expect.poll(() => w.sim.openConnections).toBe(0);
    const left = await w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => ({
      secrets: (await h.db.selectFrom('secrets').selectAll().execute()).length,
      backups: (await h.db.selectFrom('routerBackups').selectAll().execute()).length,
    }));
    expect(left).toEqual({ secrets: 0, backups: 0 });
  });

  it('lets a technician operate but not register routers; a cashier sees none of it', async () => {
    const tech = await addStaff(w.t, w.inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    const cash = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    expect((await w.t.raw('routers.list', { page: 1, pageSize: 5 }, tech.token)).ok).toBe(true);
    expect((await w.t.raw('routers.dashboard.overview', { routerId: w.routerId }, tech.token)).ok).toBe(true);
    expect(await w.t.raw('routers.create', { name: 'Tech router', host: '10.0.0.1', username: 'a', password: 'b' }, tech.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.raw('routers.list', { page: 1, pageSize: 5 }, cash.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('generates a bootstrap script that restricts API access to this computer', async () => {
    const s = await w.t.call('routers.bootstrap-script', { apiPassword: 'pa"ss$word-12', allowAddress: '192.168.88.10' }, w.inst.adminToken);
    expect(s.fileName).toBe('isp-desk-bootstrap.rsc');
    expect(s.script).toContain('policy=api,read,write,test');
    expect(s.script).toContain('address=192.168.88.10/32');
    expect(s.script).toContain('set api-ssl certificate=isp-desk-api address=192.168.88.10/32 disabled=no');
    expect(s.script).toContain('password="pa\\"ss\\$word-12"');
    const plain = await w.t.call('routers.bootstrap-script', { apiPassword: 'long enough pass', allowAddress: '10.0.0.0/24', enableTls: false, readOnly: true }, w.inst.adminToken);
    expect(plain.script).toContain('set api address=10.0.0.0/24 disabled=no');
    expect(plain.script).toContain('policy=api,read,!write');
    expect(plain.warnings).toEqual(['plain-api-restricted']);
  });

  it('warns that API-SSL turns the plain API off for other tools, or keeps it for the hosts named', async () => {
    const off = await w.t.call('routers.bootstrap-script', { apiPassword: 'long enough pass', allowAddress: '192.168.88.10' }, w.inst.adminToken);
    expect(off.warnings).toEqual(['plain-api-off']);
    expect(off.script).toMatch(/WARNING: other tools using the plain API on port 8728 \(Mikhmon, PHPNuxBill…\) stop working/);
    expect(off.script).toContain('set api disabled=yes');
    const kept = await w.t.call('routers.bootstrap-script', {
      apiPassword: 'long enough pass', allowAddress: '192.168.88.10', keepPlainApiFrom: ['192.168.88.20', '10.9.0.0/24'],
    }, w.inst.adminToken);
    expect(kept.warnings).toEqual([]);
    expect(kept.script).toContain('set api address=192.168.88.20/32,10.9.0.0/24 disabled=no');
    expect(kept.script).not.toContain('set api disabled=yes');
    const plainKept = await w.t.call('routers.bootstrap-script', {
      apiPassword: 'long enough pass', allowAddress: '192.168.88.10', enableTls: false, keepPlainApiFrom: ['192.168.88.20'],
    }, w.inst.adminToken);
    expect(plainKept.script).toContain('set api address=192.168.88.10/32,192.168.88.20/32 disabled=no');
    // Restricting the plain API's addresses is warned about too (issue 7 §4): tools on other hosts lose it.
    expect(plainKept.warnings).toEqual(['plain-api-restricted']);
    expect(plainKept.script).toContain('# WARNING: the plain API (8728) then accepts logins only from the addresses below.');
    const bad = await w.t.raw('routers.bootstrap-script', { apiPassword: 'long enough pass', allowAddress: '192.168.88.10', keepPlainApiFrom: ['mikhmon box'] }, w.inst.adminToken);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'keepPlainApiFrom.0': expect.any(String) } } });
  });
});
