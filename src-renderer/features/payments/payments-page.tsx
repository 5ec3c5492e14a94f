import { Badge, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from '../../app/router';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { PageHeader } from '../../components/page-header';
import { AllPaymentsTab } from './all-payments-tab';
import { CollectionsTab } from './collections-tab';
import { UnmatchedTab } from './unmatched-tab';

type Tab = 'all' | 'unmatched' | 'collections';
const TABS: readonly Tab[] = ['all', 'unmatched', 'collections'];

/** The tab a link opens (`?tab=unmatched` from Home's badge); anything else opens all payments. */
export function tabFromQuery(query: URLSearchParams): Tab {
  const asked = query.get('tab');
  return TABS.find((tab) => tab === asked) ?? 'all';
}

/** The Payments area: all payments, the unmatched queue (with its count) and a day's collections. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const [tab, setTab] = useState<Tab>(() => tabFromQuery(query));
  const counted = useRpc('payments.unmatched.count', {});
  // The event carries the new count; a reload would cost a round trip for the same number.
  const [pushed, setPushed] = useState<number | null>(null);
  useEvent('payments.unmatched-changed', (p) => setPushed(p.count));
  const count = pushed ?? counted.data?.count ?? 0;

  return (
    <Stack gap="md">
      <PageHeader title={t('payments.title')} description={t('payments.intro')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="all">{t('payments.tab.all')}</Tabs.Tab>
          <Tabs.Tab
            value="unmatched"
            rightSection={count > 0 ? <Badge size="sm" color="orange" circle={count < 10} aria-label={t('payments.unmatchedCount', { count })}>{count}</Badge> : undefined}
          >
            {t('payments.tab.unmatched')}
          </Tabs.Tab>
          <Tabs.Tab value="collections">{t('payments.tab.collections')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="all"><AllPaymentsTab /></Tabs.Panel>
        <Tabs.Panel value="unmatched">
          <UnmatchedTab onChanged={() => {
            setPushed(null);
            counted.reload();
          }} />
        </Tabs.Panel>
        <Tabs.Panel value="collections"><CollectionsTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
