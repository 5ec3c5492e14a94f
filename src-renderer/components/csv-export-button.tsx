import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadBlob } from '../app/files';

/** Saves a list as CSV: `load` asks main for every row of the current filters, not just the page on screen. */
export function CsvDownloadButton({ load, label, failedTitle }: {
  load: () => Promise<{ fileName: string; csv: string }>;
  label: string;
  failedTitle: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => {
      setBusy(true);
      load().then(
        (r) => downloadBlob(r.fileName, new Blob([r.csv], { type: 'text/csv;charset=utf-8' })),
        (e: unknown) => notifications.show({ color: 'red', title: failedTitle, message: (e as { message: string }).message }),
      ).finally(() => setBusy(false));
    }}>
      {label}
    </Button>
  );
}
