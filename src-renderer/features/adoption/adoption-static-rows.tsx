import { Badge, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useTimeFormat } from '../../app/time-format';

type Preview = OutputOf<'adoption.preview'>;

/** Static customers (simple queues with their static leases, leases alone): the package each joins, or why it is left out. */
export function AdoptionStaticRows({ preview, page, onPage }: { preview: Preview; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const rows = preview.staticRows;
  if (rows.total === 0 && preview.staticPackages.length === 0) return null;
  const pages = Math.max(1, Math.ceil(rows.total / rows.pageSize));
  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('adoption.staticTitle')}</Title>
        <Text size="sm" c="dimmed">{t('adoption.staticHint')}</Text>
        {preview.staticPackages.length > 0 && (
          <Group gap="xs">
            {preview.staticPackages.map((p) => (
              <Badge key={p.key} variant="light" color={p.willCreate ? 'green' : 'gray'}>
                {t('adoption.staticPackage', { name: p.packageName, count: p.customers, pool: p.cidr ?? '—', kind: p.willCreate ? t('adoption.newPackage') : t('adoption.existingPackage') })}
              </Badge>
            ))}
          </Group>
        )}
        <Table aria-label={t('adoption.staticLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adoption.col.address')}</Table.Th>
              <Table.Th>{t('adoption.col.queue')}</Table.Th>
              <Table.Th>{t('adoption.col.name')}</Table.Th>
              <Table.Th>{t('adoption.col.mac')}</Table.Th>
              <Table.Th>{t('adoption.col.maxLimit')}</Table.Th>
              <Table.Th>{t('adoption.col.expires')}</Table.Th>
              <Table.Th>{t('adoption.col.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.items.map((r) => (
              <Table.Tr key={`${r.address}\u0000${r.queueName ?? ''}`}>
                <Table.Td><Text size="sm" ff="monospace">{r.address}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{r.queueName ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.fullName}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{r.macAddress ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{r.maxLimit || '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.skip ? '—' : r.expiresAt ? tf.dateTime(r.expiresAt) : t('adoption.expiresDefault')}</Text></Table.Td>
                <Table.Td>
                  {r.skip
                    ? <Text size="sm" c="orange">{t(`adoption.staticSkip.${r.skip}`)}</Text>
                    : <Stack gap={2}><Badge size="sm" variant="light" color="green">{t('adoption.willAdopt')}</Badge><Text size="xs" c="dimmed">{r.packageName}</Text></Stack>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pages > 1 && <Pagination total={pages} value={page} onChange={onPage} size="sm" />}
      </Stack>
    </Paper>
  );
}
