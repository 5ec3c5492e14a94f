import { ActionIcon, Badge, Checkbox, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDotsVertical } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { OutputOf } from '@shared/contract';
import { DRIFT_ACTIONS, type DriftAction, type DriftKind } from '@shared/contract/router-sync';
import type { TimeFormat } from '../../app/time-format';

export type DriftRow = OutputOf<'sync.drift.list'>['items'][number];

const KIND_COLORS: Record<DriftKind, string> = { missing: 'red', extra: 'orange', foreign: 'grape', different: 'yellow' };

/**
 * Whether an action fits a row, as main decides it: adopting needs a "different" object ISP Desk owns;
 * applying ours cannot touch an item ISP Desk did not make. (Main still has the last word on "extra".)
 */
export function driftActionFits(row: Pick<DriftRow, 'kind' | 'objectId'>, action: DriftAction): boolean {
  if (action === 'ignore') return true;
  if (action === 'adopt-theirs') return row.kind === 'different' && row.objectId !== null;
  return row.kind !== 'foreign';
}

interface Options {
  t: TFunction;
  tf: TimeFormat;
  canOperate: boolean;
  selected: ReadonlySet<string>;
  pageIds: string[];
  onSelect: (ids: string[], on: boolean) => void;
  onAction: (action: DriftAction, rows: DriftRow[]) => void;
}

export function driftColumns(o: Options): ColumnDef<DriftRow>[] {
  const { t, tf } = o;
  const all = o.pageIds.length > 0 && o.pageIds.every((id) => o.selected.has(id));
  const cols: ColumnDef<DriftRow>[] = [
    { id: 'kind', header: t('sync.drift.col.kind'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Badge color={KIND_COLORS[row.original.kind]} variant="light">{t(`sync.drift.kind.${row.original.kind}`)}</Badge> },
    { id: 'label', header: t('sync.drift.col.object'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600}>{row.original.label}</Text> },
    { id: 'menu', header: t('sync.drift.col.menu'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.menu}</Text> },
    {
      id: 'diffs',
      header: t('sync.drift.col.diffs'),
      cell: ({ row }) => (
        <Stack gap={2}>
          {row.original.diffs.map((d) => (
            <Group key={d.prop} gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed" ff="monospace">{d.prop}</Text>
              <Text size="sm">{d.ours ?? '—'}</Text>
              <Text size="sm" c="dimmed">→</Text>
              <Text size="sm" fw={600}>{d.theirs ?? '—'}</Text>
            </Group>
          ))}
        </Stack>
      ),
    },
    { id: 'detectedAt', header: t('sync.drift.col.detected'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.detectedAt)}</Text> },
    { id: 'status', header: t('sync.drift.col.status'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{t(`sync.drift.status.${row.original.status}`)}</Text> },
  ];
  if (!o.canOperate) return cols;
  cols.unshift({
    id: 'select',
    header: () => <Checkbox aria-label={t('sync.drift.selectPage')} checked={all} onChange={() => o.onSelect(o.pageIds, !all)} />,
    meta: { width: 40 },
    cell: ({ row: { original: r } }) => (
      <Checkbox aria-label={t('sync.drift.select', { label: r.label })} checked={o.selected.has(r.id)} onChange={(e) => o.onSelect([r.id], e.currentTarget.checked)} />
    ),
  });
  cols.push({
    id: 'actions',
    header: () => null,
    meta: { align: 'right', width: 56 },
    cell: ({ row: { original: r } }) => (
      <Menu position="bottom-end" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('sync.drift.actionsFor', { label: r.label })}><IconDotsVertical size={18} /></ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {DRIFT_ACTIONS.map((a) => (
            <Menu.Item key={a} disabled={!driftActionFits(r, a)} onClick={() => o.onAction(a, [r])}>{t(`sync.drift.action.${a}`)}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    ),
  });
  return cols;
}
