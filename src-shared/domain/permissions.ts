/**
 * One permission matrix drives both the main-side check on every channel and what the UI shows.
 * Roles are per tenant; platform administration is a separate kind of account (app.sqlite).
 */
export const ROLES = ['ADMIN', 'CASHIER', 'TECHNICIAN', 'SUPPORT', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'staff.read',
  'staff.manage',
  'settings.read',
  'settings.manage',
  'audit.read',
  'routers.read',
  'routers.manage',
  'routers.operate',
  'diagnostics.run',
  'subscribers.read',
  'subscribers.manage',
  'payments.read',
  'payments.collect',
  'receipts.print',
  'vouchers.sell',
  'hotspot.read',
  'tickets.read',
  'tickets.manage',
  'jobs.manage',
  'messaging.read',
  'messaging.send',
  'reports.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ONLY: Permission[] = [
  'routers.read', 'subscribers.read', 'payments.read', 'hotspot.read', 'tickets.read', 'messaging.read',
  'reports.read',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  CASHIER: new Set<Permission>([
    'subscribers.read', 'payments.read', 'payments.collect', 'receipts.print', 'vouchers.sell', 'hotspot.read',
  ]),
  TECHNICIAN: new Set<Permission>([
    'subscribers.read', 'routers.read', 'routers.operate', 'diagnostics.run', 'hotspot.read', 'tickets.read',
    'tickets.manage', 'jobs.manage',
  ]),
  SUPPORT: new Set<Permission>([
    'subscribers.read', 'tickets.read', 'tickets.manage', 'messaging.read', 'messaging.send', 'hotspot.read',
  ]),
  VIEWER: new Set<Permission>(READ_ONLY),
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].has(permission));
}

/** Who may call a channel: nobody signed in, any session, platform admins, or tenant staff holding a permission. */
export type Access = 'public' | 'session' | 'platform' | Permission;

export function isTenantAccess(access: Access): access is Permission {
  return access !== 'public' && access !== 'session' && access !== 'platform';
}
