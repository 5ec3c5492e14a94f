import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../fixtures/test-core';

const OWNER = { fullName: 'Olive Owner', email: 'olive@alpha.test', password: 'olive password 1' };
const TENANT = { name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'olive@alpha.test', ownerPhone: '0712345678' };

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

describe('first run ends inside the ISP', () => {
  it('signs the owner in to their ISP profile when they used their own details', async () => {
    const setup = await t.call('setup.complete', { platformAdmin: OWNER, tenant: { ...TENANT, admin: OWNER } });
    expect(setup.tenantSession?.principal).toMatchObject({ kind: 'staff', email: OWNER.email, roles: ['ADMIN'], tenant: { id: setup.tenantId } });
    // The tenant session works on the tenant's own channels; the platform one stays for administration.
    const staff = await t.call('staff.list', { page: 1, pageSize: 10 }, setup.tenantSession!.token);
    expect(staff.items.map((s) => s.email)).toEqual([OWNER.email]);
    expect((await t.call('tenants.list', { page: 1, pageSize: 10 }, setup.session.token)).total).toBe(1);
  });

  it('signs in to the demo ISP, whose administrator is the owner', async () => {
    const setup = await t.call('setup.complete', { platformAdmin: OWNER, demo: true });
    expect(setup.tenantSession?.principal).toMatchObject({ kind: 'staff', email: OWNER.email, tenant: { id: setup.tenantId, isDemo: true } });
  });

  it('opens no ISP session for an administrator who is someone else', async () => {
    const other = { fullName: 'Ada Admin', email: 'ada@alpha.test', password: 'ada password 1' };
    const setup = await t.call('setup.complete', { platformAdmin: OWNER, tenant: { ...TENANT, admin: other } });
    expect(setup.tenantSession).toBeUndefined();
    expect(setup.session.principal.kind).toBe('platform');
  });
});
