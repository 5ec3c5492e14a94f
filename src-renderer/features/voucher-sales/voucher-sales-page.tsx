import { Alert, Button, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { PageHeader } from '../../components/page-header';
import { AgentsTab } from './agents-tab';
import { ReportsTab } from './reports-tab';
import { SalesTab } from './sales-tab';
import { SellDialog } from './sell-dialog';

type Tab = 'sales' | 'agents' | 'reports';

/** The plans under their low-stock threshold, named in one warning above the tabs. */
function LowStockAlert() {
  const { t } = useTranslation();
  const low = useRpc('vouchers.stock', { page: 1, pageSize: 50, lowOnly: true });
  const plans = low.data?.items ?? [];
  if (plans.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('voucherSales.lowStock.title')}>
      {t('voucherSales.lowStock.body', { plans: plans.map((p) => `${p.planName} (${p.available})`).join(', ') })}
    </Alert>
  );
}

/** The Voucher sales area: sales (and the Sell button), agents with their float, stock and revenue reports. */
export function VoucherSalesPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const may = (p: string) => principal.kind === 'staff' && principal.permissions.some((x) => x === p);
  const [tab, setTab] = useState<Tab>('sales');
  const [selling, setSelling] = useState(false);
  // Bumped after every change so the lists and the alert read again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('voucherSales.title')}
        description={t('voucherSales.intro')}
        actions={may('vouchers.sell') && <Button leftSection={<IconTicket size={16} />} onClick={() => setSelling(true)}>{t('voucherSales.sell.open')}</Button>}
      />
      <LowStockAlert key={version} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sales">{t('voucherSales.tab.sales')}</Tabs.Tab>
          {may('payments.read') && <Tabs.Tab value="agents">{t('voucherSales.tab.agents')}</Tabs.Tab>}
          <Tabs.Tab value="reports">{t('voucherSales.tab.reports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sales"><SalesTab key={version} /></Tabs.Panel>
        <Tabs.Panel value="agents"><AgentsTab onChanged={changed} /></Tabs.Panel>
        <Tabs.Panel value="reports"><ReportsTab key={version} onChanged={changed} /></Tabs.Panel>
      </Tabs>
      <SellDialog opened={selling} onClose={() => setSelling(false)} onDone={changed} />
    </Stack>
  );
}
