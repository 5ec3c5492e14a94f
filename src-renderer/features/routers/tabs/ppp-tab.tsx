import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterTabProps } from '../dashboard/tabs';
import { PppActiveSessions } from './ppp-active';
import { PppProfiles } from './ppp-profiles';
import { PppSecrets } from './ppp-secrets';

type Section = 'active' | 'secrets' | 'profiles';

/** PPP: active sessions (kick), secrets (accounts) and profiles (plans). */
export function PppTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('active');
  return (
    <Tabs value={section} onChange={(v) => setSection((v ?? 'active') as Section)} variant="pills" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="active">{t('routers.ppp.activeTitle')}</Tabs.Tab>
        <Tabs.Tab value="secrets">{t('routers.ppp.secretsTitle')}</Tabs.Tab>
        <Tabs.Tab value="profiles">{t('routers.ppp.profilesTitle')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="active"><PppActiveSessions routerId={router.id} /></Tabs.Panel>
      <Tabs.Panel value="secrets"><PppSecrets routerId={router.id} /></Tabs.Panel>
      <Tabs.Panel value="profiles"><PppProfiles routerId={router.id} /></Tabs.Panel>
    </Tabs>
  );
}
