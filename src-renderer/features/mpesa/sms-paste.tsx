import { Alert, Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { useMoney } from '../payments/use-money';
import { summariseSms, type SmsPreviewRow } from './import-summary';

const FATE_COLOR: Record<SmsPreviewRow['fate'], string> = { new: 'green', duplicate: 'gray', unmatched: 'orange', ignored: 'red' };

/** Pasted confirmation SMS → preview of each message (receipt, amount, matched or not, why ignored) → apply. */
export function SmsPaste({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const money = useMoney();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<SmsPreviewRow[] | null>(null);
  const [result, setResult] = useState<OutputOf<'mpesa.sms.apply'> | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> | undefined } | null>(null);

  const run = async (what: 'preview' | 'apply') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') {
        setResult(null);
        setRows((await callIn('mpesa.sms.preview', { text })).rows);
      } else {
        const r = await callIn('mpesa.sms.apply', { text, confirm: true });
        setResult(r);
        setRows(null);
        setText('');
        notifications.show({ color: 'green', title: t('mpesa.sms.doneTitle'), message: t('mpesa.sms.done', r) });
        onApplied();
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const s = rows ? summariseSms(rows) : null;
  return (
    <Stack gap="md" maw={960}>
      <Text size="sm" c="dimmed">{t('mpesa.sms.intro')}</Text>
      <Textarea
        label={t('mpesa.sms.text')}
        placeholder={t('mpesa.sms.placeholder')}
        autosize
        minRows={5}
        maxRows={14}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setRows(null);
        }}
        error={error?.fields?.text}
      />
      <Group>
        <Button variant="default" onClick={() => void run('preview')} loading={busy === 'preview'} disabled={text.trim() === '' || busy !== null}>{t('mpesa.sms.preview')}</Button>
        {s && !s.nothingToApply && <Button onClick={() => void run('apply')} loading={busy === 'apply'} disabled={busy !== null}>{t('mpesa.sms.apply')}</Button>}
      </Group>
      {!error?.fields && <ErrorAlert error={error} />}
      {rows && s && (
        <Stack gap="sm">
          <Text fw={600} role="status">{t('mpesa.sms.summary', { ...s })}</Text>
          {s.nothingToApply && <Alert color="gray">{t('mpesa.sms.nothingToApply')}</Alert>}
          <Table aria-label={t('mpesa.sms.text')} striped>
            <Table.Thead>
              <Table.Tr>{(['index', 'receipt', 'amount', 'payer', 'account', 'fate'] as const).map((c) => <Table.Th key={c}>{t(`mpesa.sms.col.${c}`)}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.index}>
                  <Table.Td>{r.index + 1}</Table.Td>
                  <Table.Td ff="monospace">{r.receipt ?? '—'}</Table.Td>
                  <Table.Td>{r.amountMinor === null ? '—' : money(r.amountMinor)}</Table.Td>
                  <Table.Td>{r.name ?? '—'}</Table.Td>
                  <Table.Td>{r.accountRef ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={FATE_COLOR[r.fate]}>{t(`mpesa.sms.fate.${r.fate}`)}</Badge>
                    {r.reason && <Text size="xs" c="dimmed">{t(`mpesa.sms.reason.${r.reason}`)}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {result && <Alert color="green" title={t('mpesa.sms.doneTitle')}>{t('mpesa.sms.done', result)}</Alert>}
    </Stack>
  );
}
