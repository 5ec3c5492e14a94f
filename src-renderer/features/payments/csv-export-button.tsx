import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { CsvDownloadButton } from '../../components/csv-export-button';

/** Saves the payments list on screen (payments, unmatched or collections) as CSV. */
export function CsvExportButton({ input }: { input: InputOf<'payments.export.csv'> }) {
  const { t } = useTranslation();
  const callIn = useCall();
  return <CsvDownloadButton load={() => callIn('payments.export.csv', input)} label={t('payments.csv.export')} failedTitle={t('payments.csv.failed')} />;
}
