import { Tabs } from '@mantine/core';
import { IconListDetails, IconShield } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressLists } from './address-lists';
import { FilterRules } from './filter-rules';
import type { RouterTabProps } from './tabs';

type View = 'address-lists' | 'filters';

/** Firewall: address lists (blocked / expired customers…) and the filter rules that use them. */
export function FirewallTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('address-lists');
  return (
    <Tabs value={view} onChange={(v) => v && setView(v as View)} variant="pills" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="address-lists" leftSection={<IconListDetails size={16} />}>{t('routerTabs.firewall.addressLists')}</Tabs.Tab>
        <Tabs.Tab value="filters" leftSection={<IconShield size={16} />}>{t('routerTabs.firewall.filters')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="address-lists"><AddressLists router={router} /></Tabs.Panel>
      <Tabs.Panel value="filters"><FilterRules router={router} /></Tabs.Panel>
    </Tabs>
  );
}
