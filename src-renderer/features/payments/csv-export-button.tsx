import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { downloadBlob } from '../../app/files';
import { useCall } from '../../app/scope-context';

/** Saves the list on screen as CSV: main writes every row of the current filters, not just this page. */
export function CsvExportButton({ input }: { input: InputOf<'payments.export.csv'> }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [busy, setBusy] = useState(false);
  return (
    <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => {
      setBusy(true);
      callIn('payments.export.csv', input).then(
        (r) => downloadBlob(r.fileName, new Blob([r.csv], { type: 'text/csv;charset=utf-8' })),
        (e: unknown) => notifications.show({ color: 'red', title: t('payments.csv.failed'), message: (e as { message: string }).message }),
      ).finally(() => setBusy(false));
    }}>
      {t('payments.csv.export')}
    </Button>
  );
}
