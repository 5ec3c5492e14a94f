import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { IconBuildingCommunity, IconCircleCheckFilled, IconSelector, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../features/tenancy/use-directory';
import { TenantStatusBadge } from '../../features/tenancy/tenant-status-badge';
import { navigate } from '../router';
import { paths } from '../paths';
import { usePrincipal, useScope } from '../scope-context';
import { PLATFORM, useSessionStore, type Scope } from '../session-store';

/**
 * Lists the ISP profiles of this installation and platform administration. A profile with a live
 * session opens directly; otherwise its sign-in screen opens with it preselected. Inside an ISP with
 * no other profile there is nothing to switch to: the switcher stays hidden (platform administration
 * is in the account menu).
 */
export function TenantSwitcher() {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const sessions = useSessionStore((s) => s.sessions);
  const directory = useDirectory();
  const current = principal.kind === 'platform' ? t('switcher.platform') : principal.tenant.name;
  if (scope !== PLATFORM && (directory.items?.length ?? 0) < 2) return null;

  const go = (target: Scope) => {
    navigate(sessions[target] ? paths.home(target) : paths.signIn(target));
  };
  const signedIn = (target: Scope) =>
    sessions[target] ? <IconCircleCheckFilled size={14} color="var(--mantine-color-green-6)" aria-label={t('switcher.signedIn')} /> : null;

  return (
    <Menu position="bottom-start" width={300} onOpen={directory.reload}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={scope === PLATFORM ? <IconShieldLock size={16} /> : <IconBuildingCommunity size={16} />}
          rightSection={<IconSelector size={14} />}
          aria-label={t('switcher.label', { current })}
          maw={280}
        >
          <Text size="sm" fw={600} truncate>{current}</Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('switcher.profiles')}</Menu.Label>
        {(directory.items ?? []).map((item) => (
          <Menu.Item
            key={item.id}
            onClick={() => go(item.id)}
            leftSection={<IconBuildingCommunity size={16} />}
            rightSection={
              <Group gap={6} wrap="nowrap">
                {item.isDemo && <Badge size="xs" color="orange">{t('app.demo')}</Badge>}
                {item.status !== 'active' && <TenantStatusBadge status={item.status} size="xs" />}
                {signedIn(item.id)}
              </Group>
            }
            bg={item.id === scope ? 'var(--mantine-color-default-hover)' : undefined}
          >
            {item.name}
          </Menu.Item>
        ))}
        {directory.items?.length === 0 && <Menu.Item disabled>{t('switcher.none')}</Menu.Item>}
        <Menu.Divider />
        <Menu.Item onClick={() => go(PLATFORM)} leftSection={<IconShieldLock size={16} />} rightSection={signedIn(PLATFORM)}>
          {t('switcher.platform')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
