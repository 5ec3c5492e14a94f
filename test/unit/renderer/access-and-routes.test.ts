import { describe, expect, it } from 'vitest';
import type { Principal } from '@shared/contract/auth';
import { PERMISSIONS, permissionsOf, type Role } from '@shared/domain/permissions';
import { AREAS, visibleAreas } from '../../../src-renderer/app/areas';
import { parseHash } from '../../../src-renderer/app/router';

const TENANT = { id: '0190a0b0-0000-7000-8000-000000000001', name: 'Net', currency: 'KES', timezone: 'Africa/Nairobi', isDemo: false };

function staff(roles: Role[]): Principal {
  return {
    kind: 'staff', userId: '0190a0b0-0000-7000-8000-000000000002', fullName: 'A', email: 'a@example.com', roles,
    permissions: [...permissionsOf(roles)], mustChangePassword: false, tenant: TENANT,
  };
}

const ids = (p: Principal) => visibleAreas(p).map((a) => a.id);

describe('sidebar areas follow the shared permission matrix', () => {
  it('shows a cashier Home, the subscriber areas they may read, Payments, M-Pesa, Invoices and the hotspot vouchers they sell, not routers or staff', () => {
    expect(ids(staff(['CASHIER']))).toEqual(['home', 'subscribers', 'packages', 'payments', 'mpesa', 'invoices', 'hotspot', 'voucherSales', 'voucher-templates', 'portal']);
  });

  it('shows Hotspot vouchers only to roles that may sell them', () => {
    expect(ids(staff(['TECHNICIAN']))).not.toContain('hotspot');
    expect(ids(staff(['SUPPORT']))).not.toContain('hotspot');
    expect(ids(staff(['VIEWER']))).not.toContain('hotspot');
  });

  it('shows an admin every tenant area and a platform admin only Tenants', () => {
    expect(ids(staff(['ADMIN']))).toEqual(['home', 'subscribers', 'packages', 'payments', 'mpesa', 'invoices', 'hotspot', 'voucherSales', 'voucher-templates', 'portal', 'routers', 'sync', 'staff', 'audit', 'scheduler', 'settings']);
    expect(ids({ kind: 'platform', userId: TENANT.id, fullName: 'P', email: 'p@example.com', mustChangePassword: false })).toEqual(['tenants']);
  });

  it('shows Scheduled tasks to a technician (jobs.manage) but not to a viewer', () => {
    expect(ids(staff(['TECHNICIAN']))).toContain('scheduler');
    expect(ids(staff(['VIEWER']))).not.toContain('scheduler');
  });

  it('declares each area once, with a permission that exists', () => {
    expect(new Set(AREAS.map((a) => `${a.scope}/${a.path}`)).size).toBe(AREAS.length);
    for (const a of AREAS) if (a.requires) expect(PERMISSIONS).toContain(a.requires);
  });
});

describe('parseHash', () => {
  it('splits path segments and query', () => {
    const l = parseHash('#/t/abc/staff?x=1');
    expect(l.segments).toEqual(['t', 'abc', 'staff']);
    expect(l.query.get('x')).toBe('1');
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#/sign-in?scope=platform').query.get('scope')).toBe('platform');
  });
});
