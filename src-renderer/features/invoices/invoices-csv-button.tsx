import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { downloadBlob } from '../../app/files';
import { useCall } from '../../app/scope-context';

/** Saves the invoices of the filters on screen as CSV; main writes every row with the payments' CSV writer. */
export function InvoicesCsvButton({ input }: { input: InputOf<'invoices.export.csv'> }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [busy, setBusy] = useState(false);
  return (
    <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => {
      setBusy(true);
      callIn('invoices.export.csv', input).then(
        (r) => downloadBlob(r.fileName, new Blob([r.csv], { type: 'text/csv;charset=utf-8' })),
        (e: unknown) => notifications.show({ color: 'red', title: t('invoices.csvFailed'), message: (e as { message: string }).message }),
      ).finally(() => setBusy(false));
    }}>
      {t('invoices.csvExport')}
    </Button>
  );
}
