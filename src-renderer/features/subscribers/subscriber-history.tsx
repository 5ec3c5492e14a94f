import { Pagination, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';

const PAGE_SIZE = 20;

/** A subscriber's history from the audit log, newest first (the page remounts it to re-read after a change). */
export function SubscriberHistory({ subscriberId }: { subscriberId: string }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const [page, setPage] = useState(1);
  const history = useRpc('subscribers.history', { subscriberId, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil((history.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('subscriberDetail.history')}</Title>
        <ErrorAlert error={history.error} onRetry={history.reload} />
        {!history.data && history.loading && <Skeleton height={80} />}
        {history.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('subscriberDetail.noHistory')}</Text>}
        {history.data && history.data.items.length > 0 && (
          <Table aria-label={t('subscriberDetail.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('subscriberDetail.when')}</Table.Th>
                <Table.Th>{t('subscriberDetail.who')}</Table.Th>
                <Table.Th>{t('subscriberDetail.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{tf.dateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</Text>
                    {e.summary && <Text size="xs" c="dimmed">{e.summary}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Stack>
    </Paper>
  );
}
