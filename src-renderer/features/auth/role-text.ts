import { PERMISSIONS, ROLE_PERMISSIONS, type Permission, type Role } from '@shared/domain/permissions';
import { i18n } from '../../app/i18n';

export function roleName(role: Role): string {
  return i18n.t(`roles.${role}`);
}

export function permissionLabel(permission: Permission): string {
  return i18n.t(`permissions.${permission}`);
}

/** What a role may do, read straight from the shared permission matrix (the server checks the same). */
export function rolePermissionLabels(role: Role): string[] {
  const granted = ROLE_PERMISSIONS[role];
  return PERMISSIONS.filter((p) => granted.has(p)).map(permissionLabel);
}

/** One line for pickers: "Everything…" for a role holding every permission, else the list. */
export function roleSummary(role: Role): string {
  if (ROLE_PERMISSIONS[role].size === PERMISSIONS.length) return i18n.t('roles.everything');
  return rolePermissionLabels(role).join(' · ');
}
