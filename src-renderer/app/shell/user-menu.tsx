import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../../features/auth/sign-out';
import { roleName } from '../../features/auth/role-text';
import { initials } from '../format';
import { navigate } from '../router';
import { paths } from '../paths';
import { usePrincipal, useScope } from '../scope-context';
import { PLATFORM, useSessionStore } from '../session-store';

export function UserMenu() {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const platformOpen = useSessionStore((s) => Boolean(s.sessions[PLATFORM]));
  const roleLine = principal.kind === 'platform' ? t('shell.platformAdmin') : principal.roles.map(roleName).join(', ');
  if (!scope) return null;
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.accountMenu')}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="brand" radius="xl" size={34}>{initials(principal.fullName)}</Avatar>
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600} visibleFrom="md">{principal.fullName}</Text>
              <Text size="xs" c="dimmed" visibleFrom="md">{roleLine}</Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{principal.email}</Menu.Label>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate(paths.changePassword(scope))}>
          {t('shell.changePassword')}
        </Menu.Item>
        {scope !== PLATFORM && (
          // Platform administration (ISP profiles, export, suspension) is rare work: one click away, not in the way.
          <Menu.Item
            leftSection={<IconShieldLock size={16} />}
            onClick={() => navigate(platformOpen ? paths.home(PLATFORM) : paths.signIn(PLATFORM))}
          >
            {t('shell.platformAdministration')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut(scope)}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
