import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { CsvDownloadButton } from '../../components/csv-export-button';

/** Saves the invoices of the filters on screen as CSV; main writes every row with the payments' CSV writer. */
export function InvoicesCsvButton({ input }: { input: InputOf<'invoices.export.csv'> }) {
  const { t } = useTranslation();
  const callIn = useCall();
  return <CsvDownloadButton load={() => callIn('invoices.export.csv', input)} label={t('invoices.csvExport')} failedTitle={t('invoices.csvFailed')} />;
}
