import { ActionIcon, AppShell, Burger, Group, Tooltip } from '@mantine/core';
import { useDisclosure, useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertsBell } from '../../features/routers/alerts-bell';
import { DemoOutageButton } from '../../features/tenancy/demo-outage-button';
import { DemoBadge } from '../../features/tenancy/tenant-status-badge';
import { usePrincipal } from '../scope-context';
import { Brand } from './brand';
import { ColorSchemeMenu } from './color-scheme-menu';
import { Sidebar } from './sidebar';
import { TenantSwitcher } from './tenant-switcher';
import { UserMenu } from './user-menu';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const principal = usePrincipal();
  const isDemo = principal.kind === 'staff' && principal.tenant.isDemo;
  // Below ~1200 px the sidebar shrinks to icons so tables keep their width; the toggle overrides either way.
  const narrow = useMediaQuery('(max-width: 1199px)', false, { getInitialValueInEffect: false });
  const [choice, setChoice] = useLocalStorage<'icons' | 'full' | 'auto'>({ key: 'isp-desk.sidebar', defaultValue: 'auto' });
  const iconsOnly = choice === 'auto' ? narrow : choice === 'icons';
  const Toggle = iconsOnly ? IconLayoutSidebarLeftExpand : IconLayoutSidebarLeftCollapse;
  const toggleLabel = t(iconsOnly ? 'shell.expandSidebar' : 'shell.collapseSidebar');
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: iconsOnly ? 64 : 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={narrow ? 'md' : 'lg'}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <Tooltip label={toggleLabel}>
              <ActionIcon variant="subtle" color="gray" size="lg" visibleFrom="sm" aria-label={toggleLabel} onClick={() => setChoice(iconsOnly ? 'full' : 'icons')}>
                <Toggle size={20} />
              </ActionIcon>
            </Tooltip>
            <Brand />
            {isDemo && <DemoBadge size="lg" />}
            {isDemo && <DemoOutageButton />}
            <TenantSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <AlertsBell />
            <ColorSchemeMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={iconsOnly ? 'xs' : 'sm'}>
        <Sidebar onNavigate={close} iconsOnly={iconsOnly} />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
