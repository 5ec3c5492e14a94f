import { Alert, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { fieldMessage } from '../../app/field-messages';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';

type Preview = OutputOf<'subscribers.import.preview'>;

/** CSV import: pick a file → preview with each row's errors → confirm imports the valid rows only. */
export function ImportModal({ opened, onClose, onImported }: { opened: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [csv, setCsv] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<OutputOf<'subscribers.import.apply'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  useEffect(() => {
    if (opened) { setCsv(null); setFile(null); setPreview(null); setResult(null); setError(null); }
  }, [opened]);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try { await work(); } catch (e) { setError(toApiError(e)); } finally { setBusy(false); }
  };

  const pick = (f: File | null) => {
    setFile(f);
    setPreview(null);
    if (!f) return;
    void attempt(async () => {
      const text = await f.text();
      setCsv(text);
      setPreview(await callIn('subscribers.import.preview', { csv: text }));
    });
  };

  const apply = () => attempt(async () => {
    if (!csv) return;
    setResult(await callIn('subscribers.import.apply', { csv, confirm: true }));
    onImported();
  });

  const invalidRows = preview?.rows.filter((r) => Object.keys(r.errors).length > 0) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('csvImport.title')} size="xl" closeOnClickOutside={!busy}>
      <Stack gap="md">
        {result ? (
          <Alert color="green" variant="light" title={t('csvImport.doneTitle')}>{t('csvImport.doneBody', { created: result.created, skipped: result.skipped })}</Alert>
        ) : (
          <>
            <Text size="sm">{t('csvImport.intro')}</Text>
            <FileInput label={t('csvImport.file')} placeholder={t('examples.csvFile')} accept=".csv,text/csv" value={file} onChange={pick} leftSection={<IconFileImport size={16} />} />
            {preview && (
              <Text size="sm" fw={600}>{t('csvImport.summary', { valid: preview.valid, invalid: preview.invalid })}</Text>
            )}
            {invalidRows.length > 0 && (
              <ScrollArea.Autosize mah={300}>
                <Table aria-label={t('csvImport.errorsLabel')} striped>
                  <Table.Thead>
                    <Table.Tr><Table.Th>{t('csvImport.line')}</Table.Th><Table.Th>{t('csvImport.column')}</Table.Th><Table.Th>{t('csvImport.problem')}</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {invalidRows.flatMap((r) => Object.entries(r.errors).map(([column, message]) => (
                      <Table.Tr key={`${r.line}-${column}`}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td ff="monospace">{column}</Table.Td>
                        <Table.Td>{fieldMessage(message)}</Table.Td>
                      </Table.Tr>
                    )))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>{t(result ? 'common.close' : 'common.cancel')}</Button>
          {!result && (
            <Button onClick={() => void apply()} loading={busy} disabled={!preview || preview.valid === 0}>
              {t('csvImport.apply', { count: preview?.valid ?? 0 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
