import { Badge, Button, Group, Modal, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentEntry, AgentSummary } from '@shared/contract/voucher-sales';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { CsvDownloadButton } from '../../components/csv-export-button';
import { ErrorAlert } from '../../components/error-alert';
import { useMoney } from '../payments/use-money';

const PAGE = 20;

/** An agent's float, entries newest first with the running balance; top-ups and adjustments can be reversed (asked first). */
export function AgentStatementModal({ agent, onClose, onChanged }: { agent: AgentSummary | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const callIn = useCall();
  const principal = usePrincipal();
  const mayReverse = principal.kind === 'staff' && principal.permissions.includes('payments.collect');
  const [page, setPage] = useState(1);
  const [reversing, setReversing] = useState<AgentEntry | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => setPage(1), [agent]);
  const st = useRpc('agents.statement', { agentId: agent?.id ?? '', page, pageSize: PAGE }, { enabled: agent !== null });
  const entries = st.data?.entries;
  const detail = (e: AgentEntry) => [e.method ? t(`payments.provider.${e.method}`) : '', e.reference ?? '', e.reason ?? ''].filter(Boolean).join(' · ');

  return (
    <Modal opened={agent !== null} onClose={onClose} size="xl" title={t('voucherSales.statement.title', { name: agent?.name ?? '' })}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600}>{t('voucherSales.statement.balance', { balance: money(st.data?.agent.balanceMinor ?? agent?.balanceMinor ?? 0) })}</Text>
          {agent && <CsvDownloadButton load={() => callIn('vouchers.export.csv', { report: 'statement', agentId: agent.id })}
            label={t('voucherSales.statement.csv')} failedTitle={t('voucherSales.reports.csvFailed')} />}
        </Group>
        <ErrorAlert error={st.error ?? null} onRetry={st.reload} />
        {entries && entries.total === 0 && <Text size="sm" c="dimmed">{t('voucherSales.statement.empty')}</Text>}
        {entries && entries.total > 0 && (
          <Table aria-label={t('voucherSales.statement.title', { name: agent?.name ?? '' })}>
            <Table.Thead>
              <Table.Tr>
                {(['seq', 'at', 'kind', 'amount', 'balance', 'detail', 'by'] as const).map((c) => (
                  <Table.Th key={c} ta={c === 'amount' || c === 'balance' ? 'right' : undefined}>{t(`voucherSales.statement.col.${c}`)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{tf.dateTime(e.createdAt)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4}>{t(`voucherSales.statement.kind.${e.kind}`)}{e.reversed && <Badge size="xs" color="gray">{t('voucherSales.statement.reversed')}</Badge>}</Group>
                  </Table.Td>
                  <Table.Td ta="right">{money(e.amountMinor)}</Table.Td>
                  <Table.Td ta="right">{money(e.balanceAfterMinor)}</Table.Td>
                  <Table.Td><Text size="sm">{detail(e)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{e.actor.name}</Text></Table.Td>
                  <Table.Td>
                    {mayReverse && !e.reversed && (e.kind === 'top-up' || e.kind === 'adjustment') && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => {
                        setReason('');
                        setReversing(e);
                      }}>{t('voucherSales.statement.reverse')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {entries && entries.total > PAGE && <Pagination total={Math.ceil(entries.total / PAGE)} value={page} onChange={setPage} />}
      </Stack>
      <ConfirmModal
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        title={t('voucherSales.statement.reverseTitle', { seq: reversing?.seq ?? 0 })}
        confirmLabel={t('voucherSales.statement.reverseConfirm')}
        color="red"
        confirmDisabled={reason.trim().length < 3}
        onConfirm={async () => {
          if (!reversing) return;
          await callIn('agents.reverse', { entryId: reversing.id, reason });
          notifications.show({ color: 'green', title: t('voucherSales.statement.reversedTitle'), message: agent?.name ?? '' });
          st.reload();
          onChanged();
        }}
      >
        <Text size="sm">{t('voucherSales.statement.reverseBody', { amount: money(-(reversing?.amountMinor ?? 0)) })}</Text>
        <TextInput label={t('voucherSales.statement.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
      </ConfirmModal>
    </Modal>
  );
}
