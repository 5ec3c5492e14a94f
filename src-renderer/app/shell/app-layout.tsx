import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertsBell } from '../../features/routers/alerts-bell';
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
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="xl">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <Brand />
            {isDemo && <DemoBadge size="lg" />}
            <TenantSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <AlertsBell />
            <ColorSchemeMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Sidebar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
