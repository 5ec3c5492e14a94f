import { Alert, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { PageHeader } from '../../components/page-header';
import { C2bAddresses } from './c2b-addresses';
import { MpesaSettingsForm } from './mpesa-settings-form';
import { SmsPaste } from './sms-paste';
import { StatementImport } from './statement-import';
import { StkRequestForm } from './stk-request-form';

type Tab = 'request' | 'statement' | 'sms' | 'settings';

/** The M-Pesa area: request a payment (STK), import a statement, paste SMS and, for admins, the Daraja settings. */
export function MpesaPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canSettings = principal.kind === 'staff' && principal.permissions.includes('settings.read');
  const canManage = principal.kind === 'staff' && principal.permissions.includes('settings.manage');
  const settings = useRpc('mpesa.settings.get', {}, { enabled: canSettings });
  const [tab, setTab] = useState<Tab>('request');
  // Without settings.read the screen cannot know; main's "not configured" answer then says it on Send.
  const notConfigured = settings.data && !settings.data.configured;

  return (
    <Stack gap="md">
      <PageHeader title={t('mpesa.title')} description={t('mpesa.intro')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="request">{t('mpesa.tab.request')}</Tabs.Tab>
          <Tabs.Tab value="statement">{t('mpesa.tab.statement')}</Tabs.Tab>
          <Tabs.Tab value="sms">{t('mpesa.tab.sms')}</Tabs.Tab>
          {canSettings && <Tabs.Tab value="settings">{t('mpesa.tab.settings')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="request">
          <Stack gap="md" maw={560}>
            {notConfigured && <Alert color="orange">{t('mpesa.notConfigured')}</Alert>}
            <StkRequestForm prefill={{ subscriberId: null, phone: '', amountMinor: null }} withPicker />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="statement"><StatementImport onApplied={() => undefined} /></Tabs.Panel>
        <Tabs.Panel value="sms"><SmsPaste onApplied={() => undefined} /></Tabs.Panel>
        {canSettings && (
          <Tabs.Panel value="settings">
            <Stack gap="md">
              <MpesaSettingsForm onSaved={settings.reload} />
              {canManage && <C2bAddresses />}
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
