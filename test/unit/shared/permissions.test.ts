import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES } from '@shared/domain/permissions';
import { contract } from '@shared/contract';

describe('permission matrix', () => {
  it('gives ADMIN everything', () => {
    expect([...ROLE_PERMISSIONS.ADMIN].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('keeps staff, settings and audit with ADMIN only', () => {
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) {
      for (const p of ['staff.read', 'staff.manage', 'settings.read', 'settings.manage', 'audit.read'] as const) {
        expect(can([role], p), `${role} ${p}`).toBe(false);
      }
    }
  });

  it('lets a cashier take payments and sell vouchers but not change subscribers or routers', () => {
    expect(can(['CASHIER'], 'payments.collect')).toBe(true);
    expect(can(['CASHIER'], 'vouchers.sell')).toBe(true);
    expect(can(['CASHIER'], 'receipts.print')).toBe(true);
    expect(can(['CASHIER'], 'subscribers.read')).toBe(true);
    expect(can(['CASHIER'], 'subscribers.manage')).toBe(false);
    expect(can(['CASHIER'], 'routers.read')).toBe(false);
  });

  it('lets a technician work on routers, diagnostics, tickets and jobs', () => {
    for (const p of ['routers.read', 'routers.operate', 'diagnostics.run', 'tickets.manage', 'jobs.manage', 'subscribers.read'] as const) {
      expect(can(['TECHNICIAN'], p)).toBe(true);
    }
    expect(can(['TECHNICIAN'], 'payments.collect')).toBe(false);
    expect(can(['TECHNICIAN'], 'routers.manage')).toBe(false);
  });

  it('lets support handle tickets and messaging', () => {
    expect(can(['SUPPORT'], 'tickets.manage')).toBe(true);
    expect(can(['SUPPORT'], 'messaging.send')).toBe(true);
    expect(can(['SUPPORT'], 'routers.read')).toBe(false);
  });

  it('makes VIEWER read-only', () => {
    for (const p of permissionsOf(['VIEWER'])) expect(p.endsWith('.read')).toBe(true);
  });

  it('combines roles', () => {
    const p = permissionsOf(['CASHIER', 'SUPPORT']);
    expect(p.has('payments.collect') && p.has('messaging.send')).toBe(true);
  });

  it('declares a known access level on every channel', () => {
    const allowed = new Set<string>(['public', 'session', 'platform', ...PERMISSIONS]);
    for (const [name, def] of Object.entries(contract)) expect(allowed.has(def.access), name).toBe(true);
  });
});
