import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { RevenueReport } from './revenue-report';
import { StockReport } from './stock-report';

/** Stock per plan (anyone here) and revenue (those who read payments). */
export function ReportsTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const mayReadMoney = principal.kind === 'staff' && principal.permissions.includes('payments.read');
  return (
    <Stack gap="lg">
      <Title order={4}>{t('voucherSales.reports.stockTitle')}</Title>
      <StockReport onChanged={onChanged} />
      {mayReadMoney && <RevenueReport />}
    </Stack>
  );
}
