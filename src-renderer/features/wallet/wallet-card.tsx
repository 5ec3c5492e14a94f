import { Badge, Button, Group, Pagination, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCash, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@shared/domain/money';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { signedMoney } from './wallet-amount';
import { WalletDialogs, type WalletAction } from './wallet-dialogs';

const PAGE_SIZE = 20;

/** A subscriber's wallet: balance, ledger entries newest first, and (with payments.collect) record / adjust / reverse. */
export function WalletCard({ subscriberId, subscriberName, onChanged }: { subscriberId: string; subscriberName: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const principal = usePrincipal();
  const perms = principal.kind === 'staff' ? principal.permissions : [];
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const canRead = perms.includes('payments.read');
  const canCollect = perms.includes('payments.collect');
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<WalletAction | null>(null);
  const wallet = useRpc('wallet.get', { subscriberId, page, pageSize: PAGE_SIZE }, { enabled: canRead });
  if (!canRead) return null;
  const w = wallet.data;
  const pages = Math.max(1, Math.ceil((w?.entries.total ?? 0) / PAGE_SIZE));
  const money = (minor: number) => formatMoney(minor, currency, tf.locale);
  const changed = () => { wallet.reload(); onChanged?.(); };

  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="md" align="baseline">
            <Title order={4}>{t('wallet.title')}</Title>
            {w && <Text fw={700} aria-label={t('wallet.balance')} c={w.balanceMinor < 0 ? 'red' : undefined}>{money(w.balanceMinor)}</Text>}
          </Group>
          {canCollect && (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconScale size={16} />} onClick={() => setAction({ kind: 'adjust' })}>{t('wallet.adjust.open')}</Button>
              <Button leftSection={<IconCash size={16} />} onClick={() => setAction({ kind: 'record' })}>{t('wallet.record.open')}</Button>
            </Group>
          )}
        </Group>
        <ErrorAlert error={wallet.error} onRetry={wallet.reload} />
        {!w && wallet.loading && <Skeleton height={80} />}
        {w?.entries.items.length === 0 && <Text size="sm" c="dimmed">{t('wallet.noEntries')}</Text>}
        {w && w.entries.items.length > 0 && (
          <Table aria-label={t('wallet.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('wallet.col.when')}</Table.Th>
                <Table.Th>{t('wallet.col.kind')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('wallet.col.amount')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('wallet.col.balanceAfter')}</Table.Th>
                <Table.Th>{t('wallet.col.details')}</Table.Th>
                <Table.Th>{t('wallet.col.who')}</Table.Th>
                {canCollect && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.entries.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{tf.dateTime(e.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{t(`wallet.kind.${e.kind}`)}</Text>
                      {e.reversed && <Badge size="xs" color="gray" variant="light">{t('wallet.reversed')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} c={e.amountMinor < 0 ? 'red' : 'green'}>{signedMoney(e.amountMinor, currency, tf.locale)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(e.balanceAfterMinor)}</Table.Td>
                  <Table.Td>
                    {e.reference && <Text size="sm" ff="monospace">{e.reference}</Text>}
                    {e.reason && <Text size="xs" c="dimmed">{e.reason}</Text>}
                  </Table.Td>
                  <Table.Td>{e.actor.name}</Table.Td>
                  {canCollect && (
                    <Table.Td>
                      {!e.reversed && e.kind !== 'reversal' && (
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setAction({ kind: 'reverse', entry: e })}>
                          {t('wallet.reverse.open')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Stack>
      {canCollect && (
        <WalletDialogs action={action} subscriberId={subscriberId} subscriberName={subscriberName} currency={currency} onClose={() => setAction(null)} onDone={changed} />
      )}
    </Paper>
  );
}
