import { Stack, Tabs } from '@mantine/core';
import { IconListDetails, IconRouter, IconStack2, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherBatchSummary } from '@shared/contract/hotspot';
import { PageHeader } from '../../components/page-header';
import { BatchesTab } from './batches-tab';
import { PlansTab } from './plans-tab';
import { RouterViewTab } from './router-view-tab';
import { VouchersTab } from './vouchers-tab';

type View = 'batches' | 'vouchers' | 'plans' | 'router';

/**
 * The Hotspot area: batches first (what a shop does daily), their vouchers, the plans, and the router's
 * own view. Tabs unmount when left, so each reads fresh data (plan names after an edit) when opened.
 */
export function HotspotPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('batches');
  const [batch, setBatch] = useState<VoucherBatchSummary | null>(null);
  return (
    <Stack gap="md">
      <PageHeader title={t('hotspot.title')} description={t('hotspot.intro')} />
      <Tabs value={view} onChange={(v) => v && setView(v as View)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="batches" leftSection={<IconStack2 size={16} />}>{t('hotspot.tab.batches')}</Tabs.Tab>
          <Tabs.Tab value="vouchers" leftSection={<IconTicket size={16} />}>{t('hotspot.tab.vouchers')}</Tabs.Tab>
          <Tabs.Tab value="plans" leftSection={<IconListDetails size={16} />}>{t('hotspot.tab.plans')}</Tabs.Tab>
          <Tabs.Tab value="router" leftSection={<IconRouter size={16} />}>{t('hotspot.tab.router')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="batches">
          <BatchesTab onShowVouchers={(b) => {
            setBatch(b);
            setView('vouchers');
          }} />
        </Tabs.Panel>
        <Tabs.Panel value="vouchers"><VouchersTab batch={batch} onClearBatch={() => setBatch(null)} /></Tabs.Panel>
        <Tabs.Panel value="plans"><PlansTab /></Tabs.Panel>
        <Tabs.Panel value="router"><RouterViewTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
