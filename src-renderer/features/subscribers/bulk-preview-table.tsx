import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useTimeFormat } from '../../app/time-format';
import { bulkValueText } from './bulk-values';

type Preview = OutputOf<'subscribers.bulk.preview'>;

/** The dry run: every row the action touches, each change as before → after, rows left alone with why. */
export function BulkPreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>{t('bulk.previewSummary', { changing: preview.changing, total: preview.total })}</Text>
      <ScrollArea.Autosize mah={360}>
        <Table aria-label={t('bulk.previewLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscribers.col.account')}</Table.Th>
              <Table.Th>{t('subscribers.col.name')}</Table.Th>
              <Table.Th>{t('bulk.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.subscriberId}>
                <Table.Td ff="monospace">{r.accountNumber}</Table.Td>
                <Table.Td>{r.fullName}</Table.Td>
                <Table.Td>
                  {r.skip ? (
                    <Badge color="gray" variant="light">{t(`bulk.skip.${r.skip}`)}</Badge>
                  ) : (
                    <Stack gap={2}>
                      {r.changes.map((c) => (
                        <Group key={c.field} gap={6} wrap="nowrap">
                          <Text size="xs" c="dimmed">{t(`bulk.field.${c.field}`, { defaultValue: c.field })}</Text>
                          <Text size="sm">{bulkValueText(c.before, tf.dateTime)}</Text>
                          <Text size="sm" c="dimmed">→</Text>
                          <Text size="sm" fw={600}>{bulkValueText(c.after, tf.dateTime)}</Text>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
