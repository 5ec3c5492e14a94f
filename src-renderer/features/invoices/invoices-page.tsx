import { Button, Group, Select, Stack } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES, type InvoiceStatus } from '@shared/domain/invoice-totals';
import type { InvoiceSummary } from '@shared/contract/invoices';
import { formatMoney } from '@shared/domain/money';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { invoiceColumns } from './invoice-columns';
import { InvoiceDialogs } from './invoice-dialogs';
import type { InvoiceAction } from './invoice-form';
import { InvoiceFormModal } from './invoice-form-modal';
import { InvoicePdfModal } from './invoice-pdf-modal';
import { InvoiceSettingsModal } from './invoice-settings-modal';
import { InvoicesCsvButton } from './invoices-csv-button';

/** The Invoices area: the list (status filter, search), a new draft, issue, void and the PDF. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const principal = usePrincipal();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const canCollect = principal.kind === 'staff' && principal.permissions.includes('payments.collect');
  const money = useMemo(() => (minor: number) => formatMoney(minor, currency, tf.locale), [currency, tf.locale]);
  const query = useTableQuery<never, { status: InvoiceStatus | undefined }>({ filters: { status: undefined } });
  const list = useRpc('invoices.list', query.input);
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{ action: 'issue' | 'void'; invoice: InvoiceSummary } | null>(null);

  const [pdfOf, setPdfOf] = useState<InvoiceSummary | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const settings = useRpc('invoices.settings.get', {}, { enabled: showSettings });
  const canManageSettings = principal.kind === 'staff' && principal.permissions.includes('settings.manage');
  const csvInput = { ...(query.filters.status ? { status: query.filters.status } : {}), ...(query.input.q ? { q: query.input.q } : {}) };

  const columns = useMemo(() => {
    const onAction = (action: InvoiceAction, invoice: InvoiceSummary) => {
      if (action === 'pdf') setPdfOf(invoice);
      else setDialog({ action, invoice });
    };
    return invoiceColumns({ t, tf, money, canCollect, onAction });
  }, [t, tf, money, canCollect]);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('invoices.title')}
        description={t('invoices.intro')}
        actions={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setShowSettings(true)}>{t('invoices.settings.open')}</Button>
            <InvoicesCsvButton input={csvInput} />
            {canCollect && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('invoices.create')}</Button>}
          </Group>
        }
      />
      <DataTable
        label={t('invoices.title')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(i) => i.id}
        query={query}
        searchPlaceholder={t('invoices.search')}
        filters={
          <Select
            aria-label={t('invoices.filter.status')}
            placeholder={t('invoices.filter.allStatuses')}
            data={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))}
            value={query.filters.status ?? null}
            onChange={(v) => query.setFilter('status', (v ?? undefined) as InvoiceStatus | undefined)}
            clearable
            w={180}
          />
        }
        empty={<EmptyNotice title={t('invoices.emptyTitle')} description={t('invoices.emptyBody')}
          action={canCollect ? <Button onClick={() => setCreating(true)}>{t('invoices.create')}</Button> : undefined} />}
      />
      <InvoiceFormModal opened={creating} currency={currency} money={money} onClose={() => setCreating(false)} onDone={list.reload} />
      <InvoicePdfModal invoice={pdfOf} onClose={() => setPdfOf(null)} />
      <InvoiceSettingsModal opened={showSettings} canManage={canManageSettings} settings={settings.data ?? null} error={settings.error ?? null}
        onClose={() => setShowSettings(false)} onSaved={settings.reload} />
      {dialog && <InvoiceDialogs action={dialog.action} invoice={dialog.invoice} money={money} onClose={() => setDialog(null)} onDone={list.reload} />}
    </Stack>
  );
}
