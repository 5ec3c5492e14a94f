import { Tabs } from '@mantine/core';
import { IconTicket, IconUsers, IconWifi } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HotspotActive } from './hotspot-active';
import { HotspotProfiles } from './hotspot-profiles';
import { HotspotUsers } from './hotspot-users';
import type { HotspotRouterProps } from './tabs';

type View = 'active' | 'users' | 'profiles';

/** Hotspot: who is online now, the vouchers (users) on the router, and their profiles. */
export function HotspotTab({ router }: HotspotRouterProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('active');
  return (
    <Tabs value={view} onChange={(v) => v && setView(v as View)} variant="pills" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="active" leftSection={<IconWifi size={16} />}>{t('routerTabs.hotspot.active')}</Tabs.Tab>
        <Tabs.Tab value="users" leftSection={<IconTicket size={16} />}>{t('routerTabs.hotspot.users')}</Tabs.Tab>
        <Tabs.Tab value="profiles" leftSection={<IconUsers size={16} />}>{t('routerTabs.hotspot.profiles')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="active"><HotspotActive router={router} /></Tabs.Panel>
      <Tabs.Panel value="users"><HotspotUsers router={router} /></Tabs.Panel>
      <Tabs.Panel value="profiles"><HotspotProfiles router={router} /></Tabs.Panel>
    </Tabs>
  );
}
