import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';
import type { PickedFile } from '../../app/upload';
import { ErrorAlert } from '../../components/error-alert';
import { FilePickField } from '../../components/file-pick-field';
import { summariseStatement, type StatementPreview } from './import-summary';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="xl">{value}</Text>
    </Paper>
  );
}

/** Statement file → preview (counts, row issues) → apply; the same file again previews as all duplicates. */
export function StatementImport({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [file, setFile] = useState<PickedFile | undefined>();
  const [preview, setPreview] = useState<StatementPreview | null>(null);
  const [result, setResult] = useState<OutputOf<'mpesa.statement.apply'> | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<{ message: string } | null>(null);

  const run = async (what: 'preview' | 'apply', picked: PickedFile) => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') {
        setResult(null);
        setPreview(await callIn('mpesa.statement.preview', { uploadId: picked.ref.uploadId }));
      } else {
        const r = await callIn('mpesa.statement.apply', { uploadId: picked.ref.uploadId, confirm: true });
        setResult(r);
        setPreview(null);
        // The upload is used up by apply; choosing the file again is the way to re-import.
        setFile(undefined);
        notifications.show({ color: 'green', title: t('mpesa.statement.doneTitle'), message: t('mpesa.statement.done', r) });
        onApplied();
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const s = preview ? summariseStatement(preview) : null;
  return (
    <Stack gap="md" maw={880}>
      <Text size="sm" c="dimmed">{t('mpesa.statement.intro')}</Text>
      <FilePickField
        purpose="mpesa-statement"
        label={t('mpesa.statement.file')}
        placeholder={t('mpesa.statement.filePlaceholder')}
        value={file}
        onChange={(f) => {
          setFile(f);
          setPreview(null);
          if (f) void run('preview', f);
        }}
      />
      <ErrorAlert error={error} />
      {busy === 'preview' && <Group gap="sm" role="status"><Loader size="sm" /><Text size="sm">{t('mpesa.statement.preview')}…</Text></Group>}
      {preview && s && file && (
        <Stack gap="sm">
          <Text fw={600}>{t('mpesa.statement.rows', { count: preview.rows })}</Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Count label={t('mpesa.statement.new')} value={s.newCount} />
            <Count label={t('mpesa.statement.unmatched')} value={s.unmatchedCount} />
            <Count label={t('mpesa.statement.duplicate')} value={s.duplicateCount} />
            <Count label={t('mpesa.statement.errors')} value={s.errorCount} />
            <Count label={t('mpesa.statement.skipped')} value={s.skippedCount} />
          </SimpleGrid>
          {s.skipped.length > 0 && (
            <Text size="sm" c="dimmed">{s.skipped.map((k) => `${k.count} ${t(`mpesa.statement.skipReason.${k.reason}`)}`).join(', ')}</Text>
          )}
          {preview.issues.length > 0 && (
            <>
              <Title order={5}>{t('mpesa.statement.issuesTitle')}</Title>
              {s.issuesTruncated && <Text size="xs" c="dimmed">{t('mpesa.statement.issuesTruncated', { shown: preview.issues.length, total: preview.errorCount })}</Text>}
              <Table aria-label={t('mpesa.statement.issuesTitle')} striped>
                <Table.Thead><Table.Tr>{(['line', 'receipt', 'problem', 'value'] as const).map((c) => <Table.Th key={c}>{t(`mpesa.statement.issueCol.${c}`)}</Table.Th>)}</Table.Tr></Table.Thead>
                <Table.Tbody>
                  {preview.issues.map((i) => (
                    <Table.Tr key={`${i.line}-${i.code}`}>
                      <Table.Td>{i.line}</Table.Td><Table.Td ff="monospace">{i.receipt ?? '—'}</Table.Td>
                      <Table.Td>{t(`mpesa.statement.issue.${i.code}`)}</Table.Td><Table.Td>{i.value ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {s.nothingToApply
            ? <Alert color="gray">{t('mpesa.statement.nothingToApply')}</Alert>
            : (
              <Button style={{ alignSelf: 'flex-start' }} loading={busy === 'apply'} disabled={busy !== null} onClick={() => void run('apply', file)}>
                {t('mpesa.statement.apply', { count: s.newCount + s.unmatchedCount })}
              </Button>
            )}
          {busy === 'apply' && <Text size="sm" role="status">{t('mpesa.statement.applying')}</Text>}
        </Stack>
      )}
      {result && <Alert color="green" title={t('mpesa.statement.doneTitle')}>{t('mpesa.statement.done', result)}</Alert>}
    </Stack>
  );
}
