import { Badge, Group, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconShieldOff } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { filterRuleRow } from '@shared/contract/routers';
import { useRpc } from '../../../app/use-rpc';
import { EmptyNotice } from '../../../components/empty-notice';
import { FULL_BADGE, SimpleTable, TabHeader, type SimpleColumn } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { formatByteSize } from '../units';
import { distinctSorted, firewallActionColor, formatCount } from './values';

type Rule = z.infer<typeof filterRuleRow>;

function Matcher({ address, list, listLabel }: { address: string; list: string; listLabel: string }): ReactNode {
  if (!address && !list) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {address && <Text size="sm" ff="monospace">{address}</Text>}
      {list && (
        <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
          <Text size="xs" c="dimmed">{listLabel}</Text>
          <Badge styles={FULL_BADGE} size="sm" variant="light" color="gray" tt="none">{list}</Badge>
        </Group>
      )}
    </Stack>
  );
}

/** Firewall filter rules in router order (read only); disabled rules are dimmed. */
export function FilterRules({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const list = useRpc('routers.firewall.filters', { routerId: router.id });
  const [chain, setChain] = useState('all');
  const chains = useMemo(() => distinctSorted((list.data?.items ?? []).map((r) => r.chain)), [list.data]);
  const rows = useMemo(() => {
    const items = list.data?.items.map((r, i) => ({ ...r, position: i }));
    return chain === 'all' ? items : items?.filter((r) => r.chain === chain);
  }, [list.data, chain]);

  const columns = useMemo<SimpleColumn<Rule & { position: number }>[]>(() => {
    const listLabel = t('routerTabs.filters.list');
    return [
      { id: 'n', header: '#', align: 'right', width: 40, cell: (r) => <Text size="sm" c="dimmed">{r.position}</Text> },
      { id: 'chain', header: t('routerTabs.filters.col.chain'), nowrap: true, cell: (r) => <Text size="sm" fw={500}>{r.chain}</Text> },
      {
        id: 'action',
        header: t('routerTabs.filters.col.action'),
        nowrap: true,
        cell: (r) => (
          <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
            <Badge styles={FULL_BADGE} size="sm" variant="filled" color={firewallActionColor(r.action)} tt="none">{r.action}</Badge>
            {r.disabled && <Badge styles={FULL_BADGE} size="xs" variant="outline" color="gray">{t('routerTabs.common.disabled')}</Badge>}
            {r.invalid && <Badge styles={FULL_BADGE} size="xs" variant="light" color="red">{t('routerTabs.filters.invalid')}</Badge>}
            {r.dynamic && <Badge styles={FULL_BADGE} size="xs" variant="light" color="violet">{t('routerTabs.common.dynamic')}</Badge>}
          </Group>
        ),
      },
      { id: 'protocol', header: t('routerTabs.filters.col.protocol'), nowrap: true, cell: (r) => <Text size="sm">{r.protocol || t('routerTabs.filters.any')}</Text> },
      { id: 'src', header: t('routerTabs.filters.col.source'), cell: (r) => <Matcher address={r.srcAddress} list={r.srcAddressList} listLabel={listLabel} /> },
      { id: 'dst', header: t('routerTabs.filters.col.destination'), cell: (r) => <Matcher address={r.dstAddress} list={r.dstAddressList} listLabel={listLabel} /> },
      { id: 'port', header: t('routerTabs.filters.col.ports'), cell: (r) => <Text size="sm" ff="monospace">{r.dstPort ? r.dstPort.replaceAll(',', ',\u200b') : '—'}</Text> },
      {
        id: 'interfaces',
        header: t('routerTabs.filters.col.interfaces'),
        cell: (r) => !r.inInterface && !r.outInterface ? <Text size="sm" c="dimmed">—</Text> : (
          <Stack gap={0}>
            {r.inInterface && <Text size="sm">{t('routerTabs.filters.in', { name: r.inInterface })}</Text>}
            {r.outInterface && <Text size="sm">{t('routerTabs.filters.out', { name: r.outInterface })}</Text>}
          </Stack>
        ),
      },
      { id: 'comment', header: t('routerTabs.filters.col.comment'), cell: (r) => <Text size="sm" c="dimmed">{r.comment}</Text> },
      {
        id: 'counters',
        header: t('routerTabs.filters.col.counters'),
        align: 'right',
        nowrap: true,
        cell: (r) => (
          <Tooltip label={t('routerTabs.filters.countersExact', { packets: r.packets.toLocaleString('en'), bytes: r.bytes.toLocaleString('en') })}>
            <Stack gap={0} align="flex-end">
              <Text size="sm">{formatByteSize(r.bytes)}</Text>
              <Text size="xs" c="dimmed">{t('routerTabs.filters.packets', { n: formatCount(r.packets) })}</Text>
            </Stack>
          </Tooltip>
        ),
      },
    ];
  }, [t]);

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.filters.intro')} />
      <SimpleTable
        label={t('routerTabs.filters.table')}
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        minWidth={860}
        toolbar={chains.length > 1 && (
          <SegmentedControl
            aria-label={t('routerTabs.filters.chainFilter')}
            size="xs"
            value={chain}
            onChange={setChain}
            data={[{ value: 'all', label: t('routerTabs.filters.allChains') }, ...chains.map((c) => ({ value: c, label: c }))]}
          />
        )}
        rowStyle={(r) => (r.disabled ? { opacity: 0.45 } : undefined)}
        rowAttributes={(r) => ({ 'data-disabled': r.disabled ? 'true' : undefined })}
        empty={<EmptyNotice icon={<IconShieldOff size={26} />} title={t('routerTabs.filters.empty')} description={t('routerTabs.filters.emptyBody')} />}
      />
    </Stack>
  );
}
