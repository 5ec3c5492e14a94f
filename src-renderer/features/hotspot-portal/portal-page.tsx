import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { PageHeader } from '../../components/page-header';
import { PortalInstall } from './portal-install';
import { PortalPreview } from './portal-preview';
import { PortalPurchases } from './portal-purchases';
import { PortalSettingsForm } from './portal-settings-form';

type Tab = 'settings' | 'preview' | 'purchases';

/** The Hotspot portal area: settings and install, a sandboxed preview of the pages, and the portal's M-Pesa purchases. */
export function PortalPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const settings = useRpc('portal.settings.get', {});
  const [tab, setTab] = useState<Tab>('settings');
  // Saving bumps this so the preview re-reads the pages.
  const [version, setVersion] = useState(0);

  return (
    <Stack gap="md">
      <PageHeader title={t('portal.title')} description={t('portal.intro')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="settings">{t('portal.tab.settings')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('portal.tab.preview')}</Tabs.Tab>
          <Tabs.Tab value="purchases">{t('portal.tab.purchases')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings">
          <Stack gap="md">
            <PortalSettingsForm canManage={canManage} onSaved={() => { settings.reload(); setVersion((n) => n + 1); }} />
            {canManage && <PortalInstall configured={!!settings.data?.lanAddress} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview"><PortalPreview version={version} /></Tabs.Panel>
        <Tabs.Panel value="purchases"><PortalPurchases /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
