import { Badge, Group } from '@mantine/core';
import type { Role } from '@shared/domain/permissions';
import { roleName } from './role-text';

const COLORS: Record<Role, string> = { ADMIN: 'grape', CASHIER: 'teal', TECHNICIAN: 'orange', SUPPORT: 'cyan', VIEWER: 'gray' };

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  return (
    <Group gap={4}>
      {roles.map((r) => <Badge key={r} color={COLORS[r]} variant="light" size="sm" style={{ flexShrink: 0 }}>{roleName(r)}</Badge>)}
    </Group>
  );
}
