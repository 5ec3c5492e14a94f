import { Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useMoney } from '../payments/use-money';

/** The codes just sold, to hand over or read out (printing is the hotspot area's). */
export function SoldVouchersModal({ sold, onClose }: { sold: OutputOf<'vouchers.sell'> | null; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Modal opened={sold !== null} onClose={onClose} size="lg"
      title={sold ? t('voucherSales.sell.soldTitle', { count: sold.sale.count, total: money(sold.sale.totalMinor) }) : ''}>
      {sold && (
        <Stack gap="md">
          <ScrollArea.Autosize mah={420}>
            <Table aria-label={t('voucherSales.sell.doneTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('voucherSales.sell.code')}</Table.Th>
                  <Table.Th>{t('voucherSales.sell.password')}</Table.Th>
                  <Table.Th>{t('voucherSales.sell.batch')}</Table.Th>
                  <Table.Th ta="right">{t('voucherSales.sell.price')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sold.vouchers.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td><Text ff="monospace" size="sm">{v.code}</Text></Table.Td>
                    <Table.Td><Text ff="monospace" size="sm">{v.password}</Text></Table.Td>
                    <Table.Td>#{v.batchSerial}</Table.Td>
                    <Table.Td ta="right">{money(v.priceMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group justify="flex-end"><Button onClick={onClose}>{t('voucherSales.sell.close')}</Button></Group>
        </Stack>
      )}
    </Modal>
  );
}
