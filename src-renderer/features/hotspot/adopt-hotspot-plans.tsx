import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { formatMoney } from '@shared/domain/money';
import { formatDuration } from '@shared/domain/time';

type PlanRow = OutputOf<'hotspot.adopt.preview'>['plans'][number];

/** The plans adoption would create or reuse, one row per router profile. */
export function AdoptHotspotPlans({ plans, currency }: { plans: readonly PlanRow[]; currency: string }) {
  const { t } = useTranslation();
  const limitText = (l: PlanRow['limit']) => (l.kind === 'none' ? t('hotspotAdopt.limit.none') : t(`hotspotAdopt.limit.${l.kind}`, { time: formatDuration(l.seconds * 1000) }));
  return (
    <Table striped withTableBorder aria-label={t('hotspotAdopt.col.plan')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('hotspotAdopt.col.profile')}</Table.Th>
          <Table.Th>{t('hotspotAdopt.col.plan')}</Table.Th>
          <Table.Th>{t('hotspotAdopt.col.rate')}</Table.Th>
          <Table.Th>{t('hotspotAdopt.col.limit')}</Table.Th>
          <Table.Th ta="right">{t('hotspotAdopt.col.price')}</Table.Th>
          <Table.Th ta="right">{t('hotspotAdopt.col.vouchers')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plans.map((p) => (
          <Table.Tr key={p.profile}>
            <Table.Td><Text size="sm" ff="monospace">{p.profile}</Text></Table.Td>
            <Table.Td>
              {p.differs.length > 0
                ? <Text size="sm" c="orange">{t('hotspotAdopt.planUnsupported', { props: p.differs.join(', ') })}</Text>
                : <Text size="sm">{p.planName} <Badge size="xs" variant="light" color={p.willCreate ? 'blue' : 'gray'}>{t(p.willCreate ? 'hotspotAdopt.planNew' : 'hotspotAdopt.planExisting')}</Badge></Text>}
            </Table.Td>
            <Table.Td><Text size="sm" ff="monospace">{p.rateLimit}</Text></Table.Td>
            <Table.Td><Text size="sm">{limitText(p.limit)}</Text></Table.Td>
            <Table.Td ta="right"><Text size="sm">{formatMoney(p.priceMinor, currency)}</Text></Table.Td>
            <Table.Td ta="right"><Text size="sm">{p.vouchers}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
